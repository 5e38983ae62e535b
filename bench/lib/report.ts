import type {Rounds, Sample} from './measure.js'
import {spread, type Spread} from './stats.js'

/** results.json's measures; a key is absent until it can be measured. */
export interface Results {
  ja?: {vsFloor: Spread; vsTextlint: Spread; rssVsFloor: Spread}
  en?: {vsFloor: Spread; vsAlex: Spread}
  coldJa?: {vsTextlint: Spread; vsFloor: Spread}
  coldEn?: {vsAlex: Spread; vsFloor?: Spread}
  cache?: {ratio: Spread}
  workers?: {speedup: Spread; rssRatio: Spread}
  /** (f) lint() in one process, characters per second, dictionary load excluded. */
  throughput?: {ja: Spread; en: Spread}
}

/** What the run was made on, for the reader of RESULTS.md. */
export interface Meta {
  date: string
  mode: string
  via: string
  notMeasurable: string[]
  warmup: number
  runs: number
  /** Relative to the repository, never an absolute path of the machine. */
  corpusPath?: string
  corpus: Record<string, {files: number; bytes: number}>
  machine: {cpus: number; cpu: string; memoryGiB: number; platform: string; node: string; loadAverage: {before: number[]; after: number[]}}
  versions: Record<string, string>
}

const TARGETS: Array<[string, string, (value: number) => boolean]> = [
  ['ja.vsFloor', '≤ 1.25', (v) => v <= 1.25],
  ['ja.vsTextlint', '≤ 0.35', (v) => v <= 0.35],
  ['ja.rssVsFloor', '≤ 1.1', (v) => v <= 1.1],
  ['en.vsFloor', '≤ 2.0', (v) => v <= 2],
  ['en.vsAlex', '≤ 0.35', (v) => v <= 0.35],
  ['coldJa.vsTextlint', '≤ 0.7', (v) => v <= 0.7],
  ['coldJa.vsFloor', '—', () => true],
  ['coldEn.vsAlex', '≤ 0.5', (v) => v <= 0.5],
  ['cache.ratio', '≤ 0.1', (v) => v <= 0.1],
  ['workers.speedup', '≥ 1.5', (v) => v >= 1.5],
  ['workers.rssRatio', '≤ 1.3', (v) => v <= 1.3]
]

const NOT_YET: Record<string, string> = {
  'cache.ratio': 'not measurable yet (no `--cache` option)',
  'workers.speedup': 'not measurable yet (no worker pool)',
  'workers.rssRatio': 'not measurable yet (no worker pool)'
}

function lookup(results: Results, key: string): Spread | undefined {
  const [group, name] = key.split('.') as [keyof Results, string]
  return (results[group] as Record<string, Spread> | undefined)?.[name]
}

const f = (x: number, digits = 2) => x.toFixed(digits)

