import type {KuromojiToken} from './tokenizer.js'
import {POS} from './pos.js'

/**
 * How a Japanese cue is negated (DOMAIN.md §2):
 * `none` — not negated; `calm` — 急がなくても大丈夫, 急ぐ必要はありません;
 * `threat` — 急がないと…, 買わなければ… (ない + と/ば): the pressure grows;
 * `double` — 買わない理由はない, やらない手はない: a push.
 */
export type JapanesePolarity = 'none' | 'calm' | 'threat' | 'double'

const NEGATING_AUXILIARIES = new Set(['ない', 'ぬ', 'ん'])
const NOMINAL_HEADS = new Set(['必要', 'こと', 'わけ', '事', '訳'])
const DOUBLE_HEADS = new Set(['理由', '手', 'わけ', '訳'])
// Verbs that only carry the cue's action: 急いで|いる, 買って|しまう, 後悔さ|せる.
const CARRIERS = new Set(['いる', 'しまう', 'せる', 'させる', 'れる', 'られる', 'おく'])

function isNegator(token: KuromojiToken | undefined): boolean {
  if (!token) return false
  if (token.pos === POS.auxiliary && NEGATING_AUXILIARIES.has(token.basic_form)) return true
  return token.pos === POS.adjective && token.basic_form === 'ない'
}

function isBoundary(token: KuromojiToken): boolean {
  return token.pos === POS.symbol
}

/** Is token `index` a negation: ない/ぬ/ず, ませ+ん, or the adjective ない (なし)? */
function negationAt(tokens: KuromojiToken[], index: number): number {
  const token = tokens[index]
  if (!token) return -1
  if (isNegator(token)) return index
  if (token.basic_form === 'なし' || token.surface_form === 'なし') return index
  // ありません / ございません: the verb, then ませ + ん.
  if (token.basic_form === 'ある' || token.basic_form === 'ござる') {
    if (tokens[index + 1]?.basic_form === 'ます' && tokens[index + 2]?.basic_form === 'ん') return index + 2
  }
  if (token.basic_form === 'ます' && tokens[index + 1]?.basic_form === 'ん') return index + 1
  return -1
}

/**
 * Decide whether the cue ending before token `end` is negated, and how.
 * A cue that ends in a noun or adverb (今すぐ) is negated through the first
 * verb after it in the same clause (今すぐ決めなくても大丈夫).
 */
export function japanesePolarity(tokens: KuromojiToken[], start: number, end: number): JapanesePolarity {
  let cursor = end
  const last = tokens[end - 1]
  const cueEndsInVerb = last && (last.pos === POS.verb || last.pos === POS.auxiliary || last.pos === POS.adjective)
  if (!cueEndsInVerb) {
    // Look ahead a few tokens for the verb the adverb modifies.
    let probe = end
    while (probe < tokens.length && probe < end + 4 && !isBoundary(tokens[probe]!)) {
      if (tokens[probe]!.pos === POS.verb) {
        cursor = probe + 1
        break
      }
      probe++
    }
  }
  // Skip verbs that only carry the cue's action (急がせ|ない, 買って|い|ない).
  while (cursor < tokens.length && tokens[cursor]!.pos === POS.verb && CARRIERS.has(tokens[cursor]!.basic_form)) cursor++
  let negation = negationAt(tokens, cursor)
  if (negation < 0) {
    // 急ぐ必要はない, 急ぐことはありません: a nominal head, は/も/が, then a negation.
    const head = tokens[cursor]
    if (head && NOMINAL_HEADS.has(head.basic_form)) {
      let probe = cursor + 1
      if (tokens[probe]?.pos === POS.particle) probe++
      if (negationAt(tokens, probe) >= 0) return 'calm'
    }
    return 'none'
  }
  // What follows the negation decides its force.
  const next = tokens[negation + 1]
  if (next && (next.surface_form === 'と' || next.surface_form === 'ば') && next.pos === POS.particle) return 'threat'
  const negator = tokens[negation]!
  if (negator.surface_form === 'なけれ' || negator.surface_form === 'なきゃ' || negator.surface_form === 'なくちゃ') return 'threat'
  if (next && DOUBLE_HEADS.has(next.basic_form)) {
    let probe = negation + 2
    if (tokens[probe]?.pos === POS.particle) probe++
    if (negationAt(tokens, probe) >= 0) return 'double'
  }
  return 'calm'
}
