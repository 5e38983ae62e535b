/**
 * The time `analyze()` adds over `lint()` on the benchmark corpus, in-process,
 * dictionary loaded beforehand. Alternates the two passes to share the noise.
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

async function pass(kind: 'lint' | 'analyze'): Promise<number> {
  const start = performance.now()
  for (const text of texts) {
    const file = new VFile(text)
    if (kind === 'lint') await linter.lint(file)
    else await analyzer.analyze(file)
  }
  return performance.now() - start
}

await pass('lint')
await pass('analyze')
const lintTimes: number[] = []
const analyzeTimes: number[] = []
for (let round = 0; round < 3; round++) {
  lintTimes.push(await pass('lint'))
  analyzeTimes.push(await pass('analyze'))
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const lintMs = median(lintTimes)
const analyzeMs = median(analyzeTimes)
console.log(`${texts.length} files: lint ${lintMs.toFixed(0)} ms, analyze ${analyzeMs.toFixed(0)} ms (median of 3), analyze adds ${(analyzeMs - lintMs).toFixed(0)} ms (${(((analyzeMs - lintMs) / lintMs) * 100).toFixed(1)}%)`)
