import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {createLinter} from '../src/index.js'

const folder = path.resolve(import.meta.dirname, '../fixtures/control')
const linter = createLinter()
const lintFixture = (name: string) => linter.lint(new VFile({path: path.join(folder, name), value: readFileSync(path.join(folder, name), 'utf8')}))

describe('control comments', () => {
  it('disable/enable, disable-next-line and ignore silence exactly their scope', async () => {
    const file = await lintFixture('disable.md')
    const findings = file.messages.filter((message) => message.ruleId === 'urgency').map((message) => [message.line, message.actual])
    expect(findings).toEqual([
      [9, 'Act now'],
      [13, '今すぐ'],
      [19, 'Act fast']
    ])
  })

  it('reports an unknown rule with a suggestion and an unused comment, as info', async () => {
    const file = await lintFixture('disable.md')
    const control = file.messages.filter((message) => message.ruleId === 'control').map((message) => [message.line, message.fatal, message.reason])
    expect(control).toEqual([
      [21, undefined, 'Unknown rule "urgancy" in a control comment; did you mean "urgency"?'],
      [23, undefined, 'Unused `trustlint-disable-next-line` comment: it silences no message; remove it']
    ])
  })

  it('works with MDX comments in .mdx files', async () => {
    const file = await lintFixture('comments.mdx')
    expect(file.messages.map((message) => [message.line, message.ruleId])).toEqual([[9, 'urgency']])
  })

  it('reports MDX that does not parse as an error on the file, not a crash', async () => {
    const file = await linter.lint(new VFile({path: 'broken.mdx', value: '# Title\n\nA {broken expression\n'}))
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0]).toMatchObject({ruleId: 'parse-error', fatal: true})
    expect(file.messages[0]!.reason).toMatch(/^Cannot parse MDX: /)
  })
})

describe('MDX prose', () => {
  it('lints prose inside JSX components but not imports or expressions', async () => {
    const file = await lintFixture('jsx-prose.mdx')
    const found = file.messages.filter((message) => message.ruleId === 'urgency').map((message) => [message.line, message.actual])
    expect(found).toEqual([
      [6, 'Act now'],
      [6, "before it's too late"],
      [9, 'act now']
    ])
  })
})

describe('parse errors', () => {
  it('are explained in the language of the document', async () => {
    const file = await linter.lint(new VFile({path: 'broken.mdx', value: '# 見出し\n\n本文 {壊れた式\n'}))
    expect(file.messages[0]!.reason).toMatch(/^MDX として解析できません: /)
  })
})
