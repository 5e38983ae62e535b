import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findCtas, lint} from '../src/index.js'

const CTA_RULES = ['no-cta', 'weak-cta', 'vague-link', 'competing-cta', 'buried-cta']
const fixture = (lang: string) => path.resolve(import.meta.dirname, `../fixtures/weak-cta/${lang}/ok-strong.md`)

// Issue 4 §3: strong asks pass every CTA rule, and score high.
describe.each([
  ['ja', ['今すぐ無料で登録する', '講座に参加する', '席を確保する']],
  ['en', ['Start your free trial', 'Reserve my seat', 'Download the checklist']]
] as const)('strong CTAs (%s)', (lang, texts) => {
  const source = readFileSync(fixture(lang), 'utf8')

  it('trigger no CTA rule', async () => {
    const file = await lint(source)
    expect(file.messages.filter((message) => CTA_RULES.includes(String(message.ruleId))).map((message) => message.ruleId)).toEqual([])
  })

  it('are found with their targets and score at least 0.9', async () => {
    const ctas = (await findCtas(source)).sections.flatMap((section) => section.ctas)
    expect(ctas.map((cta) => cta.text)).toEqual(texts)
    for (const cta of ctas) {
      expect(cta.score, cta.text).toBeGreaterThanOrEqual(0.9)
      expect(cta.hedges, cta.text).toEqual([])
      expect(cta.vague, cta.text).toBe(false)
      expect(cta.reasons.map((reason) => reason.code), cta.text).toEqual(expect.arrayContaining(['action-verb', 'specific-object', 'descriptive-text']))
    }
    // One target despite tracking parameters, a trailing slash and a fragment.
    expect(new Set(ctas.map((cta) => cta.target)).size).toBe(1)
  })
})

describe('strong CTAs as plain sentences', () => {
  it.each([
    ['講座に参加する。', 0.85],
    ['席を確保してください。', 0.85],
    ['Join the course.', 0.85],
    ['Please book a call.', 0.85]
  ])('%s scores %s without a link', async (sentence, score) => {
    const ctas = (await findCtas(`---\nstage: sales\n---\n\n${sentence}\n`)).sections.flatMap((section) => section.ctas)
    expect(ctas.map((cta) => [cta.kind, cta.score])).toEqual([['sentence', score]])
  })
})
