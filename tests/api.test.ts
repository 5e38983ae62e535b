import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {createLinter, lint, OptionsError, toJsonReport, UnknownStageError, type TrustlintOptions} from '../src/index.js'

const cues = async (text: string, options = {}) =>
  (await lint(text, options)).messages.filter((message) => message.ruleId === 'urgency').map((message) => [message.actual, message.stage])

describe('lint()', () => {
  it('stamps every field a message must carry', async () => {
    const file = await lint('# 講座\n\n今すぐお申し込みください。')
    const [message] = file.messages
    expect(message).toMatchObject({
      ruleId: 'urgency',
      source: 'trustlint',
      category: 'urgency',
      fatal: false,
      actual: '今すぐ',
      stage: 'education',
      lang: 'ja',
      url: 'https://github.com/trustlint/trustlint/blob/main/docs/rules/urgency.md'
    })
    expect(message!.expected!.length).toBeGreaterThan(0)
    expect(message!.place).toEqual({
      start: {line: 3, column: 1, offset: 6},
      end: {line: 3, column: 4, offset: 9}
    })
  })

  it('writes the reason in the language of the flagged text unless a locale is forced', async () => {
    const file = await lint('今すぐ。Act now.')
    expect(file.messages.map((message) => message.lang)).toEqual(['ja', 'en'])
    expect(file.messages[0]!.reason).toMatch(/^「今すぐ」は/)
    expect(file.messages[1]!.reason).toMatch(/^“Act now” pushes/)
    const english = await lint('今すぐ。', {locale: 'en'})
    expect(english.messages[0]!.reason).toMatch(/^“今すぐ” pushes/)
    expect(english.messages[0]!.lang).toBe('ja')
  })

  it('routes a mixed sentence run by run', async () => {
    const file = await lint('このツールには free trial があります。今すぐ act now してください。')
    const sentences = file.data.trustlintProse!.sentences.map((sentence) => [sentence.lang, file.value.slice(sentence.start, sentence.end)])
    expect(sentences).toEqual([
      ['ja', 'このツールには'],
      ['en', 'free trial'],
      ['ja', 'があります。'],
      ['ja', '今すぐ'],
      ['en', 'act now'],
      ['ja', 'してください。']
    ])
    expect(file.messages.map((message) => [message.actual, message.lang])).toEqual([
      ['今すぐ', 'ja'],
      ['act now', 'en']
    ])
  })

  it('lets front matter lang: force one language', async () => {
    const file = await lint('---\nlang: ja\n---\nこのツールには free trial があります。')
    expect(file.data.trustlintProse!.sentences.map((sentence) => sentence.lang)).toEqual(['ja'])
  })

  it('accepts a VFile and keeps its path', async () => {
    const file = await lint(new VFile({path: 'drafts/a.md', value: 'Act now.'}))
    expect(file.path).toBe('drafts/a.md')
    expect(file.messages[0]!.file).toBe('drafts/a.md')
  })
})

describe('stages', () => {
  it('defaults to education, then the option, then front matter, then directives', async () => {
    expect(await cues('今すぐ')).toEqual([['今すぐ', 'education']])
    expect(await cues('今すぐ', {stage: 'sales'})).toEqual([])
    expect(await cues('今すぐ', {stage: '集客'})).toEqual([['今すぐ', 'acquisition']])
    expect(await cues('---\nstage: 販売\n---\n今すぐ', {stage: 'education'})).toEqual([])
    expect(await cues('---\nstage: education\n---\n今すぐ', {stage: 'sales'})).toEqual([['今すぐ', 'education']])
  })

  it('a directive applies to the end of its section; before a heading, to that heading’s section', async () => {
    const text = [
      '# Letter',
      'Act now.',
      '## Lesson',
      'Act now.',
      '<!-- trustlint stage: sales -->',
      'Act now.',
      '### Detail',
      'Act now.',
      '## Offer',
      'Act now.',
      '<!-- trustlint stage: sales -->',
      '## Close',
      'Act now.',
      '## After',
      'Act now.'
    ].join('\n\n')
    const found = (await cues(text)).map(([, stage]) => stage)
    // Lesson (before the directive), Offer, After are education; the directive
    // covers the rest of Lesson including its subsection, and Close.
    expect(found).toEqual(['education', 'education', 'education', 'education'])
    const lines = (await lint(text)).messages.filter((message) => message.ruleId === 'urgency').map((message) => message.line)
    expect(lines).toEqual([3, 7, 19, 29])
  })

  it('rejects an unknown stage option with the allowed values', () => {
    expect(() => createLinter({stage: 'closing' as never})).toThrow(UnknownStageError)
    expect(() => createLinter({stage: 'closing' as never})).toThrow(
      'Unknown stage "closing" in the "stage" option; expected one of acquisition, education, sales (or 集客, 教育, 販売)'
    )
  })
})

