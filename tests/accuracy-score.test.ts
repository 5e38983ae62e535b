import {describe, expect, it} from 'vitest'
import {ctaScore, familyScore, halfOf, scoreCase, sourceOrigin, stageScore, wilsonInterval, type RealCase, type Report} from '../bench/lib/accuracy-score.js'

// The pure counting rules of the accuracy harness (bench/lib/accuracy-score.ts),
// on hand-made cases and reports: no CLI involved.

const education: RealCase = {
  id: 'en-education-unit-1',
  lang: 'en',
  stage: 'education',
  source: 'someone/notes:issues/12.md@0123abc',
  text: 'Ads love "last chance" lines. Act now, before it is gone!!! We are calm here.',
  mustFlag: [
    {quote: 'Act now', kind: 'urgency'},
    {quote: '!!!', kind: 'exclamation'}
  ],
  mustNotFlag: ['"last chance"'],
  cta: 'n/a'
}

const sales = (cta: RealCase['cta'], mustFlag: RealCase['mustFlag'] = []): RealCase => ({
  id: `en-sales-unit-${cta}`,
  lang: 'en',
  stage: 'sales',
  source: 'web page: https://www.example.org/offer',
  text: 'Our course teaches layout in six weeks. If you like, have a look at the course page.',
  mustFlag,
  mustNotFlag: [],
  cta
})

/** A report on the first occurrence of `quote` in `text`. */
const on = (text: string, quote: string, ruleId: string, severity: Report['severity'] = 'warning'): Report => {
  const start = text.indexOf(quote)
  if (start === -1) throw new Error(`not in text: ${quote}`)
  return {ruleId, severity, start, end: start + quote.length, actual: quote}
}

describe('scoreCase', () => {
  it('counts a report of the same family that overlaps a mustFlag, exact when the kind matches', () => {
    // Overlap, not identity: the report covers only "now, before".
    const outcome = scoreCase(education, [on(education.text, 'now, before', 'countdown')])
    const [urgency, exclamation] = outcome.flags
    expect(urgency).toMatchObject({kind: 'urgency', family: 'pushy', hit: true, exact: true, rules: ['countdown']})
    expect(exclamation).toMatchObject({hit: false})
    expect(outcome.reports).toEqual([expect.objectContaining({ruleId: 'countdown', family: 'pushy', onMustFlag: true, onMustNotFlag: false})])
  })

  it('counts another pushy rule as a hit but not an exact kind; pressure-punctuation is exclamation', () => {
    const outcome = scoreCase(education, [on(education.text, 'Act now', 'hype'), on(education.text, '!!!', 'pressure-punctuation')])
    expect(outcome.flags.map((flag) => [flag.kind, flag.hit, flag.exact])).toEqual([
      ['urgency', true, false],
      ['exclamation', true, true]
    ])
  })

  it('does not count a report of the other family on a mustFlag span', () => {
    const outcome = scoreCase(education, [on(education.text, 'Act now', 'weak-cta')])
    expect(outcome.flags[0]).toMatchObject({hit: false, rules: []})
    expect(outcome.reports[0]).toMatchObject({family: 'cta', onMustFlag: false})
  })

  it('ignores reports of rules outside both families for recall and violations', () => {
    const outcome = scoreCase(education, [on(education.text, 'Act now', 'stage'), on(education.text, '"last chance"', 'stage')])
    expect(outcome.flags[0]?.hit).toBe(false)
    expect(outcome.notFlags[0]?.violatedBy).toEqual([])
    expect(outcome.reports).toEqual([])
  })

  it('records a counted report on a mustNotFlag span as a violation', () => {
    const outcome = scoreCase(education, [on(education.text, 'last chance', 'urgency')])
    expect(outcome.notFlags[0]?.violatedBy).toEqual([{ruleId: 'urgency', family: 'pushy', actual: 'last chance'}])
    expect(outcome.reports[0]).toMatchObject({onMustFlag: false, onMustNotFlag: true})
    expect(familyScore([outcome], 'pushy')).toMatchObject({recalled: 0, onLabelled: 1, onMustFlag: 0, precision: 0, violated: 1, violatedShare: 1})
    expect(familyScore([outcome], 'cta')).toMatchObject({violated: 0})
  })

  it('does not count info messages, but tallies them', () => {
    const outcome = scoreCase(education, [on(education.text, 'Act now', 'urgency', 'info'), on(education.text, '"last chance"', 'urgency', 'info')])
    expect(outcome.flags[0]?.hit).toBe(false)
    expect(outcome.notFlags[0]?.violatedBy).toEqual([])
    expect(outcome.reports).toEqual([])
    expect(outcome.infos).toBe(2)
  })

  it('lets a no-cta report anywhere hit a no-cta label', () => {
    const item = sales('none', [{quote: 'have a look at the course page.', kind: 'no-cta'}])
    // A document-level finding at the very start, far from the anchor quote.
    const outcome = scoreCase(item, [{ruleId: 'no-cta', severity: 'warning', start: 0, end: 0, actual: ''}])
    expect(outcome.flags[0]).toMatchObject({hit: true, exact: true})
    expect(outcome.reports[0]?.onMustFlag).toBe(true)
    expect(outcome.ctaCorrect).toBe(true)
    // Only the no-cta rule gets that licence: another CTA rule elsewhere does not hit.
    const other = scoreCase(item, [{ruleId: 'vague-link', severity: 'warning', start: 0, end: 3, actual: 'Our'}])
    expect(other.flags[0]?.hit).toBe(false)
  })

  it('judges CTA verdicts: strong wants no CTA-family report, weak wants one; education is not judged', () => {
    const hedge = on(sales('weak').text, 'If you like', 'weak-cta')
    expect(scoreCase(sales('weak'), [hedge]).ctaCorrect).toBe(true)
    expect(scoreCase(sales('weak'), []).ctaCorrect).toBe(false)
    expect(scoreCase(sales('strong'), []).ctaCorrect).toBe(true)
    expect(scoreCase(sales('strong'), [hedge]).ctaCorrect).toBe(false)
    // A pushy report does not make a CTA verdict.
    expect(scoreCase(sales('strong'), [on(sales('strong').text, 'six weeks', 'urgency')]).ctaCorrect).toBe(true)
    expect(scoreCase(education, []).ctaCorrect).toBeUndefined()

    const strongWithNoCtaError = scoreCase(sales('strong'), [{ruleId: 'no-cta', severity: 'error', start: 0, end: 0, actual: ''}])
    expect(strongWithNoCtaError.noCtaErrorOnStrong).toBe(true)
    expect(ctaScore([strongWithNoCtaError, scoreCase(sales('weak'), [hedge])], 'sales')).toMatchObject({
      cases: 2,
      correct: 1,
      accuracy: 0.5,
      noCtaErrorsOnStrong: 1,
      byLabel: {strong: {cases: 1, correct: 0}, weak: {cases: 1, correct: 1}}
    })
  })
})

