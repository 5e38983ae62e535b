/**
 * In-process throughput of lint() over the benchmark corpus, in characters per
 * second, with the Japanese dictionary load excluded and included.
 *
 *   npx tsx bench/throughput.ts [corpus folder, default ../shared/corpus]
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {createLinter} from '../src/index.js'
import {loadTokenizer} from '../src/lang/ja/tokenizer.js'

const corpus = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../../shared/corpus'))

function read(lang: string) {
  const folder = path.join(corpus, lang)
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readFileSync(path.join(folder, name), 'utf8'))
}

const linter = createLinter({stage: 'education'})
const loadStart = performance.now()
await loadTokenizer()
const loadMs = performance.now() - loadStart

const rows: string[] = []
for (const lang of ['ja', 'en']) {
  const texts = read(lang)
  const chars = texts.reduce((sum, text) => sum + text.length, 0)
  // One warm-up pass (JIT), then the counted pass.
  for (const text of texts.slice(0, 20)) await linter.lint(text)
  const start = performance.now()
  let messages = 0
  for (const text of texts) messages += (await linter.lint(text)).messages.length
  const ms = performance.now() - start
  const withLoad = lang === 'ja' ? ms + loadMs : ms
  rows.push(
    `| ${lang} | ${texts.length} | ${chars.toLocaleString('en')} | ${ms.toFixed(0)} | ${Math.round(chars / (ms / 1000)).toLocaleString('en')} | ${Math.round(chars / (withLoad / 1000)).toLocaleString('en')} | ${messages} |`
  )
}
console.log(`dictionary load: ${loadMs.toFixed(0)} ms (node ${process.version})\n`)
console.log('| corpus | files | chars | lint ms | chars/s (load excluded) | chars/s (load included) | messages |')
console.log('|---|---:|---:|---:|---:|---:|---:|')
for (const row of rows) console.log(row)