describe('rule levels', () => {
  const urgency = async (text: string, options: TrustlintOptions) =>
    (await lint(text, options)).messages.filter((message) => message.ruleId === 'urgency').map((message) => message.fatal)

  it('can be set for every stage or per stage', async () => {
    expect(await urgency('Act now.', {rules: {urgency: 'error'}})).toEqual([true])
    expect(await urgency('Act now.', {rules: {urgency: {education: 'info'}}})).toEqual([undefined])
    expect(await urgency('Act now.', {rules: {urgency: 'off'}})).toEqual([])
    expect(await urgency('Act now.', {stage: 'sales'})).toEqual([])
    expect(await urgency('Act now.', {stage: 'sales', rules: {urgency: {販売: 'warning'}}})).toEqual([false])
  })

  it('rejects an unknown rule with a suggestion, and a bad level', () => {
    expect(() => createLinter({rules: {urgancy: 'off'}})).toThrow(new OptionsError('Unknown rule "urgancy" in the "rules" option; did you mean "urgency"?'))
    expect(() => createLinter({rules: {urgency: 'loud' as never}})).toThrow(/expected off, info, warning, error/)
  })
})

describe('createLinter()', () => {
  it('reuses one configuration across calls and files', async () => {
    const linter = createLinter({stage: 'acquisition'})
    const [a, b] = await Promise.all([linter.lint('今すぐ'), linter.lint('Act now.')])
    const found = [...a.messages, ...b.messages].filter((message) => message.ruleId === 'urgency')
    expect(found.map((message) => [message.stage, message.fatal])).toEqual([
      ['acquisition', undefined],
      ['acquisition', undefined]
    ])
  })
})

describe('JSON report', () => {
  it('has the documented shape', async () => {
    const file = await lint(new VFile({path: 'news\\jp.md', value: '今すぐ'}))
    const report = toJsonReport([file])
    expect(report).toEqual({
      version: 1,
      files: [
        {
          path: 'news/jp.md',
          messages: [
            {
              ruleId: 'urgency',
              category: 'urgency',
              severity: 'warning',
              message: file.messages[0]!.reason,
              actual: '今すぐ',
              expected: file.messages[0]!.expected,
              url: 'https://github.com/trustlint/trustlint/blob/main/docs/rules/urgency.md',
              stage: 'education',
              lang: 'ja',
              start: {line: 1, column: 1, offset: 0},
              end: {line: 1, column: 4, offset: 3}
            }
          ]
        }
      ],
      summary: {files: 1, errors: 0, warnings: 1, infos: 0}
    })
  })
})

describe('English words that are also object property names', () => {
  it('lints "constructor", "toString" and "__proto__" like any other word', async () => {
    const file = await lint('The constructor calls toString on __proto__ and hasOwnProperty. Act now.')
    expect(file.messages.filter((message) => message.ruleId === 'urgency').map((message) => message.actual)).toEqual(['Act now'])
  })
})

describe('stage names that are also object property names', () => {
  it('are unknown stages, not crashes', async () => {
    expect(() => createLinter({stage: 'constructor' as never})).toThrow(UnknownStageError)
    const file = await lint('---\nstage: toString\n---\nAct now.')
    expect(file.messages.find((message) => message.ruleId === 'stage')?.actual).toBe('toString')
  })
})

describe('messages by stage', () => {
  it('explain the cost of pressure in the terms of the stage the text is in', async () => {
    const reason = async (stage: 'education' | 'acquisition' | 'sales', text: string) =>
      (await lint(text, {stage})).messages.find((message) => message.ruleId !== 'no-cta')?.reason
    expect(await reason('education', 'Act now.')).toMatch(/in education content/)
    expect(await reason('acquisition', 'Act now.')).toMatch(/in an opt-in piece/)
    expect(await reason('acquisition', '今すぐ確認を。')).toMatch(/集客の段階/)
    expect(await reason('sales', 'You will regret it.')).toMatch(/even in a closing/)
  })
})
