import type {KuromojiToken} from './tokenizer.js'
import {POS, POS_DETAIL} from './pos.js'

/**
 * How a Japanese cue is negated (DOMAIN.md §2):
 * `none` — not negated;
 * `calm` — 急がなくても大丈夫, 急ぐ必要はありません: reassurance;
 * `threat` — 急がないと…, 買わなければ…, 買わなきゃ (ない + と/ば): the pressure grows;
 * `double` — 買わない理由はない, やらない手はない: a push;
 * `purpose` — 後悔しないために, 損しないように: "so that you do not …";
 * `prohibition` — 見逃さないでください, 見逃すな, お見逃しなく: "do not …!";
 * `guarantee` — 絶対に損しない, 後悔させません: the negation promises an outcome.
 * Rules decide what each kind does to them (`negation:` in rules/<id>.yml).
 */
export type JapanesePolarity = 'none' | 'calm' | 'threat' | 'double' | 'purpose' | 'prohibition' | 'guarantee'

const NEGATING_AUXILIARIES = new Set(['ない', 'ぬ', 'ん'])
const NOMINAL_HEADS = new Set(['必要', 'こと', 'わけ', '事', '訳'])
const DOUBLE_HEADS = new Set(['理由', '手', 'わけ', '訳'])
const PURPOSE_HEADS = new Set(['ため', '為', 'よう'])
// After ないで: a request or a sentence end makes a prohibition (見逃さないでください);
// anything else is "without doing" (急がないで大丈夫 is calm).
const REQUEST_VERBS = new Set(['くださる', '下さる', 'ほしい', '欲しい', 'ちょうだい'])
const FINAL_PARTICLES = new Set(['ね', 'よ', 'な', 'ぞ'])
// Verbs that only carry the cue's action: 急いで|いる, 買って|しまう, 後悔さ|せる.
const CARRIERS = new Set(['いる', 'しまう', 'せる', 'させる', 'れる', 'られる', 'おく'])
const CAUSATIVES = new Set(['せる', 'させる'])
// Adverbs that turn a negated loss into a promise: 絶対に損しない, 決して後悔しません.
const ABSOLUTES = new Set(['絶対', '決して', '必ず', '確実', '100', '１００'])
// Verbs of missing a chance: their ず form (チャンスを逃さず、…) urges "seize it" (issue 12).
const MISS_VERBS = new Set(['逃す', '見逃す', '見過ごす', '乗り遅れる'])

function isNegator(token: KuromojiToken | undefined): boolean {
  if (!token) return false
  if (token.pos === POS.auxiliary && NEGATING_AUXILIARIES.has(token.basic_form)) return true
  return token.pos === POS.adjective && token.basic_form === 'ない'
}

function isBoundary(token: KuromojiToken | undefined): boolean {
  return !token || token.pos === POS.symbol
}

