import {describe, expect, it} from 'vitest'
import {found} from './helpers.js'

describe('mentions are not the writer’s voice', () => {
  it('skips cues inside 「」『』“” and straight quotes', async () => {
    expect(await found('「今すぐ購入」というボタンは避けましょう。')).toEqual([])
    expect(await found('『残りわずか』の表示。')).toEqual([])
    expect(await found('The “buy now” button and the "only 3 left" banner.')).toEqual([])
  })

  it('skips talk about wording: という表現, と書く, words like, avoid saying', async () => {
    expect(await found('今すぐという表現は避けます。')).toEqual([])
    expect(await found('ご購入くださいと書くと押しつけがましい。')).toEqual([])
    expect(await found('Phrases like act now read as pressure. Avoid saying buy now.')).toEqual([])
  })

  it('skips reported speech (買え買えとすすめる)', async () => {
    expect(await found('老人は買え買えとすすめる。')).toEqual([])
    expect(await found('今すぐ申し込めと何度も言われた。')).toEqual([])
    expect(await found('今すぐ申し込むと特典がもらえます。')).toContain('urgency:今すぐ')
  })

  it('skips a blockquote or list introduced as examples, but not any blockquote', async () => {
    const examples = '避けたい表現の例：\n\n> 今すぐお申し込みください！\n\n- 残りわずか\n'
    expect(await found(examples)).toEqual([])
    expect(await found('Pushy lines look like this:\n\n- Act now\n- Only 2 left\n')).toEqual([])
    expect(await found('> 今すぐお申し込みください。\n')).toEqual(['urgency:今すぐ', 'hard-sell:お申し込みください'])
  })

  it('skips a paragraph labelled as a bad example', async () => {
    expect(await found('✗ 今すぐお申し込みください\n\n✓ 募集ページで内容をご確認いただけます\n')).toEqual([])
  })

  it('flags mentions again with flagMentions: true', async () => {
    expect(await found('「今すぐ購入」というボタン。', {flagMentions: true})).toEqual(['hard-sell:今すぐ購入', 'urgency:今すぐ'])
    expect(await found('Avoid saying "act now".', {flagMentions: true})).toEqual(['urgency:act now'])
  })

  it('still flags the writer’s own cue next to a quoted one', async () => {
    expect(await found('「今すぐ」は禁句ですが、今すぐお申し込みください。')).toEqual([
      'urgency:今すぐ',
      'hard-sell:お申し込みください'
    ])
  })

  it('applies the same filter to pressure-punctuation findings', async () => {
    expect(await found('「今すぐ！！」という書き方は避けます。')).toEqual([])
    expect(await found('今すぐ確認を！！')).toEqual(['urgency:今すぐ', 'pressure-punctuation:！！'])
  })
})

describe('accept list', () => {
  it('suppresses matches inside listed terms, in either language and width', async () => {
    expect(await found('今すぐ英会話のアプリ。', {accept: ['今すぐ英会話']})).toEqual([])
    expect(await found('Beans from ACT NOW Coffee.', {accept: ['Act Now Coffee']})).toEqual([])
    expect(await found('今すぐお申し込みください。', {accept: ['今すぐ英会話']})).toEqual(['urgency:今すぐ', 'hard-sell:お申し込みください'])
  })
})
