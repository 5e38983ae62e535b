import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

// The built CLI (`npm test` builds first) on HTML and .eml files.
const root = path.resolve(import.meta.dirname, '..')
const cli = path.join(root, 'dist/cli.js')
const work = mkdtempSync(path.join(tmpdir(), 'trustlint-cli-formats-'))
const email = path.join(root, 'fixtures/email')

function run(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, [cli, ...args], {cwd: work, encoding: 'utf8', input})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

afterAll(() => rmSync(work, {recursive: true, force: true}))

mkdirSync(path.join(work, 'sends'))
copyFileSync(path.join(email, 'mjml.html'), path.join(work, 'sends/export.HTML'))
copyFileSync(path.join(email, 'iso-2022-jp-qp.eml'), path.join(work, 'sends/test.eml'))
writeFileSync(path.join(work, 'sends/notes.htm'), '<p>Act now, it is <b>free</b>.</p>\n')

describe('trustlint CLI on email formats', () => {
  it('a folder yields .html/.htm (any case) and .eml files; the stylish report names the .eml part', () => {
    const result = run(['sends'])
    // お申し込みください in education is a hard-sell error.
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/sends\/export\.HTML\n\s*36:198-36:203\s+warning\s+“Hurry”/)
    expect(result.stderr).toMatch(/sends\/notes\.htm\n\s*1:4-1:11\s+warning/)
    // The ISO-2022-JP file is decoded by its MIME charsets, with no "convert to UTF-8" note.
    expect(result.stderr).toMatch(/sends\/test\.eml#subject\n\s*1:1-1:5\s+warning\s+件名の「【緊急】」/)
    expect(result.stderr).toMatch(/sends\/test\.eml#html\n(?:.*\n)*?\s*6:18-6:21\s+warning\s+「今すぐ」/)
    expect(result.stderr).not.toMatch(/ISO-2022-JP です|encoded in ISO-2022-JP/)
  })

  it('JSON: .eml messages carry their part; positions are in the decoded part', () => {
    const report = JSON.parse(run(['--format', 'json', 'sends/test.eml']).stdout)
    expect(report.files[0].path).toBe('sends/test.eml')
    expect(report.files[0].messages.map((message: {part: string; ruleId: string; actual: string; start: {line: number}}) => [message.part, message.ruleId, message.actual, message.start.line])).toEqual([
      ['subject', 'subject-line', '【緊急】', 1],
      ['html', 'fomo', '後悔します', 6],
      ['html', 'urgency', '今すぐ', 6],
      ['html', 'hard-sell', 'お申し込みください', 6],
      // An email without the 特定電子メール法 footer: one message each, on the part's last character.
      ['html', 'sender-identity', '>', 10],
      ['html', 'unsubscribe', '>', 10]
    ])
  })

  it('GitHub annotations on an .eml are file-level and name the part and place', () => {
    const lines = run(['--format', 'github', 'sends/test.eml']).stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^::warning file=sends\/test\.eml,title=subject-line::#subject 1:1-1:5: 件名の「【緊急】」/)
  })

  it('config: subjectStages globs stage the subject line, subjectFromTitle reads title:', () => {
    mkdirSync(path.join(work, 'site/offers'), {recursive: true})
    writeFileSync(path.join(work, 'site/.trustlintrc.json'), JSON.stringify({stages: {'offers/**': 'sales'}, subjectStages: {'offers/**': 'education'}, subjectFromTitle: true}))
    writeFileSync(path.join(work, 'site/offers/close.md'), '---\ntitle: Act now\n---\n\n[Join the course](https://example.com/enroll).\n')
    const report = JSON.parse(run(['--format', 'json', 'site/offers/close.md']).stdout)
    expect(report.files[0].messages.map((message: {ruleId: string; actual: string; stage: string}) => [message.ruleId, message.actual, message.stage])).toEqual([
      ['urgency', 'Act now', 'education']
    ])
    writeFileSync(path.join(work, 'site/.trustlintrc.json'), JSON.stringify({subjectStages: {'offers/**': 'later'}}))
    const bad = run(['site/offers/close.md'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/"subjectStages\.offers\/\*\*": unknown stage "later"/)
  })

  it('--stdin-filename picks the format: HTML and .eml from standard input', () => {
    const html = run(['--stdin', '--stdin-filename', 'export.html', '--format', 'json'], '<p>Act now, it is <b>free</b>.</p>\n')
    // The footer rules (an HTML file is an email) are tested in compliance.test.ts.
    const pushy = JSON.parse(html.stdout).files[0].messages.filter((message: {category: string}) => message.category !== 'compliance')
    expect(pushy.map((message: {actual: string}) => message.actual)).toEqual(['Act now'])
    // The same text as Markdown is a block of HTML, not prose.
    const markdown = run(['--stdin', '--stdin-filename', 'export.md', '--format', 'json'], '<p>Act now, it is <b>free</b>.</p>\n')
    expect(JSON.parse(markdown.stdout).files[0].messages).toEqual([])
    const eml = run(['--stdin', '--stdin-filename', 'test.eml', '--format', 'json'], readFileSync(path.join(email, 'iso-2022-jp-qp.eml')))
    expect(JSON.parse(eml.stdout).files[0].messages[0]).toMatchObject({part: 'subject', actual: '【緊急】'})
  })
})
