import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import Encoding from 'encoding-japanese'
import {VFile} from 'vfile'
import {afterAll, describe, expect, it} from 'vitest'
import {createLinter, lint} from '../src/index.js'
import {boundaryProblems, isSorted, placeProblems} from './helpers.js'

// Hostile input (issue 13). Sizes are chosen so that linear code finishes in
// well under the test timeout and code quadratic in a paragraph cannot: the
// timeout is a hang guard, not a speed target (speed is for `npm run bench`).

const linter = createLinter()

async function lintAs(value: string, name = 'draft.md') {
  const file = await linter.lint(new VFile({path: name, value}))
  const source = value.replace(/^\uFEFF/, '')
  // The checks walk the source per message: on thousands of messages, check the first and last ones.
  const checked = file.messages.length > 200 ? [...file.messages.slice(0, 100), ...file.messages.slice(-100)] : file.messages
  const problems = checked.flatMap((message) => [...placeProblems(source, message), ...boundaryProblems(source, message, {references: !name.endsWith('.txt')})])
  return {file, problems}
}

describe('no crash on malformed text', () => {
  it.each(['座\ud83d', 'ぐ\ud83d', '\ud83d』', '今すぐ\ude00申し込む', '\u0000日本語の文章です。今すぐ'])('lints %j as .md, .txt and .mdx', async (value) => {
    for (const name of ['x.md', 'x.txt', 'x.mdx']) {
      const {problems} = await lintAs(value, name)
      expect(problems).toEqual([])
    }
  })
})

describe('exact positions after references, astral characters and in plain text', () => {
  it('a numeric reference or an emoji before a cue shifts nothing', async () => {
    for (const value of ['&#x1F525;今すぐ申し込んでください', '🔥今すぐ申し込んでください', '&#xD800; act now', 'w&#xD800; act now']) {
      const {file, problems} = await lintAs(value)
      expect(problems).toEqual([])
      const urgency = file.messages.find((message) => message.ruleId === 'urgency')!
      expect(['今すぐ', 'act now']).toContain(urgency.actual)
    }
  })

  it('NUL, which Markdown reads as U+FFFD, shifts nothing after it', async () => {
    const {file, problems} = await lintAs('> &#x1F525;\n> \u0000 &#x1F525; 🔥\n')
    expect(problems).toEqual([])
    expect(file.messages.map((message) => message.actual)).toEqual(['&#x1F525;', '&#x1F525;', '🔥'])
  })

  it('plain text decodes no references: &amp; is four characters', async () => {
    const {file, problems} = await lintAs('AT&amp;T 今すぐ申し込んでください\n\n😀今すぐ', 'x.txt')
    expect(problems).toEqual([])
    expect(file.messages.filter((message) => message.ruleId === 'urgency').map((message) => message.actual)).toEqual(['今すぐ', '今すぐ'])
  })

  it('control-comment messages are sorted with the rest', async () => {
    const file = await lint('<!--trustlint--->\n\n今すぐ')
    expect(file.messages.map((message) => message.ruleId)).toEqual(['control', 'urgency'])
    expect(isSorted(file.messages)).toBe(true)
  })
})

describe('linear cost on long runs (hang guard)', () => {
  it.each([
    ['a katakana run', 'カ'.repeat(40_000)],
    ['a Latin run', 'a'.repeat(400_000)],
    ['Japanese without a break', 'あいうえおかきくけこ'.repeat(30_000)],
    ['100,000 ！ in one paragraph', '！'.repeat(100_000)],
    ['a wall of alarm emoji', '🔥 '.repeat(20_000)],
    ['10,000 links in one paragraph', Array.from({length: 10_000}, (_, index) => `[a](https://example.com/${index})`).join(' ')]
  ])('%s', async (_, value) => {
    const {file, problems} = await lintAs(value)
    expect(problems).toEqual([])
    expect(file.messages.every((message) => message.ruleId !== 'internal-error')).toBe(true)
  }, 20_000)

  // Per-section work was a scan of the document per section or per directive: stage
  // scopes, directives, the CTA inventory's sentences and links, stage inference.
  it.each([
    ['40,000 stage directives', '<!-- trustlint stage: sales -->\n\nSome text here.\n\n'.repeat(40_000), {}],
    ['30,000 sections with stage inference', '## a\n\nb\n\n'.repeat(30_000), {stage: 'auto' as const}]
  ])('%s', async (_, value, options) => {
    const file = await createLinter(options).lint(new VFile({path: 'sections.md', value}))
    expect(file.messages.every((message) => message.ruleId !== 'internal-error')).toBe(true)
    expect(isSorted(file.messages)).toBe(true)
  }, 20_000)

  it('a wall of adjacent alarm emoji is one finding', async () => {
    const file = await lint('🔥'.repeat(5000))
    expect(file.messages.filter((message) => message.ruleId === 'pressure-punctuation')).toHaveLength(1)
  })
})

