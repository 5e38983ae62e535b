/**
 * A confident version of a hedged ask, offered as `expected` by `weak-cta`:
 * the hedges are dropped and the hedged predicates replaced
 * (ご検討ください → ご参加ください, 〜してみてはいかがでしょうか → 〜してください,
 * "consider joining" → "join"). Markdown inside the sentence is kept.
 */
import {actionBase} from './ask-en.js'
import type {Lang} from '../lang/script.js'

const JA_ACTION_NOUN = '(参加|登録|予約|購入|応募|受講|入会|加入|購読|相談|注文|契約|視聴|体験|利用)'

const JA_STEPS: [RegExp, string][] = [
  [/(?:もし)?(?:よろしければ|宜しければ|よろしかったら|よければ|よかったら|良かったら)[、,]?\s*/gu, ''],
  [/(?:もし)?(?:ご)?興味(?:が|の)?(?:あれば|ありましたら|おありでしたら|あるようでしたら)[、,]?\s*/gu, ''],
  [/お気軽に[、,]?/gu, ''],
  [new RegExp(`への(?:ご)?${JA_ACTION_NOUN}を(?:ご|お)?検討(?:ください|下さい|くださいませ|いただければ(?:幸いです|嬉しいです|うれしいです)?|いただけますと幸いです|いただけると(?:嬉しい|うれしい|幸い)です)`, 'gu'), 'にご$1ください'],
  [new RegExp(`(?:ご)?${JA_ACTION_NOUN}を(?:ご|お)?検討(?:ください|下さい|くださいませ|いただければ(?:幸いです|嬉しいです|うれしいです)?|いただけますと幸いです|いただけると(?:嬉しい|うれしい|幸い)です)`, 'gu'), 'ご$1ください'],
  [/(?:お)?申し?込みを(?:ご|お)?検討(?:ください|下さい|くださいませ|いただければ(?:幸いです|嬉しいです)?|いただけますと幸いです)/gu, 'お申し込みください'],
  [/(?:ぜひ)?(?:ご|お)?検討(?:ください|下さい|くださいませ|いただければ(?:幸いです|嬉しいです|うれしいです)?|いただけますと幸いです|いただけると(?:嬉しい|うれしい|幸い)です)/gu, 'お申し込みください'],
  [/(て|で)みて(?:は|も)?(?:いかが|どう)(?:でしょうか|ですか|でしょう)?([？?])?/gu, '$1ください$2'],
  [/(て|で)(?:いただけると|いただけたら|もらえると|もらえたら)(?:嬉しい|うれしい|幸い)(?:です)?/gu, '$1ください'],
  [/ませんか([？?])?/gu, 'ましょう$1'],
  [/(?:の|ん)?かもしれ(?:ません|ない)/gu, 'です']
]

/** English hedges removed word-boundary-wise; "why not" and "consider" need the verb changed too. */
const EN_REMOVE =
  /\b(?:maybe|perhaps|hopefully|just|kind of|sort of|if you(?:'d| would)? (?:want|like)(?: to)?|if you're (?:interested|curious)|if you are (?:interested|curious)|if you feel like it|if it sounds good|only if you want|feel free to|you might want to|you may want to|you might|you could|why not|when(?:ever)? you get a chance|no pressure,? but|no pressure|I think you(?:'ll| will| would) like)\b[,]?/giu

/** The hedged sentence said confidently, or undefined when nothing changes. */
export function confidentVersion(sentence: string, lang: Lang): string | undefined {
  const rewritten = lang === 'ja' ? rewriteJapanese(sentence) : rewriteEnglish(sentence)
  return rewritten && rewritten !== sentence ? rewritten : undefined
}

function rewriteJapanese(sentence: string): string {
  let text = sentence
  for (const [pattern, replacement] of JA_STEPS) text = text.replace(pattern, replacement)
  text = text.replace(/^[、,\s]+/u, '').replace(/[？?]$/u, '。')
  return text
}

function rewriteEnglish(sentence: string): string {
  let text = sentence.replace(EN_REMOVE, '')
  // "consider joining" → "join"
  text = text.replace(/\bconsider\s+([a-z-]+ing)\b/giu, (whole, verb: string) => actionBase(verb.toLowerCase()) ?? whole)
  text = text
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.!?;:])/g, '$1')
    .replace(/,([.!?])/g, '$1')
    .replace(/^[\s,;:—–-]+/u, '')
    .replace(/[,;:—–-]+\s*$/u, '')
    .replace(/\?$/u, '.')
    .trim()
  // Capitalise the first letter, also inside leading Markdown ("[book a call](…)" → "[Book a call](…)").
  return text.replace(/^([\[*_]*)(\p{Ll})/u, (_, markup: string, letter: string) => markup + letter.toUpperCase())
}
