import {describe, expect, it} from 'vitest'
import {found} from './helpers.js'
import type {UserPack} from '../src/index.js'


// Issue 12: what real copy says that is not a push, next to the push it resembles.
describe('real-copy judging', () => {
  it('leaves questions that examine an offer alone, but not invitations or statements', async () => {
    expect(await found('本当にお得なのでしょうか。')).toEqual([])
    expect(await found('ポイント10倍って？')).toEqual([])
    expect(await found('Is it really worth it at 50% off?')).toEqual([])
    expect(await found('ポイント10倍です。')).toEqual(['price-push:ポイント10倍'])
    expect(await found('Get 50% off today?')).toEqual(['price-push:50% off'])
  })

  it('treats a request that says where to apply as procedure', async () => {
    expect(await found('以下のページからお申し込みください。')).toEqual([])
    expect(await found('ぜひお申し込みください。')).toEqual(['hard-sell:お申し込みください'])
    expect(await found('Register now via the form below.')).toEqual([])
    expect(await found('Register now and save.')).toEqual(['hard-sell:Register now'])
  })

  it('treats a worry voiced for readers and a tactic described as someone else’s as mentions', async () => {
    expect(await found('後悔しそうで迷う、という声もよく聞きます。')).toEqual([])
    expect(await found('後悔しそうで迷います。')).toEqual(['fomo:後悔し'])
    expect(await found('今なら無料で参加できます、と書く広告が増えました。')).toEqual([])
    expect(await found('Retailers often claim only 2 left to rush you.')).toEqual([])
    expect(await found('Only 2 left.')).toEqual(['scarcity:Only 2 left'])
  })

  it('reads チャンスを逃さず as an urging frame and 急がずに as calm', async () => {
    expect(await found('このチャンスを逃さず、試してみてください。')).toEqual(['fomo:このチャンスを逃さず'])
    expect(await found('急がずに、ゆっくり選んでください。')).toEqual([])
  })

  it('still matches pack regexes that cannot share one gate expression', async () => {
    const pack: UserPack = {cues: {urgency: {en: [{regex: '(?<w>zorp) now'}, {regex: '(?<w>blip) today'}]}}}
    expect(await found('Zorp now. Blip today.', {packs: [pack]})).toEqual([])
    expect(await found('zorp now. blip today.', {packs: [pack]})).toEqual(['urgency:zorp now', 'urgency:blip today'])
  })
})
