/**
 * Proves that a speed change changes no message: the CLI's JSON report over both corpora,
 * byte for byte, against a baseline saved from the commit the work started from.
 *
 *   npx tsx bench/identity.ts --save   on the starting commit: write the baseline
 *   npx tsx bench/identity.ts          after each change: compare with it (exit 1 on a difference)
 *
 * Options: --corpus <folder with ja/ and en/> (default ../shared/corpus), --baseline <file>
 * (default node_modules/.cache/trustlint-identity/baseline.json: a build artefact, never committed).
 * Each language is linted at the default stage, at `sales` (the CTA rules) and with `auto`
 * (stage inference), in one thread, and once more with a worker pool, which must give the
 * same bytes as one thread.
 */
import {spawn} from 'node:child_process'
import {execFileSync} from 'node:child_process'
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {buildScripts} from './lib/build.js'

const root = path.resolve(import.meta.dirname, '..')
const {values} = parseArgs({options: {save: {type: 'boolean'}, corpus: {type: 'string'}, baseline: {type: 'string'}}})
const corpus = path.resolve(root, values.corpus ?? '../shared/corpus')
const baselineFile = path.resolve(root, values.baseline ?? 'node_modules/.cache/trustlint-identity/baseline.json')
const log = (line: string) => process.stderr.write(line + '\n')

interface Snapshot {
  commit: string
  runs: Record<string, string>
}

const files = (lang: string) =>
  readdirSync(path.join(corpus, lang))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.relative(root, path.join(corpus, lang, name)))

const runs: Record<string, string[]> = {}
for (const lang of ['ja', 'en']) {
  runs[`${lang} default`] = ['--concurrency', '1', ...files(lang)]
  runs[`${lang} sales`] = ['--concurrency', '1', '--stage', 'sales', ...files(lang)]
  runs[`${lang} auto`] = ['--concurrency', '1', '--stage', 'auto', ...files(lang)]
  runs[`${lang} pool`] = ['--concurrency', '2', ...files(lang)]
}

const build = path.join(root, 'node_modules', '.cache', 'trustlint-identity', `build-${process.pid}`)
const snapshot: Snapshot = {commit: git('rev-parse', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : ''), runs: {}}
try {
  const {cli} = await buildScripts(root, build)
  for (const [name, args] of Object.entries(runs)) {
    log(`${name} …`)
    snapshot.runs[name] = await jsonReport(cli, args)
  }
} finally {
  rmSync(build, {recursive: true, force: true})
}

if (values.save) {
  mkdirSync(path.dirname(baselineFile), {recursive: true})
  writeFileSync(baselineFile, JSON.stringify(snapshot))
  log(`saved the baseline of ${snapshot.commit} to ${path.relative(root, baselineFile)}`)
} else {
  const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as Snapshot
  let differing = 0
  for (const name of Object.keys(runs)) {
    const before = baseline.runs[name]
    const after = snapshot.runs[name]!
    if (before === after) {
      log(`  ${name}: identical (${after.length.toLocaleString('en')} bytes)`)
      continue
    }
    differing++
    log(`  ${name}: DIFFERS ${before === undefined ? '(not in the baseline)' : firstDifference(before, after)}`)
  }
  // The pool must also agree with one thread.
  for (const lang of ['ja', 'en']) {
    if (snapshot.runs[`${lang} pool`] !== snapshot.runs[`${lang} default`]) {
      differing++
      log(`  ${lang}: the pool and one thread differ`)
    }
  }
  log(differing ? `${differing} difference(s) from the baseline of ${baseline.commit}` : `identical to the baseline of ${baseline.commit}`)
  process.exitCode = differing ? 1 : 0
}

function git(...args: string[]): string {
  return execFileSync('git', args, {cwd: root, encoding: 'utf8'}).trim()
}

/** The JSON report of one CLI run (exit 0 or 1: findings are not failures here). */
function jsonReport(cli: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, '--format', 'json', '--no-config', ...args], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']})
    const out: Buffer[] = []
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0 || code === 1) resolve(Buffer.concat(out).toString('utf8'))
      else reject(new Error(`the CLI exited with ${code}: ${err.slice(-2000)}`))
    })
  })
}

/** Where two reports first part: the file and its messages on both sides. */
function firstDifference(before: string, after: string): string {
  type Report = {files: {path: string; messages: unknown[]}[]}
  const a = JSON.parse(before) as Report
  const b = JSON.parse(after) as Report
  for (let index = 0; index < Math.max(a.files.length, b.files.length); index++) {
    const left = JSON.stringify(a.files[index])
    const right = JSON.stringify(b.files[index])
    if (left !== right) return `at ${a.files[index]?.path ?? b.files[index]?.path}:\n    before ${left?.slice(0, 1500)}\n    after  ${right?.slice(0, 1500)}`
  }
  return '(same files and messages; the summary or formatting differs)'
}
