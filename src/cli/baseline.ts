import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {UsageError} from './args.js'
import {writeAtomic} from './write-atomic.js'

/** One recorded finding kind: how many times it occurs in a file. */
export interface BaselineEntry {
  path: string
  ruleId: string
  fingerprint: string
  actual: string
  count: number
}

export interface Baseline {
  version: 1
  findings: BaselineEntry[]
}

const normalize = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()
const hash = (text: string) => createHash('sha256').update(text).digest('hex')

// A sentence ends at 。！？!? or ". ", or at a blank line; Markdown structure
// around it does not matter.
const BOUNDARY = /[。！？!?]|\.(?=\s)|\n[ \t]*\n/g

/** The sentence around a range of the source. */
export function sentenceAround(source: string, start: number, end: number): string {
  let from = 0
  for (const match of source.slice(0, start).matchAll(BOUNDARY)) from = match.index + match[0].length
  BOUNDARY.lastIndex = 0
  const after = BOUNDARY.exec(source.slice(end))
  const to = after ? end + after.index + after[0].length : source.length
  return source.slice(from, to)
}

/**
 * A fingerprint that survives unrelated edits: rule id, the normalised flagged
 * text and a hash of its sentence. Line numbers are not part of it, so lines
 * shifting or other paragraphs changing keep it stable.
 */
export function fingerprint(message: VFileMessage, source: string): string {
  const place = message.place && 'start' in message.place ? message.place : undefined
  const start = place?.start.offset ?? 0
  const end = place?.end.offset ?? start
  const sentence = sentenceAround(source, start, end)
  return hash(`${message.ruleId}\0${normalize(message.actual ?? '')}\0${hash(normalize(sentence))}`).slice(0, 20)
}

/** Build a baseline from linted files and their sources. */
export function buildBaseline(files: {file: VFile; source: string}[]): Baseline {
  const counts = new Map<string, BaselineEntry>()
  for (const {file, source} of files) {
    for (const message of file.messages) {
      const path = (file.path ?? '').replaceAll('\\', '/')
      const print = fingerprint(message, source)
      const key = `${path}\0${message.ruleId}\0${print}`
      const entry = counts.get(key)
      if (entry) entry.count++
      else counts.set(key, {path, ruleId: message.ruleId ?? 'unknown', fingerprint: print, actual: message.actual ?? '', count: 1})
    }
  }
  const findings = [...counts.values()].sort(
    (a, b) => compare(a.path, b.path) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint)
  )
  return {version: 1, findings}
}

function compare(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Diff-friendly JSON: one finding per line. */
export function serializeBaseline(baseline: Baseline): string {
  const lines = baseline.findings.map((entry) => '    ' + JSON.stringify(entry))
  return `{\n  "version": 1,\n  "findings": [\n${lines.join(',\n')}${lines.length > 0 ? '\n' : ''}  ]\n}\n`
}

export async function writeBaseline(location: string, baseline: Baseline): Promise<void> {
  await writeAtomic(location, serializeBaseline(baseline))
}

/** Read a baseline; errors name it as the user wrote it (`shown`). */
export async function readBaseline(location: string, shown = location): Promise<Baseline> {
  let data: Baseline
  try {
    data = JSON.parse(await readFile(location, 'utf8')) as Baseline
  } catch (error) {
    throw new UsageError(`--baseline ${shown}: cannot read it (${(error as Error).message})`)
  }
  if (data?.version !== 1 || !Array.isArray(data.findings)) throw new UsageError(`--baseline ${shown}: not a trustlint baseline (version 1)`)
  return data
}

/** Drop the messages the baseline already records (up to its count per fingerprint); the rest are new. */
export function applyBaseline(files: {file: VFile; source: string}[], baseline: Baseline): number {
  const allowance = new Map<string, number>()
  for (const entry of baseline.findings) {
    const key = `${entry.path}\0${entry.ruleId}\0${entry.fingerprint}`
    allowance.set(key, (allowance.get(key) ?? 0) + entry.count)
  }
  let known = 0
  for (const {file, source} of files) {
    const path = (file.path ?? '').replaceAll('\\', '/')
    file.messages = file.messages.filter((message) => {
      const key = `${path}\0${message.ruleId}\0${fingerprint(message, source)}`
      const left = allowance.get(key) ?? 0
      if (left <= 0) return true
      allowance.set(key, left - 1)
      known++
      return false
    })
  }
  return known
}
