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
  [/(?:お)?気軽に[、,]?/gu, ''],
  // Asks put to whoever is interested: the ask stands without the condition.
  [/(?:ご)?興味(?:が|の)?(?:ある|おあり[のな]?|をお持ちの)(?:方|人|かた|皆様|皆さま|みなさま|みなさん|皆さん|団体様|企業様|方々)(?:は|も)?[、,]?\s*/gu, ''],
  [/気に(?:なる|なっている|なった|なってる)(?:方|人|かた)(?:は|も)?[、,]?\s*/gu, ''],
  // Availability and litotes: 以下から購入できます → 以下からご購入ください; 登録しておいて損はありません → 登録してください.
  [new RegExp(`(?:ご|お)?${JA_ACTION_NOUN}(?:が)?(?:でき|いただけ)ます`, 'gu'), 'ご$1ください'],
  [/(?:お)?申し?込み(?:が)?(?:でき|いただけ)ます|申し込めます/gu, 'お申し込みください'],
  [/(て|で)(?:おいて|みて)(?:も)?損は(?:ありません|ない(?:はず)?(?:です)?)/gu, '$1ください'],
  [new RegExp(`への(?:ご)?${JA_ACTION_NOUN}を(?:ご|お)?検討(?:ください|下さい|くださいませ|いただければ(?:幸いです|嬉しいです|うれしいです)?|いただけますと幸いです|いただけると(?:嬉しい|うれしい|幸い)です)`, 'gu'), 'にご$1ください'],
  [new RegExp(`(?:ご)?${JA_ACTION_NOUN}を(?:ご|お)?検討(?:ください|下さい|くださいませ|いただければ(?:幸いです|嬉しいです|うれしいです)?|いただけますと幸いです|いただけると(?:嬉しい|うれしい|幸い)です)`, 'gu'), 'ご$1ください'],
  [/(?:お)?申し?込みを(?:ご|お)?検討(?:ください|下さい|くださいませ|いただければ(?:幸いです|嬉しいです)?|いただけますと幸いです)/gu, 'お申し込みください'],
  [/(?:ぜひ)?(?:ご|お)?検討(?:ください|下さい|くださいませ|いただければ(?:幸いです|嬉しいです|うれしいです)?|いただけますと幸いです|いただけると(?:嬉しい|うれしい|幸い)です)/gu, 'お申し込みください'],
  [/(て|で)みて(?:は|も)?(?:いかが|どう)(?:でしょうか|ですか|でしょう)?([？?])?/gu, '$1ください$2'],
  [/(て|で)(?:いただけると|いただけたら|いただければ|もらえると|もらえたら|もらえれば)(?:(?:大変|とても)?(?:嬉しい|うれしい|幸い|ありがたい)(?:です)?|です)/gu, '$1ください'],
  [/ませんか([？?])?/gu, 'ましょう$1'],
  [/(?:の|ん)?かもしれ(?:ません|ない)/gu, 'です']
]

/** English hedges removed word-boundary-wise; "why not" and "consider" need the verb changed too. */
const EN_REMOVE =
  /\b(?:maybe|perhaps|hopefully|just|kind of|sort of|it (?:won't|will not|doesn't|does not|can't|cannot) hurt (?:you )?to|if you(?:'d| would)? (?:want|like)(?: to)?|if you're (?:interested|curious)|if you are (?:interested|curious)|if you feel like it|if it sounds good|only if you want|feel free to|you might want to|you may want to|you might|you could|why not|when(?:ever)? you get a chance|no pressure,? but|no pressure|I think you(?:'ll| will| would) like)\b[,]?/giu

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

/** A leading condition that puts the ask only to readers who want it ("If you enjoy the book, …"). */
const EN_CONDITION =
  /^\s*(?:if (?:you(?:'d| would)? (?:like|want)|you(?:'re| are) (?:interested|curious)|you (?:liked?|enjoy(?:ed)?|loved?|wish|fancy|are (?:so )?inclined|can spare|have (?:time|a moment))|so inclined|(?:this|that|it) sounds))[^,.]*,\s*/iu

function rewriteEnglish(sentence: string): string {
  let text = sentence.replace(EN_CONDITION, '').replace(EN_REMOVE, '')
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