/** Render bench/RESULTS.md: ratios against targets, absolute figures, machine and versions. */
export function renderResults(results: Results, meta: Meta, rounds: Record<string, Rounds>): string {
  const lines: string[] = []
  lines.push('# Benchmark results', '')
  lines.push(
    `Written by \`npm run bench${meta.mode === 'quick' ? ' -- --quick' : ''}\` on ${meta.date} (${meta.mode} run: ` +
      `${meta.warmup} warm-up + ${meta.runs} counted rounds per comparison, run alternately). ` +
      'Ratios are medians of per-round ratios, with min–max; lower is better except for `workers.speedup`. ' +
      'See [docs/performance.md](../docs/performance.md) for what each measure means.',
    ''
  )
  lines.push('| key | median | min–max | target | |', '|---|---:|---:|---:|---|')
  for (const [key, target, met] of TARGETS) {
    const value = lookup(results, key)
    if (!value) {
      const why = meta.notMeasurable.includes(key) ? NOT_YET[key] : 'not measured in this run'
      lines.push(`| \`${key}\` | — | — | ${target} | ${why} |`)
      continue
    }
    const verdict = target === '—' ? '' : met(value.median) ? 'met' : '**missed**'
    lines.push(`| \`${key}\` | ${f(value.median, 3)} | ${f(value.min, 3)}–${f(value.max, 3)} | ${target} | ${verdict} |`)
  }
  if (results.throughput) {
    const t = results.throughput
    lines.push(
      '',
      `(f) \`lint()\` throughput in one process, dictionary load excluded: Japanese ${Math.round(t.ja.median).toLocaleString('en')} chars/s ` +
        `(${Math.round(t.ja.min).toLocaleString('en')}–${Math.round(t.ja.max).toLocaleString('en')}), English ${Math.round(t.en.median).toLocaleString('en')} chars/s ` +
        `(${Math.round(t.en.min).toLocaleString('en')}–${Math.round(t.en.max).toLocaleString('en')}).`
    )
  }
  lines.push('', '## Whole processes', '', 'Medians over the counted rounds (wall and CPU in seconds, peak RSS in MiB); noted, never asserted.', '')
  lines.push('| comparison | command | wall s | CPU s | peak RSS MiB |', '|---|---|---:|---:|---:|')
  const labels: Record<string, string> = {
    ja: '(a) Japanese corpus',
    en: '(b) English corpus',
    coldJa: '(c) cold start, one small Japanese file',
    coldEn: '(c) cold start, one small English file',
    cache: '(d) Japanese corpus, cached rerun',
    workers: '(e) Japanese corpus, worker pool'
  }
  for (const [name, set] of Object.entries(rounds)) {
    for (const [command, samples] of Object.entries(set)) {
      const m = (field: keyof Sample) => spread(samples.map((s) => s[field]))
      const wall = m('wall')
      lines.push(
        `| ${labels[name] ?? name} | ${command} | ${f(wall.median)} (${f(wall.min)}–${f(wall.max)}) | ${f(m('cpu').median)} | ${f(m('rss').median, 0)} |`
      )
    }
  }
  const corpus = Object.entries(meta.corpus)
    .map(([lang, c]) => `${lang}: ${c.files} files, ${c.bytes.toLocaleString('en')} bytes`)
    .join('; ')
  lines.push('', '## Setup', '')
  lines.push(`- Corpus: \`${meta.corpusPath ?? '../shared/corpus'}\` (${corpus}).`)
  lines.push(
    `- Machine: ${meta.machine.cpus} × ${meta.machine.cpu}, ${meta.machine.memoryGiB} GiB, ${meta.machine.platform}, Node.js ${meta.machine.node}.`
  )
  lines.push(
    `- Load average (1, 5, 15 min) before: ${meta.machine.loadAverage.before.join(', ')}; after: ${meta.machine.loadAverage.after.join(', ')}. ` +
      'The machine is shared (other test runs on the same cores), which is why commands alternate and only ratios count.'
  )
  lines.push(`- Versions: ${Object.entries(meta.versions).map(([name, version]) => `${name} ${version}`).join(', ')}.`)
  lines.push(
    '- Commands: trustlint = ' +
      (meta.via === 'cli' ? 'its CLI, bundled as `npm run build` bundles it' : 'its lint loop without the CLI (`bench/lint-files.ts`, `--via lib`)') +
      '; floor = `bench/floor-ja.ts` (stock kuromoji load, remark-parse, ' +
      'tokenize every paragraph and heading once) or `bench/floor-en.ts` (remark-parse, ParseEnglish); textlint with ' +
      '`bench/textlintrc.json` (ja-no-weak-phrase, no-doubled-joshi); alex with its defaults. Each is a fresh `node` process; ' +
      'CPU and peak RSS come from `process.resourceUsage()` in the child (`bench/usage.cjs`).',
    meta.notMeasurable.length
      ? `- Not measurable yet: ${meta.notMeasurable.map((key) => `\`${key}\``).join(', ')} (the CLI has no ${meta.notMeasurable.map((key) => (key === 'cache.ratio' ? '`--cache`' : '`--concurrency`')).join(' or ')}); absent from results.json.`
      : '- (d) compares `--cache` over unchanged files with a run without it; (e) `--concurrency 1` with the default pool. (a)–(c) use `--concurrency 1`.'
  )
  return lines.join('\n') + '\n'
}
