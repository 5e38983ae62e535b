import {execFile} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, describe, expect, it} from 'vitest'

// The accuracy harness (bench/accuracy.ts) on three cases of our own writing
// (fixtures/accuracy/smoke.jsonl), so that it cannot rot: it must lint every
// case through the built CLI, score it and write the JSON. It relies on
// dist/cli.js (`npm test` builds before vitest runs).

const root = path.resolve(import.meta.dirname, '..')
const temp = mkdtempSync(path.join(os.tmpdir(), 'trustlint-accuracy-smoke-'))
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')

afterAll(() => rmSync(temp, {recursive: true, force: true}))

const run = (args: string[]) => promisify(execFile)(process.execPath, [tsx, 'bench/accuracy.ts', ...args], {cwd: root, timeout: 120_000})

interface Score {
  mustFlag: number
  recalled: number
  mustNotFlag: number
  violated: number
}
interface Part {
  cases: number
  pushy: Score
  cta: Score
  ctaAccuracy: {sales: {cases: number; correct: number; accuracy: number | null}; acquisition: {cases: number}}
}
interface Result {
  all: Part
  tune: Part
  check: Part
  byLangStage: Record<string, {cases: number; pushy: Score; cta: Score}>
  byKind: Record<string, Score>
}

describe('the accuracy harness', () => {
  it('scores the three smoke cases and writes the JSON', async () => {
    const out = path.join(temp, 'accuracy.json')
    const {stdout} = await run(['--dir', 'fixtures/accuracy', '--out', out, '--no-list'])
    const result = JSON.parse(readFileSync(out, 'utf8')) as Result

    expect(result.all.cases).toBe(3)
    expect(result.tune.cases + result.check.cases).toBe(3)

    // (a) "Act now" in education: an urgency-family (pushy) report overlaps it.
    expect(result.byKind.urgency).toMatchObject({mustFlag: 1, recalled: 1})
    expect(result.byLangStage['en/education']?.pushy).toMatchObject({mustFlag: 1, recalled: 1})
    // (b) the hedged close of the Japanese sales case: a CTA-family report overlaps it.
    expect(result.byKind['weak-cta']).toMatchObject({mustFlag: 1, recalled: 1})
    expect(result.byLangStage['ja/sales']?.cta).toMatchObject({mustFlag: 1, recalled: 1})
    expect(result.all.pushy.recalled + result.all.cta.recalled).toBe(2)

    // (b) weak and (c) strong are both judged right.
    expect(result.all.ctaAccuracy.sales).toMatchObject({cases: 2, correct: 2, accuracy: 1})
    expect(result.all.ctaAccuracy.acquisition.cases).toBe(0)

    // Four mustNotFlag items (a quoted and a negated pressure phrase, two calm prices), none hit by either family.
    expect(result.all.pushy.mustNotFlag).toBe(4)
    expect(result.all.pushy.violated).toBe(0)
    expect(result.all.cta.violated).toBe(0)

    expect(stdout).toMatch(/real copy: 3 cases/)
    expect(stdout).toMatch(/CTA accuracy, sales\s+1\.00/)
    // --no-list: the summary only, no miss lines.
    expect(stdout).not.toContain('misses (mustFlag')
  }, 150_000)

  it('exits 0 with a clear message when the folder is missing', async () => {
    const out = path.join(temp, 'missing.json')
    // execFile rejects on a non-zero exit, so resolving is exit 0.
    const {stdout} = await run(['--dir', path.join(temp, 'no-such-folder'), '--out', out, '--no-list'])
    expect(stdout).toMatch(/accuracy: no labelled real copy at .*no-such-folder; nothing to measure\./)
    expect(existsSync(out)).toBe(false)
  }, 150_000)
})
