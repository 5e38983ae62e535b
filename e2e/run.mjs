#!/usr/bin/env node
// End-to-end test of the remark plugin in real site builds (`npm run e2e`).
//
// Packs the working tree with `npm pack`, installs the tarball into a copy of
// each site under e2e/ (Astro 5 + MDX, Docusaurus 3 docs + blog, Next.js 15 +
// @next/mdx with webpack and Turbopack), then builds each site:
//   1. with `report: 'console'` (as committed): the build passes and every
//      expected finding is printed exactly once, with its file, line and rule,
//      and nothing else is printed (no front matter error, no no-cta from a
//      blog excerpt, nothing from a page marked sales by an MDX comment);
//   2. with `report: 'fail'` and without the page that has an error: it passes;
//   3. with `report: 'fail'` and that page: it fails, naming the file, the
//      line and column, and the rule.
// The copies live outside the repository (TRUSTLINT_E2E_DIR, default: a folder
// in the OS temp dir) and keep their node_modules between runs.
//
// Usage: node e2e/run.mjs [astro] [docusaurus] [next] [--keep-going]

import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.dirname(here)
const work = path.resolve(process.env.TRUSTLINT_E2E_DIR ?? path.join(os.tmpdir(), 'trustlint-e2e'))
const BUILD_TIMEOUT_MS = 15 * 60 * 1000

/** What each build must print: `file line:column rule severity`, once each. */
const WARNINGS = (file) => [`${file} 4:1 hype warning`, `${file} 6:24 urgency warning`]
const PUSHY = (file) => `${file} 3:44 hard-sell error`

const SITES = {
  astro: {
    config: 'astro.config.mjs',
    builds: [['npx', ['astro', 'build']]],
    warnings: 'src/pages/warnings.md',
    pushy: 'src/pages/pushy.mdx'
  },
  docusaurus: {
    config: 'docusaurus.config.js',
    builds: [['npx', ['docusaurus', 'build']]],
    warnings: 'docs/warnings.mdx',
    pushy: 'docs/pushy.md'
  },
  next: {
    config: 'next.config.mjs',
    builds: [
      ['npx', ['next', 'build']],
      ['npx', ['next', 'build', '--turbopack']]
    ],
    warnings: 'app/warnings/page.mdx',
    pushy: 'app/pushy/page.mdx'
  }
}

const args = process.argv.slice(2)
const keepGoing = args.includes('--keep-going')
const chosen = args.filter((arg) => !arg.startsWith('--'))
for (const name of chosen) if (!SITES[name]) fail(`unknown site "${name}"; expected ${Object.keys(SITES).join(', ')}`)
const sites = chosen.length > 0 ? chosen : Object.keys(SITES)

