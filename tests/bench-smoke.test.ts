import {execFile} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, describe, expect, it} from 'vitest'

// The benchmark harness (bench/run.ts) on a tiny corpus, so that it cannot rot:
// it must build, run every comparison and write results.json with the issue's
// keys. No timing is asserted; one counted round, no warm-up.

const root = path.resolve(import.meta.dirname, '..')
const temp = mkdtempSync(path.join(os.tmpdir(), 'trustlint-bench-smoke-'))
const fixtures = path.join(root, 'fixtures', 'demo')

afterAll(() => rmSync(temp, {recursive: true, force: true}))

describe('the benchmark harness', () => {
  it('runs on a tiny corpus and writes results.json with the expected keys', async () => {
    const corpus = path.join(temp, 'corpus')
    for (const lang of ['ja', 'en']) mkdirSync(path.join(corpus, lang), {recursive: true})
    // Two small files per language: the demo newsletters and a short draft each.
    copyFileSync(path.join(fixtures, 'ja-newsletter.md'), path.join(corpus, 'ja', 'a.md'))
    copyFileSync(path.join(fixtures, 'en-newsletter.md'), path.join(corpus, 'en', 'a.md'))
    writeFileSync(path.join(corpus, 'ja', 'b.md'), '# お知らせ\n\n今すぐお申し込みください。席には限りがあります。\n')
    writeFileSync(path.join(corpus, 'en', 'b.md'), '# News\n\nAct now: only a few seats are left.\n')

    const out = path.join(temp, 'out')
    mkdirSync(out)
    const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
    await promisify(execFile)(
      process.execPath,
      [tsx, 'bench/run.ts', '--corpus', corpus, '--out', out, '--runs', '1', '--warmup', '0', '--only', 'ja,en,cold,throughput'],
      {cwd: root, timeout: 120_000}
    )

    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as Record<string, Record<string, unknown>>
    const keys = ['ja.vsFloor', 'ja.vsTextlint', 'ja.rssVsFloor', 'en.vsFloor', 'en.vsAlex', 'coldJa.vsTextlint', 'coldJa.vsFloor', 'coldEn.vsAlex']
    for (const key of keys) {
      const [group, name] = key.split('.') as [string, string]
      expect(results[group]?.[name], key).toEqual({median: expect.any(Number), min: expect.any(Number), max: expect.any(Number)})
    }
    expect(results.throughput).toEqual({ja: expect.any(Object), en: expect.any(Object)})
    // Skipped here (--only), so absent rather than made up.
    expect(results.cache).toBeUndefined()
    expect(results.workers).toBeUndefined()
    const markdown = readFileSync(path.join(out, 'RESULTS.md'), 'utf8')
    expect(markdown).toContain('| `ja.vsFloor` |')
    expect(markdown).toMatch(/Versions: trustlint \d/)
  }, 150_000)
})
