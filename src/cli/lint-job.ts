import {VFile} from 'vfile'
import {createLinter, type Linter} from '../core/processor.js'
import type {TrustlintOptions} from '../core/options.js'
import {toPlain, type PlainMessage} from './serialize.js'

/** One file to lint, as plain data (it may cross to a worker thread). */
export interface LintJob {
  path: string
  value: string
  options: TrustlintOptions
  /** Same key, same options: one linter serves every job with it. */
  optionsKey: string
}

export type LintJobResult = {messages: PlainMessage[]} | {error: string; timedOut?: boolean}

// One linter per distinct configuration, per thread; the Japanese dictionary
// is shared by all of them (one load per thread).
const linters = new Map<string, Linter>()

/** Lint one job; any failure is returned as text, never thrown. */
export async function runJob(job: LintJob): Promise<LintJobResult> {
  try {
    let linter = linters.get(job.optionsKey)
    if (!linter) {
      linter = createLinter(job.options)
      linters.set(job.optionsKey, linter)
    }
    const file = await linter.lint(new VFile({path: job.path, value: job.value}))
    // The CLI reports messages only: let the prose model (and the tree it holds) and the
    // CTA inventory go before the plain copies are made, so they never add up
    // (docs/performance.md, Large files).
    delete file.data.trustlintProse
    delete file.data.trustlintCtas
    return {messages: file.messages.map(toPlain)}
  } catch (error) {
    return {error: (error as Error).message}
  }
}