const env = {...process.env, NEXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1'}
delete env.CI

mkdirSync(work, {recursive: true})
const tarball = pack()
const results = []
for (const name of sites) {
  try {
    results.push(...runSite(name, SITES[name]))
  } catch (error) {
    results.push({name, check: 'setup', ok: false, detail: error.message})
    if (!keepGoing) break
  }
  if (!keepGoing && results.some((result) => !result.ok)) break
}

console.log('\ntrustlint e2e summary')
for (const result of results) console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name}: ${result.check}${result.detail ? `\n       ${result.detail.replaceAll('\n', '\n       ')}` : ''}`)
const failed = results.filter((result) => !result.ok).length
console.log(`${results.length - failed} passed, ${failed} failed`)
process.exitCode = failed > 0 || results.length === 0 ? 1 : 0

/** `npm pack` of the working tree (prepack builds it), named by content so installs see a change. */
function pack() {
  step('npm pack')
  const out = run('npm', ['pack', '--json', '--pack-destination', work], root)
  if (out.status !== 0) fail(`npm pack failed:\n${out.output}`)
  // The JSON array follows whatever the prepack build printed; it opens with `[` alone on a line.
  const [{filename}] = JSON.parse(out.stdout.slice(out.stdout.search(/^\[$/m)))
  const packed = path.join(work, path.basename(filename))
  const digest = createHash('sha256').update(readFileSync(packed)).digest('hex').slice(0, 12)
  const named = path.join(work, `trustlint-${digest}.tgz`)
  renameSync(packed, named)
  return named
}

function runSite(name, site) {
  const dir = path.join(work, name)
  step(`${name}: install`)
  syncSite(name, dir)
  const install = run('npm', ['install', '--no-audit', '--no-fund'], dir)
  if (install.status !== 0) throw new Error(`npm install failed:\n${tail(install.output)}`)
  if (/install-scripts[\s\S]*trustlint@/.test(install.output)) throw new Error('npm warns about an install script of trustlint')

  const results = []
  const configPath = path.join(dir, site.config)
  const consoleConfig = readFileSync(configPath, 'utf8')
  if (!consoleConfig.includes("report: 'console'")) throw new Error(`${site.config} does not set report: 'console'`)
  const pushyPath = path.join(dir, site.pushy)
  const pushySource = readFileSync(pushyPath, 'utf8')
  for (const [command, commandArgs] of site.builds) {
    const label = `${name} (${commandArgs.join(' ')})`
    const check = (what, ok, detail) => results.push({name: label, check: what, ok, detail: ok ? undefined : detail})

    // 1. report: 'console', every page.
    writeFileSync(configPath, consoleConfig)
    writeFileSync(pushyPath, pushySource)
    step(`${label}: report 'console'`)
    const shown = build(dir, command, commandArgs)
    check("report 'console': the build passes", shown.status === 0, tail(shown.output))
    const expected = [...WARNINGS(site.warnings), PUSHY(site.pushy)]
    const printed = findings(shown.output)
    const counts = new Map()
    for (const finding of printed) counts.set(finding, (counts.get(finding) ?? 0) + 1)
    const missing = expected.filter((finding) => !counts.has(finding))
    const repeated = [...counts].filter(([, count]) => count > 1).map(([finding, count]) => `${finding} ×${count}`)
    const unexpected = [...counts.keys()].filter((finding) => !expected.includes(finding))
    check("report 'console': each expected finding printed (file, line, rule)", missing.length === 0, `missing: ${missing.join('; ')}\n${tail(shown.output)}`)
    check("report 'console': each finding printed once", repeated.length === 0, `repeated: ${repeated.join('; ')}`)
    check("report 'console': nothing else printed (front matter, excerpt, MDX stage comment)", unexpected.length === 0, `unexpected: ${unexpected.join('; ')}`)
    check("report 'console': suggestions shown on their own line", /^\s+suggestion: /m.test(shown.output) && /^\s+提案: /m.test(shown.output), tail(shown.output))

    // 2. report: 'fail', without the page that has an error.
    writeFileSync(configPath, consoleConfig.replace("report: 'console'", "report: 'fail'"))
    rmSync(pushyPath)
    step(`${label}: report 'fail', clean`)
    const clean = build(dir, command, commandArgs)
    check("report 'fail': a site with warnings only builds", clean.status === 0, tail(clean.output))

    // 3. report: 'fail', with it.
    writeFileSync(pushyPath, pushySource)
    step(`${label}: report 'fail', with an error`)
    const failing = build(dir, command, commandArgs)
    check("report 'fail': a page with an error fails the build", failing.status !== 0, tail(failing.output))
    const named = new RegExp(`${escape(path.basename(site.pushy))}[^\\n]*3:44[\\s\\S]*hard-sell`)
    check("report 'fail': the failure names file, line:column and rule", named.test(failing.output), tail(failing.output))
    check("report 'fail': no undefined position", !/undefined:undefined|:0:0\b/.test(failing.output), tail(failing.output))
    writeFileSync(configPath, consoleConfig)
  }
  return results
}

/** Copy the site's sources over the work copy (its node_modules and lockfile stay) and point it at the tarball. */
function syncSite(name, dir) {
  mkdirSync(dir, {recursive: true})
  const kept = new Set(['node_modules', 'package-lock.json'])
  for (const entry of readdirSync(dir)) if (!kept.has(entry)) rmSync(path.join(dir, entry), {recursive: true, force: true})
  const source = path.join(here, name)
  const ignored = new Set(['node_modules', '.astro', 'dist', '.docusaurus', 'build', '.next', 'package-lock.json'])
  cpSync(source, dir, {recursive: true, filter: (from) => !ignored.has(path.basename(from))})
  const manifest = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'))
  manifest.dependencies = {...manifest.dependencies, trustlint: `file:${path.relative(dir, tarball)}`}
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n')
}

function build(dir, command, commandArgs) {
  // Output and the hosts' caches (webpack's persistent cache in node_modules/.cache, .next/cache): a
  // warm build does not compile unchanged pages, so the plugin would not run on them.
  for (const output of ['.next', 'dist', 'build', '.docusaurus', '.astro', 'node_modules/.cache', 'node_modules/.astro']) {
    rmSync(path.join(dir, output), {recursive: true, force: true})
  }
  const started = Date.now()
  const result = run(command, commandArgs, dir, BUILD_TIMEOUT_MS)
  console.log(`    exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(0)} s; what trustlint printed or threw:`)
  // Our report rows and file names, and the lines of a thrown failure.
  const ours = result.output.split('\n').filter((line) => /trustlint|^\s*\d+:\d+-\d+:\d+\s|^\s+(suggestion|提案): |^\S+\.mdx?$|\.mdx?:\d+:\d+/.test(line))
  for (const line of ours.slice(0, 40)) console.log(`    | ${line.length > 160 ? `${line.slice(0, 157)}...` : line}`)
  return result
}

/**
 * The findings in a stylish report: `file line:column rule severity` per row,
 * under the file name vfile-reporter prints above its rows.
 */
function findings(output) {
  const found = []
  let file
  for (const line of output.split('\n')) {
    const row = /^\s*(\d+):(\d+)(?:-\d+:\d+)?\s+(error|warning|info)\s+.*?\s(\S+)\s+trustlint\s*$/.exec(line)
    if (row && file) found.push(`${file} ${row[1]}:${row[2]} ${row[4]} ${row[3]}`)
    else if (/^\S+\.(md|mdx)$/.test(line.trim())) file = line.trim()
    else if (!row && !/^\s+(suggestion|提案): /.test(line)) file = undefined
  }
  return found
}

function run(command, commandArgs, cwd, timeout = 10 * 60 * 1000) {
  const result = spawnSync(command, commandArgs, {cwd, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024})
  return {status: result.status ?? -1, stdout: result.stdout ?? '', output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`}
}

function tail(text, lines = 40) {
  return text.trim().split('\n').slice(-lines).join('\n')
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function step(text) {
  console.log(`\n== ${text}`)
}

function fail(message) {
  console.error(`e2e: ${message}`)
  process.exit(2)
}
