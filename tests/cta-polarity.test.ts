import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'

// Issue 4 §2, stage polarity: the same sentence is judged by its stage.
async function rulesFor(sentence: string, stage: 'education' | 'sales') {
  const file = await lint(`# 講座のご案内 / The course\n\n${sentence}\n`, {stage})
  return file.messages.map((message) => message.ruleId)
}

describe('stage polarity', () => {
  it.each(['今すぐ申し込む', 'Join now'])('“%s” is pushy in education, and not urgency in a sales CTA', async (label) => {
    const sentence = `[${label}](https://example.com/join)`
    const education = await rulesFor(sentence, 'education')
    expect(education.filter((id) => id === 'urgency' || id === 'hard-sell').length).toBeGreaterThan(0)
    const sales = await rulesFor(sentence, 'sales')
    expect(sales).not.toContain('urgency')
    expect(sales.filter((id) => ['no-cta', 'weak-cta', 'vague-link', 'competing-cta'].includes(String(id)))).toEqual([])
  })

  it('今すぐ in the Japanese CTA is urgency in education', async () => {
    expect(await rulesFor('[今すぐ申し込む](https://example.com/join)', 'education')).toContain('urgency')
  })

  it.each(['もしよろしければ、講座への参加をご検討ください。', 'If you would like, feel free to join the newsletter.'])(
    'a soft optional step is fine in education and weak in sales: %s',
    async (sentence) => {
      expect(await rulesFor(sentence, 'education')).not.toContain('weak-cta')
      expect(await rulesFor(sentence, 'sales')).toContain('weak-cta')
    }
  )

  it('こちら is only a vague link as link text, never as prose', async () => {
    expect(await rulesFor('こちらの講座では、三週間で習慣をつくります。', 'sales')).not.toContain('vague-link')
    expect(await rulesFor('講座の案内は[こちら](https://example.com/join)。', 'sales')).toContain('vague-link')
  })
})
