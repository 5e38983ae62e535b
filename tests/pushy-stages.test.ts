import {describe, expect, it} from 'vitest'
import {lint, rules} from '../src/index.js'

// The default levels of issue 3 §2: education / acquisition / sales.
const TABLE: Record<string, [string, string, string]> = {
  'hard-sell': ['error', 'warning', 'off'],
  urgency: ['warning', 'info', 'off'],
  scarcity: ['warning', 'info', 'off'],
  countdown: ['warning', 'info', 'off'],
  'price-push': ['warning', 'info', 'off'],
  fomo: ['warning', 'warning', 'info'],
  hype: ['warning', 'warning', 'info'],
  'pressure-punctuation': ['warning', 'info', 'info'],
  'social-proof': ['warning', 'info', 'info']
}

// One cue per rule, in both languages.
const SAMPLES: Record<string, [string, string]> = {
  'hard-sell': ['ご購入ください。', 'Buy now.'],
  urgency: ['一刻も早く。', 'Act fast.'],
  scarcity: ['残りわずかです。', 'Only 3 left.'],
  countdown: ['本日締切です。', 'Offer ends tonight.'],
  'price-push': ['今なら半額です。', 'Get 50% off.'],
  fomo: ['お見逃しなく。', "Don't miss out."],
  hype: ['必ず稼げる方法です。', 'Guaranteed results.'],
  'pressure-punctuation': ['読んでね！！', 'Read it!!!'],
  'social-proof': ['話題沸騰の講座です。', 'As seen on TV.']
}

const severity = (fatal: boolean | null | undefined) => (fatal === true ? 'error' : fatal === false ? 'warning' : 'info')

describe('levels per stage', () => {
  it('ships the levels of the issue table', () => {
    for (const [id, [education, acquisition, sales]] of Object.entries(TABLE)) {
      const rule = rules.find((candidate) => candidate.id === id)
      expect(rule?.levels, id).toEqual({education, acquisition, sales})
    }
  })

  describe.each(Object.entries(SAMPLES))('%s', (id, samples) => {
    it.each(['education', 'acquisition', 'sales'] as const)('has the table level in %s, in both languages', async (stage) => {
      const want = TABLE[id]![['education', 'acquisition', 'sales'].indexOf(stage)]
      for (const text of samples) {
        const file = await lint(text, {stage})
        const ours = file.messages.filter((message) => message.ruleId === id)
        if (want === 'off') expect(ours, text).toEqual([])
        else {
          expect(ours.length, text).toBe(1)
          expect(severity(ours[0]!.fatal), text).toBe(want)
        }
      }
    })
  })

  it('judges the same text by the stage of its section', async () => {
    const text = '# 教育\n\n今すぐご購入ください。\n\n<!-- trustlint stage: sales -->\n## 販売\n\n今すぐご購入ください。\n'
    const file = await lint(text)
    const pushy = file.messages.filter((message) => message.ruleId! in TABLE)
    expect(pushy.map((message) => [message.ruleId, message.actual, message.stage])).toEqual([
      ['urgency', '今すぐ', 'education'],
      ['hard-sell', 'ご購入ください', 'education']
    ])
  })

  it('lets every cell be configured', async () => {
    const file = await lint('Buy now.', {stage: 'sales', rules: {'hard-sell': {sales: 'warning'}}})
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['hard-sell', false]])
  })
})
