import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'

const marks = async (text: string, options = {}) =>
  (await lint(text, options)).messages
    .filter((message) => message.ruleId === 'pressure-punctuation')
    .map((message) => message.actual)

describe('pressure-punctuation', () => {
  it('counts stacked marks on the raw text, one finding per run', async () => {
    expect(await marks('本当です！！ Really!!! Why?! どうして！？')).toEqual(['！！', '!!!', '?!', '！？'])
    expect(await marks('大丈夫です！ Fine! Why? なぜ？')).toEqual([])
  })

  it('flags ‼ and ⁉ alone, even though NFKC would turn them into two marks', async () => {
    expect(await marks('すごい‼ 本当⁉')).toEqual(['‼', '⁉'])
  })

  it('finds alarm emoji with emoji-regex, including VS16 forms, and leaves other emoji', async () => {
    expect(await marks('🔥セール中 ⚠️注意 ⏰ 😊 👍🏽')).toEqual(['🔥', '⚠️', '⏰'])
  })

  it('flags alarm brackets but not neutral ones', async () => {
    expect(await marks('【緊急】【本日締切】【お知らせ】【第3回】')).toEqual(['【緊急】', '【本日締切】'])
    expect(await marks('[URGENT] read this. [Draft] notes.')).toEqual(['[URGENT]'])
  })

  it('flags elongation but not the long vowel inside katakana words or a range', async () => {
    expect(await marks('今だけーーー すごい〜〜 やばーい')).toEqual(['ーーー', '〜〜'])
    expect(await marks('コーヒーとセールは1〜2週間。')).toEqual([])
  })

  it('flags shouting capitals but never acronyms or names', async () => {
    expect(await marks('Get it FREE. This is your LAST CHANCE.')).toEqual(['FREE', 'LAST CHANCE'])
    expect(await marks('THIS IS YOUR LAST CHANCE TO JOIN.')).toEqual(['THIS IS YOUR LAST CHANCE TO JOIN'])
    expect(await marks('The API, FTC, USA, NASA and HTML. The OPEN Government Data Act. NEW York.')).toEqual([])
    expect(await marks("You MUST test first. DON'T skip it. Don't do ALL THE THINGS.")).toEqual([])
  })

  it('suggests the calm spelling for capitals and one mark for a stack', async () => {
    const file = await lint('Get it FREE today!!!')
    const found = file.messages.filter((message) => message.ruleId === 'pressure-punctuation')
    expect(found.map((message) => message.expected)).toEqual([['free'], ['.']])
  })

  it('ignores marks inside code', async () => {
    expect(await marks('Run `echo "!!!"` to see it.\n\n```\n!!!\n```\n')).toEqual([])
  })

  it('is info in sales content, warning in education', async () => {
    const levels = async (stage: string) =>
      (await lint('今すぐ！！', {stage: stage as 'sales'})).messages
        .filter((message) => message.ruleId === 'pressure-punctuation')
        .map((message) => message.fatal)
    expect(await levels('education')).toEqual([false])
    expect(await levels('sales')).toEqual([undefined])
  })
})
