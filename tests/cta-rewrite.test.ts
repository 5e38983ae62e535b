import {describe, expect, it} from 'vitest'
import {confidentVersion} from '../src/cta/rewrite.js'
import {normalizeTarget} from '../src/cta/targets.js'
import {isVagueText} from '../src/cta/vague.js'

describe('confidentVersion (weak-cta expected)', () => {
  it.each([
    ['もしよろしければ、講座への参加をご検討ください。', '講座にご参加ください。'],
    ['講座に参加しませんか？', '講座に参加しましょう。'],
    ['よかったら参加してみてはいかがでしょうか。', '参加してください。'],
    ['お気軽にお申し込みください。', 'お申し込みください。'],
    ['ぜひご検討いただければ幸いです。', 'お申し込みください。'],
    ['興味のある方は、以下のフォームからお申し込みください。', '以下のフォームからお申し込みください。'],
    ['気になっている方は、ぜひ買いに来てください。', 'ぜひ買いに来てください。'],
    ['チケットは以下から購入できます。', 'チケットは以下からご購入ください。'],
    ['無料版に登録しておいて損はありません。', '無料版に登録してください。'],
    ['Kindleで読んでみていただければです。', 'Kindleで読んでみてください。']
  ])('%s → %s', (hedged, confident) => {
    expect(confidentVersion(hedged, 'ja')).toBe(confident)
  })

  it.each([
    ['Maybe check out the course if you want.', 'Check out the course.'],
    ['Why not join us?', 'Join us.'],
    ['You might want to consider joining the program.', 'Join the program.'],
    ['Feel free to [book a call](https://example.com/call) when you get a chance.', '[Book a call](https://example.com/call).'],
    ["No pressure, but reserve your seat if you'd like.", 'Reserve your seat.'],
    ['If you enjoy the letter, please leave a review.', 'Please leave a review.'],
    ["It won't hurt you to sign up for the free edition.", 'Sign up for the free edition.'],
    ['If this sounds useful, feel free to book a seat.', 'Book a seat.'],
    ["If you'd like to join, register on the clinic page.", 'Register on the clinic page.']
  ])('%s → %s', (hedged, confident) => {
    expect(confidentVersion(hedged, 'en')).toBe(confident)
  })

  it('offers nothing when there is nothing to change', () => {
    expect(confidentVersion('講座に参加してください。', 'ja')).toBeUndefined()
    expect(confidentVersion('Join the course.', 'en')).toBeUndefined()
  })
})

describe('normalizeTarget', () => {
  it('drops tracking parameters, fragments, www and trailing slashes but keeps real parameters', () => {
    expect(normalizeTarget('https://WWW.Example.com/join/?utm_source=ps&utm_medium=email#form')).toBe('https://example.com/join')
    expect(normalizeTarget('https://example.com/join?plan=pro&fbclid=x')).toBe('https://example.com/join?plan=pro')
    expect(normalizeTarget('https://example.com/join?plan=pro')).not.toBe(normalizeTarget('https://example.com/join?plan=basic'))
    expect(normalizeTarget('/join/#top')).toBe('/join')
  })
})

describe('isVagueText', () => {
  it.each(['こちら', '＞＞詳しくはこちら', 'Click here →', 'Read more', '詳細', 'Submit', 'ここをクリック'])('%s is vague', (text) => {
    expect(isVagueText(text)).toBe(true)
  })
  it.each(['講座の内容を見る', 'Click here to reserve your seat', 'Reserve my seat', 'お申し込みはこちら', 'Here is the outline'])(
    '%s is not vague',
    (text) => {
      expect(isVagueText(text)).toBe(false)
    }
  )
})
