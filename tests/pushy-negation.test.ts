import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'
import {englishPolarity} from '../src/lang/en/negation.js'
import {expandWord, foldWord, type NormalWord} from '../src/lang/en/words.js'
import {japanesePolarity} from '../src/lang/ja/negation.js'
import {loadTokenizer} from '../src/lang/ja/tokenizer.js'

/** Polarity of the cue spanning the tokens whose surfaces join to `cue`. */
async function jaPolarity(text: string, cue: string) {
  const tokens = (await loadTokenizer()).tokenize(text)
  for (let start = 0; start < tokens.length; start++) {
    let joined = ''
    for (let end = start; end < tokens.length; end++) {
      joined += tokens[end]!.surface_form
      if (joined === cue) return japanesePolarity(tokens, start, end + 1)
      if (!cue.startsWith(joined)) break
    }
  }
  throw new Error(`cue ${cue} not found in ${text}`)
}

function enWords(text: string): NormalWord[] {
  const words: NormalWord[] = []
  let clauseStart = true
  for (const raw of text.split(/\s+/)) {
    const bare = raw.replace(/[,;:]$/, '')
    for (const norm of expandWord(foldWord(bare))) {
      words.push({norm, start: 0, end: 0, clauseStart})
      clauseStart = false
    }
    if (bare !== raw) clauseStart = true
  }
  return words
}

const rules = async (text: string, options = {}) =>
  (await lint(text, options)).messages.map((message) => `${message.ruleId}:${message.actual}`)

describe('Japanese polarity (DOMAIN.md §2)', () => {
  it.each([
    ['急がなくても大丈夫です。', '急が', 'calm'],
    ['急ぐ必要はありません。', '急ぐ', 'calm'],
    ['急がないと間に合いません。', '急が', 'threat'],
    ['急がなければ売り切れます。', '急が', 'threat'],
    ['買わなきゃ損。', '買わ', 'threat'],
    ['買わない理由はない。', '買わ', 'double'],
    ['後悔しないために準備しましょう。', '後悔し', 'purpose'],
    ['損しないように比べましょう。', '損し', 'purpose'],
    ['見逃さないでください。', '見逃さ', 'prohibition'],
    ['見逃すな。', '見逃す', 'prohibition'],
    ['急がないで大丈夫です。', '急が', 'calm'],
    ['絶対に損しない。', '損し', 'guarantee'],
    ['後悔させません。', '後悔', 'guarantee'],
    ['後悔しません。', '後悔し', 'calm'],
    ['今すぐ決めなくても構いません。', '今すぐ', 'calm'],
    ['今すぐ決めてください。', '今すぐ', 'none']
  ])('%s → %s is %s', async (text, cue, polarity) => {
    expect(await jaPolarity(text, cue)).toBe(polarity)
  })
})

describe('English polarity', () => {
  it.each([
    ['there is no need to hurry', 5, 'calm'],
    ['if you do not act now', 4, 'threat'],
    ['so you do not miss out', 4, 'purpose'],
    ["don't miss out", 2, 'prohibition'],
    ['never miss out', 1, 'prohibition'],
    ["no, i don't feel lucky", 1, 'none'],
    ['you will never miss an issue', 3, 'calm']
  ])('%s (cue at %i) is %s', (text, start, polarity) => {
    expect(englishPolarity(enWords(text), start)).toBe(polarity)
  })
})

describe('what each rule does with a negation', () => {
  it('calm negation cancels urgency and hard-sell', async () => {
    expect(await rules('急がなくても大丈夫です。無理に買わなくていいです。今決めなくても構いません。')).toEqual([])
    expect(await rules("There's no need to buy now. No need to act now.")).toEqual([])
  })

  it('keeps FOMO in purpose and prohibition frames, and reports the whole frame', async () => {
    expect(await rules('後悔しないために準備しましょう。お見逃しなく。')).toEqual(['fomo:後悔しないために', 'fomo:お見逃しなく'])
    expect(await rules('Don’t miss out on the cohort.')).toEqual(['fomo:Don’t miss out'])
  })

  it('turns a promising negation into hype, not FOMO', async () => {
    expect(await rules('絶対に損しない方法です。')).toEqual(['hype:絶対に損しない'])
    expect(await rules('損はさせません。')).toEqual(['hype:損はさせません'])
  })

  it('flags a double negative as a hard sell', async () => {
    expect(await rules('やらない手はない。')).toEqual(['hard-sell:やらない手はない'])
  })

  it('does not treat a loss told as the past as a threat', async () => {
    expect(await rules('私はあの時、後悔しました。株で損をしました。')).toEqual([])
  })

  it('reads 今すぐ before a potential verb as a description of value, not an order', async () => {
    expect(await rules('今すぐ使えるテクニック。今すぐ始められる方法。今すぐ使えます。')).toEqual([])
    expect(await rules('今すぐ使ってください。')).toEqual(['urgency:今すぐ'])
  })

  it('does not read an English loss told in the past as a threat', async () => {
    expect(await rules('That was our last chance to test.')).toEqual([])
    expect(await rules('This is your last chance.')).toEqual(['fomo:last chance'])
  })

  it('keeps a short Latin token written against Japanese in the Japanese sentence', async () => {
    expect(await rules('SNSで話題の本。満足度No.1です。')).toEqual(['social-proof:SNSで話題', 'social-proof:満足度No.1', 'unsupported-claim:満足度No.1'])
    expect(await rules('The 「今すぐ」 banner, and act fast.')).toEqual(['urgency:act fast'])
  })

  it('matches whole morphemes and words only', async () => {
    expect(await rules('損益と損失を計算します。今、何を学ぶか。')).toEqual([])
    expect(await rules('They react now, and we know now.')).toEqual([])
    expect(await rules('Act now.')).toEqual(['urgency:Act now'])
  })
})
