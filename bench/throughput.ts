/**
 * In-process throughput of lint() over the benchmark corpus, in characters per
 * second, with the Japanese dictionary load excluded and included.
 *
 *   npx tsx bench/throughput.ts [corpus folder, default ../shared/corpus] [--limit N] [--json]
 *
 * With --json (as the harness runs it) it prints one JSON line instead of a table.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {performance} from 'node:perf_hooks'
import {createLinter} from '../src/index.js'
import {loadTokenizer} from '../src/lang/ja/tokenizer.js'

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {json: {type: 'boolean'}, limit: {type: 'string'}}
})
const corpus = path.resolve(positionals[0] ?? path.join(import.meta.dirname, '../../shared/corpus'))
const limit = values.limit ? Number(values.limit) : Infinity

function read(lang: string) {
  const folder = path.join(corpus, lang)
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
  return pick(names, limit).map((name) => readFileSync(path.join(folder, name), 'utf8'))
}

/** Every k-th name, so a subset still spans the whole corpus (the harness picks the same way). */
function pick(names: string[], count: number): string[] {
  if (names.length <= count) return names
  const step = names.length / count
  return Array.from({length: count}, (_, index) => names[Math.floor(index * step)]!)
}

const linter = createLinter({stage: 'education'})
const loadStart = performance.now()
await loadTokenizer()
const loadMs = performance.now() - loadStart

// Wall time is what users see; CPU time (this thread's user + system) is steadier on a busy machine.
const result: Record<string, {files: number; chars: number; ms: number; cpuMs: number; charsPerSecond: number; charsPerCpuSecond: number; messages: number}> = {}
for (const lang of ['ja', 'en']) {
  const texts = read(lang)
  const chars = texts.reduce((sum, text) => sum + text.length, 0)
  // One warm-up pass (JIT), then the counted pass.
  for (const text of texts.slice(0, 20)) await linter.lint(text)
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  let messages = 0
  for (const text of texts) messages += (await linter.lint(text)).messages.length
  const ms = performance.now() - start
  const cpu = process.cpuUsage(cpuStart)
  const cpuMs = (cpu.user + cpu.system) / 1000
  result[lang] = {files: texts.length, chars, ms, cpuMs, charsPerSecond: chars / (ms / 1000), charsPerCpuSecond: chars / (cpuMs / 1000), messages}
}

if (values.json) {
  process.stdout.write(JSON.stringify({loadMs, ...result}) + '\n')
} else {
  console.log(`dictionary load: ${loadMs.toFixed(0)} ms (node ${process.version})\n`)
  console.log('| corpus | files | chars | lint ms | chars/s (load excluded) | chars/s (load included) | messages |')
  console.log('|---|---:|---:|---:|---:|---:|---:|')
  for (const [lang, row] of Object.entries(result)) {
    const withLoad = lang === 'ja' ? row.ms + loadMs : row.ms
    const rate = (ms: number) => Math.round(row.chars / (ms / 1000)).toLocaleString('en')
    console.log(`| ${lang} | ${row.files} | ${row.chars.toLocaleString('en')} | ${row.ms.toFixed(0)} | ${rate(row.ms)} | ${rate(withLoad)} | ${row.messages} |`)
  }
}
