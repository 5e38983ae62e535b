/**
 * The labelled real copy (../shared/realcopy/*.jsonl, see its GUIDE.md) and our
 * own labelled stage set (fixtures/analyze/labelled), read the same way by the
 * accuracy harness, the stage-model fit and the calibration table.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import type {RealCase, Stage} from './accuracy-score.js'

/** Every case of every `*.jsonl` in `dir`, in file order; a bad line names its file and line. */
export function readRealCopy(dir: string): RealCase[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) =>
      readFileSync(path.join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, index) => {
          try {
            return JSON.parse(line) as RealCase
          } catch (error) {
            throw new Error(`${name}:${index + 1}: not a JSON object (${(error as Error).message})`)
          }
        })
    )
}

/** Our own labelled drafts: path under the folder, labelled stage and text, sorted by path. */
export function readOwnLabelled(folder: string): {name: string; stage: Stage; text: string}[] {
  const labels = JSON.parse(readFileSync(path.join(folder, 'labels.json'), 'utf8')) as Record<string, Stage>
  return Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, stage]) => ({name, stage, text: readFileSync(path.join(folder, name), 'utf8')}))
}
