/**
 * The time `analyze()` adds over `lint()` on the benchmark corpus, in-process,
 * dictionary loaded beforehand. Alternates the two passes to share the noise, and
 * reports CPU time beside wall time: on a shared machine the wall time of one pass
 * moves by a third from round to round, its CPU time much less.
 *
 *   npx tsx bench/analyze-overhead.ts [corpus folder, default ../shared/corpus]
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {VFile} from 'vfile'
import {createAnalyzer, createLinter} from '../src/index.js'
import {loadTokenizer} from '../src/lang/ja/tokenizer.js'

const corpus = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../../shared/corpus'))
const texts = ['ja', 'en'].flatMap((lang) =>
  readdirSync(path.join(corpus, lang))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({path: `${lang}/${name}`, value: readFileSync(path.join(corpus, lang, name), 'utf8')}))
)
await loadTokenizer()
const linter = createLinter()
const analyzer = createAnalyzer()

/** Wall and CPU milliseconds of one pass over the corpus. */
async function pass(kind: 'lint' | 'analyze'): Promise<{wall: number; cpu: number}> {
  const start = performance.now()
  const cpu = process.cpuUsage()
  for (const text of texts) {
    const file = new VFile(text)
    if (kind === 'lint') await linter.lint(file)
    else await analyzer.analyze(file)
  }
  const used = process.cpuUsage(cpu)
  return {wall: performance.now() - start, cpu: (used.user + used.system) / 1000}
}

const ROUNDS = 5
await pass('lint')
await pass('analyze')
const lint: Array<{wall: number; cpu: number}> = []
const analyze: Array<{wall: number; cpu: number}> = []
for (let round = 0; round < ROUNDS; round++) {
  lint.push(await pass('lint'))
  analyze.push(await pass('analyze'))
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
for (const measure of ['wall', 'cpu'] as const) {
  const lintMs = median(lint.map((times) => times[measure]))
  const analyzeMs = median(analyze.map((times) => times[measure]))
  // The median of the per-round ratios, so that one slow round moves neither side alone.
  const ratio = median(analyze.map((times, round) => times[measure] / lint[round]![measure]))
  console.log(`${texts.length} files, ${measure} time: lint ${lintMs.toFixed(0)} ms, analyze ${analyzeMs.toFixed(0)} ms (medians of ${ROUNDS}), analyze adds ${((ratio - 1) * 100).toFixed(1)}% (median of per-round ratios)`)
}