/** Is token `index` a negation: ない/ぬ/ず, ませ+ん, or the adjective ない (なし)? The index of its last token, or -1. */
export function negationAt(tokens: KuromojiToken[], index: number): number {
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

/** An absolute adverb (絶対に, 決して) shortly before the cue, inside its clause. */
function absoluteBefore(tokens: KuromojiToken[], start: number): boolean {
  for (let index = start - 1; index >= 0 && index >= start - 3; index--) {
    const token = tokens[index]!
    if (isBoundary(token) || token.pos_detail_1 === POS_DETAIL.comma) return false
    if (ABSOLUTES.has(token.basic_form) || ABSOLUTES.has(token.surface_form)) return true
  }
  return false
}

/**
 * Decide whether the cue spanning tokens [start, end) is negated, and how.
 * A cue that ends in a noun or adverb (今すぐ) is negated through the first
 * verb after it in the same clause (今すぐ決めなくても大丈夫).
 */
export function japanesePolarity(tokens: KuromojiToken[], start: number, end: number): JapanesePolarity {
  let cursor = end
  const last = tokens[end - 1]
  const cueEndsInVerb = last && (last.pos === POS.verb || last.pos === POS.auxiliary || last.pos === POS.adjective)
  // A cue that ends in a particle carries its own frame (急がないと): nothing to look ahead for.
  if (!cueEndsInVerb && last?.pos !== POS.particle) {
    // Look ahead a few tokens for the verb the adverb or noun goes with (損|は|させ…).
    let probe = end
    while (probe < tokens.length && probe < end + 4 && !isBoundary(tokens[probe])) {
      if (tokens[probe]!.pos === POS.verb) {
        cursor = probe + 1
        break
      }
      probe++
    }
  }
  // Skip verbs that only carry the cue's action (急がせ|ない, 買って|い|ない).
  let causative = false
  while (cursor < tokens.length && tokens[cursor]!.pos === POS.verb && CARRIERS.has(tokens[cursor]!.basic_form)) {
    if (CAUSATIVES.has(tokens[cursor]!.basic_form)) causative = true
    cursor++
  }
  // 見逃すな, 逃すな: the dictionary form and the prohibitive particle な.
  const after = tokens[cursor]
  if (after && after.surface_form === 'な' && after.pos_detail_1 === POS_DETAIL.final && tokens[cursor - 1]?.conjugated_form === '基本形') {
    return 'prohibition'
  }
  const negation = negationAt(tokens, cursor)
  if (negation < 0) {
    // 急ぐ必要はない, 急ぐことはありません: a nominal head, は/も/が, then a negation.
    // Also 上がるわけではありません: the head, だ (で), は, then the negation.
    const head = tokens[cursor]
    if (head && NOMINAL_HEADS.has(head.basic_form)) {
      let probe = cursor + 1
      for (let skip = 0; skip < 3 && tokens[probe] && (tokens[probe]!.pos === POS.particle || tokens[probe]!.basic_form === 'だ'); skip++) probe++
      if (negationAt(tokens, probe) >= 0) return 'calm'
    }
    // 必ず上がるとは限りません: "not necessarily".
    if (head?.surface_form === 'と' && tokens[cursor + 1]?.surface_form === 'は' && tokens[cursor + 2]?.basic_form === '限る') {
      if (negationAt(tokens, cursor + 3) >= 0) return 'calm'
    }
    return 'none'
  }
  // What follows the negation decides its force.
  const negator = tokens[negation]!
  const next = tokens[negation + 1]
  if (next && (next.surface_form === 'と' || next.surface_form === 'ば') && next.pos === POS.particle) return 'threat'
  if (negator.surface_form === 'なけれ' || negator.surface_form === 'なきゃ' || negator.surface_form === 'なくちゃ') return 'threat'
  if (next && DOUBLE_HEADS.has(next.basic_form)) {
    let probe = negation + 2
    if (tokens[probe]?.pos === POS.particle) probe++
    if (negationAt(tokens, probe) >= 0) return 'double'
  }
  if (next && PURPOSE_HEADS.has(next.basic_form) && next.pos === POS.noun) return 'purpose'
  if (next && next.surface_form === 'で' && next.pos === POS.particle) {
    const then = tokens[negation + 2]
    if (isBoundary(then) || REQUEST_VERBS.has(then!.basic_form) || FINAL_PARTICLES.has(then!.surface_form)) return 'prohibition'
  }
  // チャンスを逃さず(に)、…: "without missing it" urges the reader on; 急がずに stays calm.
  if (negator.surface_form === 'ず' && MISS_VERBS.has(tokens[negation - 1]?.basic_form ?? '')) return 'prohibition'
  // お見逃しなく, お忘れなく: なく closing the sentence is a polite prohibition.
  if (negator.surface_form === 'なく' && isBoundary(next)) return 'prohibition'
  if (causative || absoluteBefore(tokens, start)) return 'guarantee'
  return 'calm'
}

// Tokens that may sit between a verb and its past or progressive ending.
const PAST_BRIDGES = new Set(['ます', 'て', 'で', 'しまう', 'ちゃう', 'じゃう'])
// Simultaneous action (後悔しながら, 損をしつつ) describes, it does not threaten.
const WHILE = new Set(['ながら', 'つつ'])

/**
 * Is the cue ending before token `end` told as a past or ongoing experience
 * (後悔した, 損をしました, 乗り遅れてしまった, 後悔しています, 後悔しながら)? Loss cues in a
 * story are the writer's experience, not a threat to the reader.
 */
export function isNarrative(tokens: KuromojiToken[], end: number): boolean {
  for (let index = end; index < tokens.length && index < end + 4; index++) {
    const token = tokens[index]!
    if (token.pos === POS.auxiliary && token.basic_form === 'た') return true
    if (token.pos === POS.particle && WHILE.has(token.basic_form)) return true
    if ((token.basic_form === 'いる' || token.basic_form === 'おる') && token.pos === POS.verb) {
      return tokens[index - 1]?.pos === POS.particle && /^[てで]$/.test(tokens[index - 1]!.surface_form)
    }
    if (token.pos === POS.verb && token.basic_form === 'する' && index === end) continue
    if (!PAST_BRIDGES.has(token.basic_form)) return false
  }
  return false
}