describe('smaller defects', () => {
  it('a non-string stage in front matter is shown as written', async () => {
    const file = await lint('---\nstage: {}\n---\n\ntext')
    expect(file.messages.find((message) => message.ruleId === 'stage')?.reason).toMatch(/Unknown stage "\{\}"/)
  })

  it('MDX that does not parse says where', async () => {
    const file = await linter.lint(new VFile({path: 'x.mdx', value: '# Hi\n\nSome text <div and { broken\n'}))
    const error = file.messages.find((message) => message.ruleId === 'parse-error')!
    expect(error.place && 'start' in error.place ? error.place.start.line : undefined).toBe(3)
  })

  it('an empty dictPath is an error, not the default', async () => {
    await expect(lint('x', {dictPath: ''})).rejects.toThrow(/dictPath/)
  })
})

describe('the CLI on hostile files', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'trustlint-hostile-'))
  afterAll(() => rmSync(folder, {recursive: true, force: true}))
  const cli = path.resolve(import.meta.dirname, '../dist/cli.js')
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, '--no-config', '--no-ignore', '--format', 'json', ...args], {cwd: folder, encoding: 'utf8', timeout: 60_000})

  it('skips FIFOs, devices and symlink loops with a message each, and lints the rest', () => {
    execFileSync('mkfifo', [path.join(folder, 'pipe.md')])
    symlinkSync('/dev/zero', path.join(folder, 'zero.md'))
    symlinkSync('loop.md', path.join(folder, 'loop.md'))
    writeFileSync(path.join(folder, 'ok.md'), '# News\n\nAct now.\n')
    const jis = Encoding.convert(Encoding.stringToCode('# お知らせ\n\n今すぐお申し込みください。\n'), {to: 'JIS', from: 'UNICODE'})
    writeFileSync(path.join(folder, 'jis.md'), Buffer.from(jis))
    writeFileSync(path.join(folder, 'x.md'), '---\nstage: education\nx: !!js/function "f"\n---\n\ntext\n')
    const result = run('pipe.md', 'zero.md', 'loop.md', 'ok.md', 'jis.md', 'x.md')
    expect(result.status).toBe(1)
    const report = JSON.parse(result.stdout) as {files: {path: string; messages: {ruleId: string; message: string}[]}[]}
    const first = (name: string) => report.files.find((file) => file.path === name)!.messages[0]!
    expect(first('pipe.md').message).toMatch(/not a regular file \(a named pipe\)/)
    expect(first('zero.md').message).toMatch(/not a regular file \(a device\)/)
    expect(first('loop.md').message).toMatch(/symbolic link loop/)
    expect(first('pipe.md').message).not.toContain(folder)
    expect(report.files.find((file) => file.path === 'ok.md')!.messages.map((message) => message.ruleId)).toContain('urgency')
    // ISO-2022-JP is decoded, with the note to convert, and its cues are found.
    const jisRules = report.files.find((file) => file.path === 'jis.md')!.messages.map((message) => message.ruleId)
    expect(jisRules).toEqual(expect.arrayContaining(['encoding', 'urgency']))
    // YAML warnings do not leak onto stderr.
    expect(result.stderr).not.toMatch(/YAMLWarning/)
  }, 60_000)

  it('a file over --file-timeout is an error for that file; the run goes on', () => {
    // One thread: its first file (a-small.md) starts it and loads the dictionary, with a grace
    // period for that; huge.md then has the 1-second budget alone; z-after.md is linted after it.
    writeFileSync(path.join(folder, 'a-small.md'), '# お知らせ\n\n今すぐお申し込みください。\n')
    writeFileSync(path.join(folder, 'huge.md'), '今すぐお申し込みください。講座の内容を説明します。\n\n'.repeat(80_000))
    writeFileSync(path.join(folder, 'z-after.md'), '# News\n\nAct now.\n')
    const result = run('--max-file-size', '20000000', '--file-timeout', '1', '--concurrency', '1', 'a-small.md', 'huge.md', 'z-after.md')
    const report = JSON.parse(result.stdout) as {files: {path: string; messages: {ruleId: string}[]}[]}
    const rules = (name: string) => report.files.find((file) => file.path === name)!.messages.map((message) => message.ruleId)
    expect(rules('huge.md')).toEqual(['file-timeout'])
    expect(rules('a-small.md')).toContain('urgency')
    expect(rules('z-after.md')).toContain('urgency')
  }, 60_000)
})
