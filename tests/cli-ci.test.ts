import {execFileSync, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import Encoding from 'encoding-japanese'
import {afterAll, beforeEach, describe, expect, it, vi} from 'vitest'

// End-to-end tests of the built CLI (`npm test` builds first) in throwaway repos.
// Each test spawns the CLI several times; Node start-up and the dictionary load
// dominate, so they get a generous timeout.
vi.setConfig({testTimeout: 120_000})
const root = path.resolve(import.meta.dirname, '..')
const cli = path.join(root, 'dist/cli.js')
// ajv-draft-04 is CommonJS with `module.exports = Ajv`; under NodeNext its types see the namespace.
const Ajv = AjvDraft04 as unknown as typeof import('ajv-draft-04').default
const base = mkdtempSync(path.join(tmpdir(), 'trustlint-ci-'))
let repo = ''
let counter = 0

function run(args: string[], options: {input?: string | Buffer; env?: NodeJS.ProcessEnv} = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {cwd: repo, encoding: 'utf8', input: options.input, env: {...process.env, ...options.env}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function json(args: string[]) {
  const result = run(['--format', 'json', ...args])
  return {...result, report: result.stdout ? JSON.parse(result.stdout) : undefined}
}

function write(name: string, text: string | Buffer) {
  const file = path.join(repo, name)
  mkdirSync(path.dirname(file), {recursive: true})
  writeFileSync(file, text)
  return file
}

const rulesOf = (report: {files: {path: string; messages: {ruleId: string}[]}[]}) =>
  Object.fromEntries(report.files.map((file) => [file.path, file.messages.map((message) => message.ruleId)]))

beforeEach(() => {
  repo = path.join(base, `repo-${++counter}`)
  mkdirSync(repo, {recursive: true})
  write('lessons/one.md', '# Lesson\n\nAct now and read on.\n')
  write('lessons/two.md', '# 講座\n\n今すぐ確認しましょう。\n')
})

afterAll(() => rmSync(base, {recursive: true, force: true}))

describe('files', () => {
  it('lints the current folder by default, honouring .gitignore, .trustlintignore and ignore flags', () => {
    write('drafts/old.md', 'Act now.\n')
    write('vendor/x.md', 'Act now.\n')
    write('notes.txt', '# not a heading, just text: act now\n')
    write('image.png', 'not lintable')
    write('.gitignore', 'vendor/\n')
    write('.trustlintignore', 'drafts/old.md\n')
    expect(Object.keys(rulesOf(json([]).report))).toEqual(['lessons/one.md', 'lessons/two.md', 'notes.txt'])
    expect(Object.keys(rulesOf(json(['--ignore-pattern', '*.txt', '--ignore-pattern', 'lessons/two.md']).report))).toEqual(['lessons/one.md'])
    write('extra-ignore', 'lessons/\n')
    expect(Object.keys(rulesOf(json(['--ignore-path', 'extra-ignore']).report))).toEqual(['notes.txt'])
    expect(Object.keys(rulesOf(json(['--no-ignore']).report))).toContain('vendor/x.md')
  })

  it('expands globs and reads .txt as plain text', () => {
    const {report} = json(['lessons/*.md', '*.txt'])
    expect(Object.keys(rulesOf(report))).toEqual(['lessons/one.md', 'lessons/two.md'])
    write('plain.txt', '# Heading?\n\nAct now.\n')
    const plain = json(['plain.txt']).report
    expect(plain.files[0].messages[0]).toMatchObject({ruleId: 'urgency', start: {line: 3, column: 1}})
  })

  it('reads standard input, named by --stdin-filename', () => {
    const result = run(['--stdin', '--stdin-filename', 'offers/close.md', '--format', 'json'], {input: 'Act now.\n'})
    const report = JSON.parse(result.stdout)
    expect(report.files[0].path).toBe('offers/close.md')
    expect(report.files[0].messages.map((message: {ruleId: string}) => message.ruleId)).toContain('urgency')
  })

  it('exits 2 when nothing matches', () => {
    const result = run(['nothing/*.md'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/No files matched nothing\/\*\.md/)
  })
})

describe('configuration', () => {
  it('finds the nearest config from each file upward, and applies stages globs', () => {
    write('.trustlintrc.json', JSON.stringify({rules: {urgency: {education: 'error'}}, stages: {'offers/**': 'sales'}}))
    write('offers/close.md', '# Offer\n\nAct now. [Join the course](https://example.com/join)\n')
    write('lessons/.trustlintrc.yml', 'rules:\n  urgency: info\n')
    const {report, code} = json([])
    expect(code).toBe(0)
    const byPath = Object.fromEntries(report.files.map((file: {path: string; messages: {ruleId: string; severity: string; stage: string}[]}) => [file.path, file.messages]))
    expect(byPath['lessons/one.md'].find((message: {ruleId: string}) => message.ruleId === 'urgency').severity).toBe('info')
    expect(byPath['offers/close.md'].filter((message: {ruleId: string}) => message.ruleId === 'urgency')).toEqual([])
    expect(byPath['offers/close.md'].every((message: {stage: string}) => message.stage === 'sales')).toBe(true)
  })

  it('reads package.json "trustlint", YAML .trustlintrc, and JS configs; --config and --no-config override', () => {
    write('package.json', JSON.stringify({name: 'x', trustlint: {rules: {urgency: 'off'}}}))
    expect(json(['lessons/one.md']).report.files[0].messages).toEqual([])
    write('.trustlintrc', 'rules:\n  urgency: error\n')
    expect(json(['lessons/one.md']).code).toBe(1)
    write('custom.config.mjs', 'export default {rules: {urgency: "info"}}\n')
    expect(json(['--config', 'custom.config.mjs', 'lessons/one.md']).report.files[0].messages[0].severity).toBe('info')
    expect(json(['--no-config', 'lessons/one.md']).report.files[0].messages[0].severity).toBe('warning')
  })

  it('extends presets and shared files; per-stage levels work', () => {
    write('shared.yml', 'rules:\n  urgency: {education: info}\n')
    write('.trustlintrc.json', JSON.stringify({extends: ['trustlint:strict', './shared.yml']}))
    expect(json(['lessons/one.md']).report.files[0].messages[0].severity).toBe('info')
    write('.trustlintrc.json', JSON.stringify({extends: 'trustlint:strict'}))
    expect(json(['lessons/one.md']).report.files[0].messages.find((message: {ruleId: string}) => message.ruleId === 'urgency').severity).toBe('error')
  })

  it.each([
    [{rulez: {}}, /\.trustlintrc\.json: "rulez": unknown key; did you mean "rules"\?/],
    [{rules: {urgancy: 'off'}}, /"rules\.urgancy": unknown rule; did you mean "urgency"\?/],
    [{rules: {urgency: 'loud'}}, /"rules\.urgency": expected off, info, warning or error/],
    [{stage: 'closing'}, /"stage": unknown stage "closing"/],
    [{extends: 'trustlint:strikt'}, /"extends": unknown preset "trustlint:strikt"; did you mean "trustlint:strict"\?/]
  ])('rejects a bad config with exit 2 naming the file and key (%#)', (config, pattern) => {
    write('.trustlintrc.json', JSON.stringify(config))
    const result = run([])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(pattern)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('rejects a broken config file', () => {
    write('.trustlintrc.json', '{"rules": ')
    const result = run([])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/\.trustlintrc\.json: "\(file\)": not valid JSON or YAML/)
  })
})

describe('output and exit codes', () => {
  it('writes SARIF 2.1.0 that validates against the official schema', () => {
    const result = run(['--format', 'sarif', '--output', 'reports/trustlint.sarif'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    const sarif = JSON.parse(readFileSync(path.join(repo, 'reports/trustlint.sarif'), 'utf8'))
    const require = createRequire(import.meta.url)
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'))
    // The schema's patterns are not valid with the `u` flag, which Ajv 8 uses by default.
    const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
    const valid = ajv.validate(schema, sarif)
    expect(ajv.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    const results = sarif.runs[0].results
    expect(results.map((result: {ruleId: string}) => result.ruleId)).toContain('urgency')
    expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^lessons\/(one|two)\.md$/)
    expect(results[0].locations[0].physicalLocation.region).toMatchObject({startLine: 3, startColumn: 1})
    const urgency = sarif.runs[0].tool.driver.rules.find((rule: {id: string}) => rule.id === 'urgency')
    expect(urgency).toMatchObject({helpUri: expect.stringMatching(/docs\/rules\/urgency\.md$/), defaultConfiguration: {level: 'warning'}})
  })

  it('writes GitHub annotations with escaped data and properties', () => {
    write('odd, name: 100%.md', '# T\n\nAct now.\n')
    const result = run(['--format', 'github', 'odd, name: 100%.md'])
    expect(result.stdout).toMatch(/^::warning file=odd%2C name%3A 100%25\.md,line=3,col=1,endLine=3,endColumn=8,title=urgency::“Act now” pushes/m)
    write('.trustlintrc.json', JSON.stringify({rules: {urgency: 'error'}}))
    expect(run(['--format', 'github', 'lessons/one.md']).stdout).toMatch(/^::error /)
  })

  it('--quiet reports errors only; --max-warnings turns too many warnings into exit 1', () => {
    expect(json(['--quiet']).report.files.every((file: {messages: unknown[]}) => file.messages.length === 0)).toBe(true)
    expect(run(['--max-warnings', '5']).code).toBe(0)
    const over = run(['--max-warnings', '0'])
    expect(over.code).toBe(1)
    expect(over.stderr).toMatch(/warnings, more than --max-warnings 0/)
    expect(run(['--max-warnings', 'many']).code).toBe(2)
  })
})

describe('baseline', () => {
  it('records findings and reports only new ones, surviving unrelated edits', () => {
    expect(run(['--baseline-write', 'baseline.json']).code).toBe(0)
    const baseline = readFileSync(path.join(repo, 'baseline.json'), 'utf8')
    expect(JSON.parse(baseline).findings.map((entry: {path: string}) => entry.path)).toEqual(['lessons/one.md', 'lessons/two.md'])
    expect(baseline.split('\n').length).toBeGreaterThan(4)
    expect(json(['--baseline', 'baseline.json']).report.summary.warnings).toBe(0)
    // Unrelated edits: lines shift, another paragraph changes.
    write('lessons/one.md', '# Lesson\n\nA new intro paragraph.\n\nAnother one, rewritten.\n\nAct now and read on.\n')
    expect(json(['--baseline', 'baseline.json']).report.summary.warnings).toBe(0)
    // A new finding is reported (and only it).
    write('lessons/one.md', '# Lesson\n\nA new intro paragraph.\n\nAct now and read on.\n\nHurry, the doors close.\n')
    const {report} = json(['--baseline', 'baseline.json'])
    expect(report.files.flatMap((file: {messages: {actual: string}[]}) => file.messages.map((message) => message.actual))).toEqual(['Hurry'])
  })

  it('keeps the baseline file stable across runs', () => {
    run(['--baseline-write', 'a.json'])
    run(['--baseline-write', 'b.json'])
    expect(readFileSync(path.join(repo, 'a.json'), 'utf8')).toBe(readFileSync(path.join(repo, 'b.json'), 'utf8'))
  })
})

describe('cache', () => {
  it('reuses results for unchanged files and is invalidated by a config change', () => {
    const first = json(['--cache'])
    expect(existsSync(path.join(repo, '.trustlintcache'))).toBe(true)
    const cache = JSON.parse(readFileSync(path.join(repo, '.trustlintcache'), 'utf8'))
    // Poison the cached findings: a cache hit returns them verbatim.
    cache.files['lessons/one.md'].messages[0].reason = 'from the cache'
    writeFileSync(path.join(repo, '.trustlintcache'), JSON.stringify(cache))
    const second = json(['--cache'])
    expect(second.report.files[0].messages[0].message).toBe('from the cache')
    expect(second.report.summary).toEqual(first.report.summary)
    // A config change (or a content change) invalidates the entry.
    write('.trustlintrc.json', JSON.stringify({rules: {urgency: 'info'}}))
    const third = json(['--cache'])
    expect(third.report.files[0].messages[0].message).not.toBe('from the cache')
    expect(third.report.files[0].messages[0].severity).toBe('info')
    expect(json(['--cache', '--cache-location', 'tmp/cache.json']).code).toBe(0)
    expect(existsSync(path.join(repo, 'tmp/cache.json'))).toBe(true)
  })
})

describe('scale', () => {
  it('gives the same report with one worker and with a pool, in a deterministic order', () => {
    for (let index = 0; index < 12; index++) write(`many/file-${String(index).padStart(2, '0')}.md`, `# ${index}\n\n今すぐ確認しましょう。Act now.\n`)
    const single = run(['--format', 'json', '--concurrency', '1', 'many'])
    const pooled = run(['--format', 'json', '--concurrency', '2', 'many'])
    expect(pooled.code).toBe(0)
    expect(pooled.stdout).toBe(single.stdout)
    expect(JSON.parse(pooled.stdout).files.map((file: {path: string}) => file.path)).toEqual(
      Array.from({length: 12}, (_, index) => `many/file-${String(index).padStart(2, '0')}.md`)
    )
  })

  it('--shard splits files into disjoint, complete, stable parts', () => {
    for (let index = 0; index < 10; index++) write(`many/f${index}.md`, 'Act now.\n')
    const all = Object.keys(rulesOf(json([]).report))
    const parts = [1, 2, 3].map((index) => Object.keys(rulesOf(json(['--shard', `${index}/3`]).report ?? {files: []})))
    expect(parts.flat().sort()).toEqual(all)
    expect(new Set(parts.flat()).size).toBe(all.length)
    write('many/new.md', 'Act now.\n')
    const after = [1, 2, 3].map((index) => Object.keys(rulesOf(json(['--shard', `${index}/3`]).report ?? {files: []})))
    parts.forEach((part, index) => expect(after[index]).toEqual(expect.arrayContaining(part)))
    expect(run(['--shard', '4/3']).code).toBe(2)
  })

  it('--changed-since lints only files changed since a git ref', () => {
    const git = (...args: string[]) => execFileSync('git', args, {cwd: repo, stdio: 'pipe'})
    git('init', '-q')
    git('-c', 'user.email=a@b.c', '-c', 'user.name=t', 'add', '.')
    git('-c', 'user.email=a@b.c', '-c', 'user.name=t', 'commit', '-qm', 'start')
    write('lessons/one.md', '# Lesson\n\nHurry.\n')
    write('lessons/three.md', 'Act now.\n')
    expect(Object.keys(rulesOf(json(['--changed-since', 'HEAD']).report))).toEqual(['lessons/one.md', 'lessons/three.md'])
    const bad = run(['--changed-since', 'no-such-ref'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--changed-since no-such-ref: git could not list changed files/)
  })
})

describe('bad input', () => {
  it('reports each bad file, decodes what it can, lints the rest, and writes no content file', () => {
    write('bad/binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 0, 0, 3]))
    write('bad/utf16-bom.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Act now.\n', 'utf16le')]))
    write('bad/utf16-nobom.md', Buffer.from('# Title\n\nAct now, the doors close.\n', 'utf16le'))
    write('bad/shift-jis.md', Buffer.from(Encoding.convert(Encoding.stringToCode('# 講座\n\n今すぐ確認しましょう。\n'), {to: 'SJIS', from: 'UNICODE'})))
    write('bad/euc-jp.md', Buffer.from(Encoding.convert(Encoding.stringToCode('# 講座のお知らせ\n\n今すぐ確認しましょう。\n'), {to: 'EUCJP', from: 'UNICODE'})))
    write('bad/invalid.md', Buffer.from([0x41, 0x63, 0x74, 0xff, 0xfe, 0xfd, 0x20, 0x80, 0x0a]))
    write('bad/big.md', 'Act now.\n'.repeat(200))
    symlinkSync(path.join(repo, 'nowhere.md'), path.join(repo, 'bad/broken-link.md'))
    const before = snapshot(repo)
    const {report, code} = json(['--max-file-size', '1000', 'bad', 'lessons'])
    expect(code).toBe(1)
    const rules = rulesOf(report)
    expect(rules['bad/binary.md']).toEqual(['binary-file'])
    expect(rules['bad/utf16-bom.md']).toEqual(['encoding', 'urgency'])
    expect(rules['bad/utf16-nobom.md']).toEqual(['encoding', 'urgency'])
    expect(rules['bad/shift-jis.md']).toEqual(expect.arrayContaining(['encoding', 'urgency']))
    expect(rules['bad/euc-jp.md']).toEqual(expect.arrayContaining(['encoding', 'urgency']))
    expect(rules['bad/invalid.md']).toEqual(['encoding'])
    expect(rules['bad/big.md']).toEqual(['file-too-large'])
    expect(rules['bad/broken-link.md']).toEqual(['read-error'])
    expect(rules['lessons/one.md']).toEqual(['urgency'])
    const sjis = report.files.find((file: {path: string}) => file.path === 'bad/shift-jis.md')
    // The note is in the language of the decoded text (Japanese here); the binary notice in English by default.
    expect(sjis.messages[0].message).toMatch(/の文字コードは Shift_JIS です。読み込みましたが、UTF-8 に変換してください/)
    expect(report.files.find((file: {path: string}) => file.path === 'bad/binary.md').messages[0].message).toMatch(/looks like a binary file; skipped/)
    const japanese = json(['--locale', 'ja', 'bad/binary.md']).report
    expect(japanese.files[0].messages[0].message).toMatch(/バイナリファイルのようです/)
    expect(sjis.messages.find((message: {ruleId: string}) => message.ruleId === 'urgency').actual).toBe('今すぐ')
    expect(snapshot(repo)).toEqual(before)
  })
})

function snapshot(folder: string): Record<string, string> {
  const result: Record<string, string> = {}
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name)
      let info
      try {
        info = statSync(full)
      } catch {
        continue
      }
      if (info.isDirectory()) visit(full)
      else result[path.relative(folder, full)] = createHash('sha256').update(readFileSync(full)).digest('hex')
    }
  }
  visit(folder)
  return result
}


describe('trustlint analyze', () => {
  it('prints a table per draft, JSON with the documented shape, and honours --stage auto', () => {
    write('news/offer.md', '## The workshop\n\nThe workshop costs $290, payable by card. Enrollment closes on May 31.\n\n[Reserve my seat](https://example.com/checkout)\n')
    const table = run(['analyze', 'news'])
    expect(table.code).toBe(0)
    expect(table.stdout.split('\n')[0]).toMatch(/^file\s+stage declared \/ inferred\s+pushiness\s+CTA\s+sections\s+readability$/)
    expect(table.stdout).toMatch(/news\/offer\.md\s+— \/ sales 0\.\d\d\s+0\s+1\.00\s+1\s+en /)
    const analysis = JSON.parse(run(['analyze', '--format', 'json', '--stage', 'auto', 'news']).stdout)
    expect(analysis.version).toBe(1)
    const [file] = analysis.files
    expect(Object.keys(file)).toEqual(['path', 'document', 'sections'])
    expect(Object.keys(file.document)).toEqual(['stage', 'pushiness', 'cta', 'readability'])
    expect(file.sections[0]).toMatchObject({heading: 'The workshop', stage: {declared: null, inferred: 'sales', used: 'sales'}})
    expect(file.sections[0].stage.signals.map((signal: {name: string}) => signal.name)).toEqual(expect.arrayContaining(['price', 'purchase-ask', 'checkout-link']))
    expect(run(['analyze', '--format', 'pdf', 'news']).code).toBe(2)
  })
})

describe('usage errors from flags', () => {
  it('name the flag and the value as given, and exit 2', () => {
    const missing = run(['--baseline', 'nope.json'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/^trustlint: --baseline nope\.json: cannot read it/)
    expect(run(['--ignore-path', 'no-such-ignore']).stderr).toMatch(/--ignore-path no-such-ignore: no such file/)
  })
})
