/**
 * Does the stage confidence mean what it says? A reliability table of the
 * document-level inference: of the cases inferred with confidence ≥ t, how
 * many are right, on each half of ../shared/realcopy (front matter absent)
 * and on our own labelled set. Measurement only; nothing is fit here.
 *
 *   npx tsx bench/stage-calibration.ts
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {createAnalyzer} from '../src/analyze/analyze.js'
import type {Stage} from '../src/core/stages.js'
import {halfOf} from './lib/accuracy-score.js'
import {readOwnLabelled, readRealCopy} from './lib/realcopy.js'

const root = path.resolve(import.meta.dirname, '..')
const realcopy = path.join(root, '../shared/realcopy')
const labelled = path.join(root, 'fixtures/analyze/labelled')
const analyzer = createAnalyzer()

interface Case {
  set: string
  stage: Stage
  text: string
}

const cases: Case[] = []
if (existsSync(realcopy)) {
  for (const item of readRealCopy(realcopy)) cases.push({set: `realcopy ${halfOf(item.source)}`, stage: item.stage, text: item.text})
}
for (const {stage, text} of readOwnLabelled(labelled)) cases.push({set: 'own labelled set', stage, text})

const results: {set: string; right: boolean; confidence: number}[] = []
for (const item of cases) {
  const {stage} = (await analyzer.analyze(new VFile({path: 'case.md', value: item.text}))).document
  results.push({set: item.set, right: stage.inferred === item.stage, confidence: stage.confidence})
}

const thresholds = [0.5, 0.6, 0.7, 0.8, 0.9]
console.log(`| set | ${thresholds.map((t) => `conf. ≥ ${t}`).join(' | ')} | all |`)
console.log(`|---|${thresholds.map(() => '---:').join('|')}|---:|`)
for (const set of ['realcopy tune', 'realcopy check', 'own labelled set']) {
  const of = results.filter((entry) => entry.set === set)
  if (of.length === 0) continue
  const cell = (subset: typeof of) => (subset.length === 0 ? '–' : `${subset.filter((entry) => entry.right).length}/${subset.length} (${(subset.filter((entry) => entry.right).length / subset.length).toFixed(2)})`)
  console.log(`| ${set} | ${thresholds.map((t) => cell(of.filter((entry) => entry.confidence >= t))).join(' | ')} | ${cell(of)} |`)
}
