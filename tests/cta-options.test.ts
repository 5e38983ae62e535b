import {describe, expect, it} from 'vitest'
import {BUILTIN_RULES} from '../src/core/builtin-rules.js'
import {lint} from '../src/index.js'

/** Lint with one rule's options set through the public `rules: {id: [levels, options]}` option. */
async function lintWithRuleOptions(value: string, id: string, options: Record<string, unknown>) {
  // The rule keeps its levels per stage; only its options change.
  const levels = BUILTIN_RULES.find((rule) => rule.id === id)!.levels
  const file = await lint(value, {rules: {[id]: [levels, options]}})
  return file.messages.filter((message) => message.ruleId === id).map((message) => message.actual)
}

const closing = [
  '---',
  'stage: sales',
  '---',
  '',
  '# Join',
  '',
  '[Reserve my seat](https://example.com/join)',
  '',
  'You can also [buy the book](https://example.com/book).',
  '',
  '[Book a coaching call](https://example.com/coaching)'
].join('\n')

describe('competing-cta maxTargets', () => {
  it('reports every target past the first by default, with the main ask as related place', async () => {
    expect(BUILTIN_RULES.find((rule) => rule.id === 'competing-cta')!.options).toEqual({maxTargets: 1})
    expect(await lintWithRuleOptions(closing, 'competing-cta', {maxTargets: 1})).toEqual(['buy the book', 'Book a coaching call'])
  })

  it('allows as many targets as the option says', async () => {
    expect(await lintWithRuleOptions(closing, 'competing-cta', {maxTargets: 2})).toEqual(['Book a coaching call'])
    expect(await lintWithRuleOptions(closing, 'competing-cta', {maxTargets: 3})).toEqual([])
  })
})

describe('buried-cta thresholds', () => {
  const long = [
    '---',
    'stage: sales',
    '---',
    '',
    '# Join',
    '',
    'This course builds a habit. [Reserve my seat](https://example.com/join)',
    '',
    'One. Two. Three. Four. Five. Six.'
  ].join('\n')

  // Eight sentences: the opener, the link (a sentence of its own) and six after it.
  it('reports nothing below minSentences, and the ask once the section is long enough', async () => {
    expect(await lintWithRuleOptions(long, 'buried-cta', {minSentences: 9, maxSentencesAfter: 4})).toEqual([])
    expect(await lintWithRuleOptions(long, 'buried-cta', {minSentences: 8, maxSentencesAfter: 4})).toEqual(['Reserve my seat'])
    expect(await lintWithRuleOptions(long, 'buried-cta', {minSentences: 8, maxSentencesAfter: 6})).toEqual([])
  })
})

describe('competing-cta related location', () => {
  it('points the message cause at the main ask', async () => {
    const file = await lint(closing)
    const [first] = file.messages.filter((message) => message.ruleId === 'competing-cta')
    const cause = first!.cause as {place?: {start: {line: number; offset?: number}}; actual?: string}
    expect(cause.actual).toBe('Reserve my seat')
    expect(cause.place?.start.line).toBe(7)
    expect(first!.reason).toContain('“Reserve my seat” (line 7)')
  })
})
