import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync, mkdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

// These tests run the built CLI (`npm test` builds first), as users do.
const root = path.resolve(import.meta.dirname, '..')
const cli = path.join(root, 'dist/cli.js')
const work = mkdtempSync(path.join(tmpdir(), 'trustlint-cli-'))

function run(args: string[], cwd = work) {
  const result = spawnSync(process.execPath, [cli, ...args], {cwd, encoding: 'utf8'})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function write(name: string, text: string | Buffer) {
  const file = path.join(work, name)
  mkdirSync(path.dirname(file), {recursive: true})
  writeFileSync(file, text)
  return file
}

afterAll(() => rmSync(work, {recursive: true, force: true}))

describe('trustlint CLI', () => {
  write('drafts/lesson.md', '# Lesson\n\n大至急ご確認を。\n')
  write('drafts/close.md', '---\nstage: sales\n---\n\nAct now: [join the course](https://example.com/join).\n')
  write('drafts/notes.txt', 'Act now.\n')
  write('drafts/nested/en.markdown', 'Act now.\n')

  it('prints vfile-reporter output on stderr and exits 0 with warnings only', () => {
    const result = run(['drafts'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/drafts\/lesson\.md\n\s*3:1-3:4\s+warning\s+「大至急」は/)
    expect(result.stderr).toMatch(/drafts\/nested\/en\.markdown/)
    // .txt files are linted as plain text.
    expect(result.stderr).toMatch(/drafts\/notes\.txt\n\s*1:1-1:8\s+warning/)
  })

  it('prints the JSON report on stdout with paths as given', () => {
    const result = run(['--format', 'json', 'drafts/lesson.md', 'drafts/close.md'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report.version).toBe(1)
    expect(report.files.map((file: {path: string}) => file.path)).toEqual(['drafts/close.md', 'drafts/lesson.md'])
    expect(report.files[1].messages[0]).toMatchObject({
      ruleId: 'urgency',
      severity: 'warning',
      stage: 'education',
      lang: 'ja',
      start: {line: 3, column: 1, offset: 10},
      end: {line: 3, column: 4, offset: 13}
    })
    expect(report.summary).toEqual({files: 2, errors: 0, warnings: 1, infos: 0})
  })

  it('--stage sets the default stage', () => {
    const report = JSON.parse(run(['--format', 'json', '--stage', 'sales', 'drafts/lesson.md']).stdout)
    const messages = report.files[0].messages as {ruleId: string; stage: string}[]
    expect(messages.filter((message) => message.ruleId === 'urgency')).toEqual([])
    expect(messages.every((message) => message.stage === 'sales')).toBe(true)
  })

  it('exits 1 when an error-level message exists', () => {
    const bad = write('bad/yaml.md', '---\ntitle: [\n---\n\nText.\n')
    const result = run(['--format', 'json', bad])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout).files[0].messages[0]).toMatchObject({ruleId: 'front-matter', severity: 'error'})
  })

  it('exits 2 on usage errors, with a clear message', () => {
    for (const [args, pattern] of [
      [['--stage', 'closing', 'drafts'], /Unknown stage "closing" in --stage; expected auto or one of acquisition, education, sales/],
      [['--format', 'xml', 'drafts'], /Unknown format "xml"/],
      [['--bogus', 'drafts'], /Unknown option '--bogus'/]
    ] as const) {
      const result = run([...args])
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr).toMatch(pattern)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
    mkdirSync(path.join(work, 'empty-folder'))
    const empty = run(['empty-folder'])
    expect(empty.code).toBe(2)
    expect(empty.stderr).toMatch(/No files matched empty-folder/)
  })

  it('lints every other file when some are bad, and names the bad ones', () => {
    const result = run(['--format', 'json', path.join(root, 'fixtures/bad-input'), 'missing.md'])
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout)
    const byName = Object.fromEntries(
      report.files.map((file: {path: string; messages: {ruleId: string}[]}) => [path.basename(file.path), file.messages.map((message) => message.ruleId)])
    )
    expect(byName['shift-jis.md']).toEqual(['encoding'])
    expect(byName['missing.md']).toEqual(['read-error'])
    expect(byName['empty.md']).toEqual(['empty-file'])
    expect(byName['unclosed-front-matter.md']).toContain('front-matter')
    expect(byName['unclosed-front-matter.md']).toContain('urgency')
    expect(byName['unknown-stage.md']).toContain('stage')
    expect(report.summary.files).toBe(8)
    expect(result.stderr).toBe('')
  })

  it('prints help and version', () => {
    expect(run(['--help']).stdout).toMatch(/^Usage: trustlint/)
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+/)
  })
})
