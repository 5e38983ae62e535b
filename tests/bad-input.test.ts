import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createLinter} from '../src/index.js'
import {placeProblems} from './helpers.js'

const folder = path.resolve(import.meta.dirname, '../fixtures/bad-input')
const linter = createLinter()
const read = (name: string) => readFileSync(path.join(folder, name), 'utf8')

describe('bad input gets a clear message, never a crash', () => {
  it('empty and whitespace-only files get one info message', async () => {
    for (const name of ['empty.md', 'whitespace.md']) {
      const file = await linter.lint(read(name))
      expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['empty-file', undefined]])
      expect(file.messages[0]!.reason).toMatch(/empty/)
    }
  })

  it('front matter without its closing --- is an error at the opening fence, and the rest is still linted', async () => {
    const source = read('unclosed-front-matter.md')
    const file = await linter.lint(source)
    const notice = file.messages.find((message) => message.ruleId === 'front-matter')!
    expect(notice.fatal).toBe(true)
    expect(notice.actual).toBe('---')
    expect(notice.reason).toMatch(/閉じていません/)
    expect(file.messages.some((message) => message.ruleId === 'urgency')).toBe(true)
    expect(file.messages.flatMap((message) => placeProblems(source, message))).toEqual([])
  })

  it('invalid YAML names the problem and points into the front matter', async () => {
    const source = read('invalid-yaml.md')
    const file = await linter.lint(source)
    const notice = file.messages.find((message) => message.ruleId === 'front-matter')!
    expect(notice.reason).toMatch(/^Front matter is not valid YAML: /)
    expect(notice.line).toBeGreaterThanOrEqual(2)
    expect(notice.line).toBeLessThanOrEqual(4)
    expect(notice.reason).not.toMatch(/\n\s+at /)
    // Without a readable stage the file falls back to the default stage (education).
    expect(file.messages.find((message) => message.ruleId === 'urgency')?.stage).toBe('education')
  })

  it('an unknown stage names the value and the allowed ones, at the value', async () => {
    const source = read('unknown-stage.md')
    const file = await linter.lint(source)
    const notice = file.messages.find((message) => message.ruleId === 'stage')!
    expect(notice.actual).toBe('closing')
    expect(notice.reason).toBe('Unknown stage "closing"; expected one of acquisition, education, sales (or 集客, 教育, 販売)')
    expect(notice.fatal).toBe(false)
    const directive = await linter.lint(read('unknown-stage-directive.md'))
    const bad = directive.messages.find((message) => message.ruleId === 'stage')!
    expect(bad.actual).toBe('<!-- trustlint stage: launch -->')
    expect(bad.reason).toMatch(/ステージ「launch」は使えません/)
  })
})
