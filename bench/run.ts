/**
 * The benchmark harness (issue 6): trustlint against the floor and its peers.
 *
 *   npm run bench                 full corpus, 1 warm-up + 7 counted rounds per comparison
 *   npm run bench -- --quick      30 files per language spread over the corpus, 1 + 5 rounds, no (e) (under 2 minutes)
 *
 * Options: --corpus <folder with ja/ and en/> (default ../shared/corpus), --out <folder for
 * RESULTS.md and results.json> (default bench/), --runs N, --warmup N,
 * --only ja,en,cold,cache,workers,throughput, --via cli|lib.
 * Every comparison runs its processes alternately in one run and reports the median of the
 * per-round ratios with their min–max; absolute seconds are recorded, never asserted.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {buildScripts} from './lib/build.js'
import {alternate, runOnce, type Command, type Rounds} from './lib/measure.js'
import {renderResults, type Results} from './lib/report.js'
import {pairedRatios, rounded, spread} from './lib/stats.js'

const root = path.resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)

const {values} = parseArgs({
  options: {
    quick: {type: 'boolean'},
    corpus: {type: 'string'},
    out: {type: 'string'},
    runs: {type: 'string'},
    warmup: {type: 'string'},
    only: {type: 'string'},
    via: {type: 'string'}
  }
})
const quick = Boolean(values.quick)
const corpus = path.resolve(root, values.corpus ?? '../shared/corpus')
const out = path.resolve(root, values.out ?? 'bench')
const runs = Number(values.runs ?? (quick ? 5 : 7))
// Cold starts are short and noisier, so they get more rounds unless --runs says otherwise.
const coldRuns = values.runs ? runs : quick ? 5 : 10
const warmup = Number(values.warmup ?? 1)
// cli: the real command line (dist/cli.js as built); lib: bench/lint-files.ts, the lint loop alone.
const via = values.via ?? 'cli'
if (via !== 'cli' && via !== 'lib') throw new Error(`--via must be cli or lib, not ${via}`)
// (e) is defined over the whole Japanese corpus, so --quick leaves it out unless --only asks for it.
const only = new Set((values.only ?? (quick ? 'ja,en,cold,cache,throughput' : 'ja,en,cold,cache,workers,throughput')).split(','))
// The quick subset: every k-th file of each language, so it still spans the corpus. With fewer
// files start-up weighs more, so quick ratios are for iterating; the full run is the reference.
const limit = quick ? 30 : Infinity
const log = (line: string) => process.stderr.write(line + '\n')

function corpusFiles(lang: string): string[] {
  const folder = path.join(corpus, lang)
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
  const picked = names.length <= limit ? names : Array.from({length: limit}, (_, index) => names[Math.floor((index * names.length) / limit)]!)
  return picked.map((name) => path.join(folder, name))
}

function smallest(files: string[]): string {
  return files.reduce((best, file) => (statSync(file).size < statSync(best).size ? file : best))
}

const bytes = (files: string[]) => files.reduce((sum, file) => sum + statSync(file).size, 0)

const build = path.join(root, 'node_modules', '.cache', 'trustlint-bench', String(process.pid))
const started = new Date()
const loadBefore = os.loadavg()
log(`building the measured scripts into ${path.relative(root, build)} …`)
// Interrupted runs leave no build folder behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    rmSync(build, {recursive: true, force: true})
    process.exit(130)
  })
}
const scripts = await buildScripts(root, build)

const textlintBin = require.resolve('textlint/bin/textlint.js')
const alexBin = path.join(path.dirname(require.resolve('alex/package.json')), 'cli.js')
const textlintConfig = path.join(root, 'bench', 'textlintrc.json')

// What the CLI offers decides what can be measured: (d) needs --cache, (e) --concurrency.
const help = via === 'cli' ? await cliHelp(scripts.cli) : ''
const hasCache = help.includes('--cache-location')
const hasWorkers = help.includes('--concurrency')
// (a)–(c) compare single processes, as textlint and alex are: no worker pool.
const oneProcess = hasWorkers ? ['--concurrency', '1'] : []
const trustlint = (files: string[], extra: string[] = oneProcess, name = 'trustlint'): Command => ({
  name,
  script: via === 'cli' ? scripts.cli : scripts.lintFiles,
  args: [...extra, ...files],
  okCodes: [0, 1]
})
const floor = (lang: 'ja' | 'en', files: string[]): Command => ({
  name: 'floor',
  script: lang === 'ja' ? scripts.floorJa : scripts.floorEn,
  args: files,
  okCodes: [0]
})
const textlint = (files: string[]): Command => ({
  name: 'textlint',
  script: textlintBin,
  args: ['--config', textlintConfig, ...files],
  okCodes: [0, 1]
})
const alex = (files: string[]): Command => ({name: 'alex', script: alexBin, args: files, okCodes: [0, 1]})

const ja = corpusFiles('ja')
const en = corpusFiles('en')
const results: Results = {}
const rounds: Record<string, Rounds> = {}
const options = {warmup, runs, cwd: root, log}
const ratio = (set: Rounds, a: string, b: string, field: 'wall' | 'rss' = 'wall') =>
  rounded(spread(pairedRatios(set[a]!.map((s) => s[field]), set[b]!.map((s) => s[field]))))

try {
  if (only.has('ja')) {
    log(`(a) Japanese corpus: ${ja.length} files, ${bytes(ja).toLocaleString('en')} bytes`)
    const set = (rounds.ja = await alternate([trustlint(ja), floor('ja', ja), textlint(ja)], options))
    results.ja = {vsFloor: ratio(set, 'trustlint', 'floor'), vsTextlint: ratio(set, 'trustlint', 'textlint'), rssVsFloor: ratio(set, 'trustlint', 'floor', 'rss')}
  }
  if (only.has('en')) {
    log(`(b) English corpus: ${en.length} files, ${bytes(en).toLocaleString('en')} bytes`)
    const set = (rounds.en = await alternate([trustlint(en), floor('en', en), alex(en)], options))
    results.en = {vsFloor: ratio(set, 'trustlint', 'floor'), vsAlex: ratio(set, 'trustlint', 'alex')}
  }
  if (only.has('cold')) {
    // Cold start: one small file per process, so start-up and the dictionary load dominate.
    const jaFile = [smallest(ja)]
    const enFile = [smallest(en)]
    const coldOptions = {...options, runs: coldRuns}
    log(`(c) cold start, Japanese: ${path.basename(jaFile[0]!)}`)
    const coldJa = (rounds.coldJa = await alternate([trustlint(jaFile), floor('ja', jaFile), textlint(jaFile)], coldOptions))
    results.coldJa = {vsTextlint: ratio(coldJa, 'trustlint', 'textlint'), vsFloor: ratio(coldJa, 'trustlint', 'floor')}
    log(`(c) cold start, English: ${path.basename(enFile[0]!)}`)
    const coldEn = (rounds.coldEn = await alternate([trustlint(enFile), floor('en', enFile), alex(enFile)], coldOptions))
    results.coldEn = {vsAlex: ratio(coldEn, 'trustlint', 'alex'), vsFloor: ratio(coldEn, 'trustlint', 'floor')}
  }
  if (only.has('cache') && hasCache) {
    // (d) a rerun over unchanged files with --cache, against the same run without it.
    const cacheFile = path.join(build, 'trustlintcache')
    const cached = trustlint(ja, [...oneProcess, '--cache', '--cache-location', cacheFile], 'cached')
    log(`(d) cached rerun vs cold, Japanese corpus (${ja.length} files)`)
    await runOnce(cached, root) // fills the cache
    const set = (rounds.cache = await alternate([trustlint(ja), cached], options))
    results.cache = {ratio: ratio(set, 'cached', 'trustlint')}
  }
  if (only.has('workers') && hasWorkers) {
    // (e) the default worker pool against one worker, whole Japanese corpus.
    log(`(e) default worker pool vs 1 worker, Japanese corpus (${ja.length} files)`)
    const set = (rounds.workers = await alternate([trustlint(ja, oneProcess, 'one worker'), trustlint(ja, [], 'pool')], options))
    // rssRatio: peak memory of the whole process with the pool, over one thread's.
    results.workers = {speedup: ratio(set, 'one worker', 'pool'), rssRatio: ratio(set, 'pool', 'one worker', 'rss')}
  }
  if (only.has('throughput')) {
    log('(f) lint() throughput in one process, dictionary excluded')
    const perLang: Record<'ja' | 'en', number[]> = {ja: [], en: []}
    const args = [corpus, '--json', ...(Number.isFinite(limit) ? ['--limit', String(limit)] : [])]
    const command: Command = {name: 'throughput', script: scripts.throughput, args, okCodes: [0]}
    for (let round = 0; round < Math.min(runs, quick ? 3 : 5); round++) {
      const {sample, stdout} = await runWithOutput(command)
      const parsed = JSON.parse(stdout) as Record<'ja' | 'en', {charsPerSecond: number}>
      perLang.ja.push(parsed.ja.charsPerSecond)
      perLang.en.push(parsed.en.charsPerSecond)
      log(`  round ${round + 1}: ja ${Math.round(parsed.ja.charsPerSecond)} chars/s, en ${Math.round(parsed.en.charsPerSecond)} chars/s (${sample.wall.toFixed(1)}s)`)
    }
    results.throughput = {ja: rounded(spread(perLang.ja), 0), en: rounded(spread(perLang.en), 0)}
  }
} finally {
  rmSync(build, {recursive: true, force: true})
}

const meta = {
  date: started.toISOString(),
  mode: quick ? 'quick' : 'full',
  via,
  notMeasurable: [...(hasCache ? [] : ['cache.ratio']), ...(hasWorkers ? [] : ['workers.speedup', 'workers.rssRatio'])],
  warmup,
  runs,
  corpusPath: path.relative(root, corpus).split(path.sep).join('/'),
  corpus: {ja: {files: ja.length, bytes: bytes(ja)}, en: {files: en.length, bytes: bytes(en)}},
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: {before: loadBefore.map((x) => Number(x.toFixed(2))), after: os.loadavg().map((x) => Number(x.toFixed(2)))}
  },
  versions: Object.fromEntries(
    ['trustlint', 'kuromoji', 'textlint', 'textlint-rule-ja-no-weak-phrase', 'textlint-rule-no-doubled-joshi', 'alex', 'parse-english', 'remark-parse'].map((name) => [
      name,
      (JSON.parse(readFileSync(name === 'trustlint' ? path.join(root, 'package.json') : path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as {version: string}).version
    ])
  )
}

const json = {...results, meta, samples: rounds}
// --out may name a folder that does not exist yet.
mkdirSync(out, {recursive: true})
writeFileSync(path.join(out, 'results.json'), JSON.stringify(json, null, 2) + '\n')
writeFileSync(path.join(out, 'RESULTS.md'), renderResults(results, meta, rounds))
log(`wrote ${path.relative(process.cwd(), path.join(out, 'results.json'))} and RESULTS.md`)

async function cliHelp(cli: string): Promise<string> {
  let text = ''
  await runOnce({name: 'help', script: cli, args: ['--help'], okCodes: [0]}, root, (chunk) => (text += chunk))
  return text
}

async function runWithOutput(command: Command) {
  // The throughput child reports on stdout; runOnce keeps only the tail of the output.
  let stdout = ''
  const sample = await runOnce(command, root, (text) => (stdout += text))
  return {sample, stdout}
}