describe('halfOf', () => {
  it('is deterministic', () => {
    for (const source of ['owner/repo:a.md@1', 'web page: https://example.com/x', 'trustlint fixtures: smoke-1']) {
      expect(halfOf(source)).toBe(halfOf(source))
    }
  })

  it('puts every excerpt of one repository in one half', () => {
    expect(sourceOrigin('owner/repo:docs/a.md@aaaa')).toBe('owner/repo')
    const halves = ['owner/repo:docs/a.md@aaaa', 'owner/repo:blog/2024/b.md@bbbb', 'owner/repo:README.md@cccc'].map(halfOf)
    expect(new Set(halves).size).toBe(1)
  })

  it('puts every page of one web host in one half, with or without www.', () => {
    const sources = ['web page: https://www.example.com/a', 'web page: https://example.com/b/c?d=1', 'web page: http://example.com/']
    expect(sources.map(sourceOrigin)).toEqual(['example.com', 'example.com', 'example.com'])
    expect(new Set(sources.map(halfOf)).size).toBe(1)
  })

  it('uses both halves across origins', () => {
    const halves = new Set(Array.from({length: 20}, (_, index) => halfOf(`owner${index}/repo:a.md@1`)))
    expect(halves).toEqual(new Set(['tune', 'check']))
  })
})

describe('stage accuracy with its interval', () => {
  it('gives the 95% Wilson interval of the published tables, clipped to 0..1, and none for no cases', () => {
    // 8 of 10: 0.490–0.943 in the usual tables; 0 of 10: 0–0.278.
    const [low, high] = wilsonInterval(8, 10)!
    expect(low).toBeCloseTo(0.49, 2)
    expect(high).toBeCloseTo(0.943, 3)
    const [zeroLow, zeroHigh] = wilsonInterval(0, 10)!
    expect(zeroLow).toBe(0)
    expect(zeroHigh).toBeCloseTo(0.278, 3)
    expect(wilsonInterval(0, 0)).toBeNull()
  })

  it('counts right answers and the confusion, and carries the interval', () => {
    const score = stageScore([
      {expected: 'sales', inferred: 'sales'},
      {expected: 'sales', inferred: 'education'},
      {expected: 'acquisition', inferred: 'acquisition'},
      {expected: 'education', inferred: 'education'}
    ])
    expect([score.correct, score.cases, score.accuracy]).toEqual([3, 4, 0.75])
    expect(score.confusion.sales.education).toBe(1)
    // Rounded to three places, as every ratio of the JSON.
    const [low, high] = wilsonInterval(3, 4)!
    expect(score.interval).toEqual([Math.round(low * 1000) / 1000, Math.round(high * 1000) / 1000])
    expect(score.interval![0]).toBeLessThan(0.75)
    expect(score.interval![1]).toBeGreaterThan(0.75)
  })
})
