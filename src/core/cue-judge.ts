import {findCues, type CueMatch} from '../kinds/existence.js'
import {englishPolarity, type EnglishPolarity} from '../lang/en/negation.js'
import {isNarrative, japanesePolarity, type JapanesePolarity} from '../lang/ja/negation.js'
import {isPotentialDescription} from '../lang/ja/modality.js'
import {POS, POS_DETAIL} from '../lang/ja/pos.js'
import type {CueFilter} from './mentions.js'
import type {CompiledRule, NegationEffect} from './rule-types.js'
import {rawTokens, type ProseSentence} from './text-model.js'

type Polarity = JapanesePolarity | EnglishPolarity

// Which negation kinds drop a cue, per the rule's `negation:` (DOMAIN.md §2).
// `cancel`: a calm, purposive or prohibiting negation removes the pressure
// (急がないでください is calm); a threat or a double negative keeps it.
// `frame`: loss cues stay pushy in purpose and prohibition frames
// (後悔しないために, お見逃しなく); a calm negation drops them, and a guarantee
// (絶対に損しない) is reported by `hype` instead.
const DROPPED_BY: Record<NegationEffect, ReadonlySet<Polarity>> = {
  cancel: new Set(['calm', 'purpose', 'prohibition', 'guarantee']),
  frame: new Set(['calm', 'guarantee']),
  keep: new Set(),
  ignore: new Set()
}

/** The polarity of a cue in its sentence; a regex cue is placed on the tokens or words it covers first. */
export function cuePolarity(sentence: ProseSentence, found: CueMatch): Polarity {
  const cue = placed(sentence, found)
  if (cue.from < 0) return 'none'
  if (sentence.lang === 'ja') return japanesePolarity(rawTokens(sentence), cue.from, cue.to)
  return englishPolarity(sentence.words, cue.from)
}

/** Does a negation around the cue drop it, under the rule's `negation:` (for checks that judge their own cues)? */
export function negatedAway(rule: CompiledRule, sentence: ProseSentence, cue: CueMatch): boolean {
  const dropped = DROPPED_BY[rule.negation]
  return dropped.size > 0 && dropped.has(cuePolarity(sentence, cue))
}

/** A cue with its token or word range: a regex cue is placed on the units it covers. */
export function placed(sentence: ProseSentence, cue: CueMatch): CueMatch {
  return cue.from < 0 ? onUnits(sentence, cue) : cue
}

/** The token (ja) or word (en) range a regex cue covers, so negation can be judged around it. */
export function onUnits(sentence: ProseSentence, cue: CueMatch): CueMatch {
  const units: {start: number; end: number}[] = sentence.lang === 'ja' ? sentence.tokens : sentence.words
  let from = -1
  let to = -1
  units.forEach((unit, index) => {
    if (unit.end > cue.start && unit.start < cue.end) {
      if (from < 0) from = index
      to = index + 1
    }
  })
  return {...cue, from, to}
}

/**
 * The cues of a rule in a sentence that are the writer's own pressure: not
 * dropped by negation, not a mention (unless `flagMentions`), not inside an
 * accepted term.
 */
export function judgeCues(rule: CompiledRule, sentence: ProseSentence, filter: CueFilter, flagMentions: boolean): CueMatch[] {
  const dropped = DROPPED_BY[rule.negation]
  const kept: CueMatch[] = []
  if (examinesPurchase(sentence)) return kept
  for (const found of findCues(rule, sentence)) {
    const polarity = dropped.size > 0 ? cuePolarity(sentence, found) : 'none'
    if (dropped.has(polarity)) continue
    if (rule.negation === 'frame' && (told(sentence, found) || hypothetical(sentence, found))) continue
    if (polarity === 'purpose' && namesTopic(sentence, found)) continue
    // English: a cue told in the past ("was actually a negative 50% off", "the limited-time
    // offer simply remained valid") reports what happened; it does not press the reader.
    if (rule.negation !== 'frame' && toldInPast(sentence, found)) continue
    if (describesAbility(sentence, found)) continue
    if (rule.id === 'hard-sell' && procedural(sentence, found)) continue
    if (rule.id === 'urgency' && administrative(sentence, found)) continue
    // Report the whole frame (後悔しないために, チャンスを逃すな), not just its verb.
    const cue = rule.negation === 'frame' && FRAMES.has(polarity) ? overFrame(sentence, found) : found
    if (filter.isAccepted(cue.start, cue.end)) continue
    // A regex cue is placed on its tokens or words, so talk about wording after it counts too.
    if (!flagMentions && filter.isMention(sentence, placed(sentence, cue))) continue
    kept.push(cue)
  }
  return kept
}

// A question that weighs an offer (本当にお得なのでしょうか, "Is it really worth it?")
// examines the purchase with the reader; it does not push it (issue 12). An
// invitation (今すぐ申し込みませんか？) has no doubt word and stays a cue; a topic
// question (ポイント最大39倍って？) asks what the offer means.
const JA_EXAMINING = /(?:(?:本当に|ほんとうに|ホントに|本当は|果たして|はたして)[^。！!]*(?:か|の|って|なの)[?？。]?|(?:って|とは)[?？])[」』)）]*\s*$/u
const EN_EXAMINING = /(?:\b(?:really|actually|truly)\b[^.!?]*|\bworth it)\?["”’)]*\s*$/iu

// judgeCues runs once per rule on each sentence: decide once per sentence.
const examined = new WeakMap<ProseSentence, boolean>()

function examinesPurchase(sentence: ProseSentence): boolean {
  let result = examined.get(sentence)
  if (result === undefined) {
    const text = sentence.normalized.text
    result = sentence.lang === 'ja' ? JA_EXAMINING.test(text) : EN_EXAMINING.test(text)
    examined.set(sentence, result)
  }
  return result
}

const FRAMES = new Set<Polarity>(['purpose', 'prohibition', 'threat'])
// The word that closes a frame: ため/よう (+に), と/ば, ください, the prohibitive な.
const FRAME_CLOSERS = new Set(['ため', '為', 'よう', 'と', 'ば', 'くださる', '下さる', 'な'])

function overFrame(sentence: ProseSentence, cue: CueMatch): CueMatch {
  if (sentence.lang !== 'ja') return cue
  const tokens = sentence.tokens
  for (let index = cue.to; index < tokens.length && index < cue.to + 5; index++) {
    const token = tokens[index]!.token
    if (token.pos === POS.symbol) break
    const closes =
      FRAME_CLOSERS.has(token.basic_form) ||
      token.surface_form === 'なきゃ' ||
      token.surface_form === 'なくちゃ' ||
      (token.surface_form === 'で' && tokens[index - 1]?.token.basic_form === 'ない')
    if (!closes) continue
    let last = index
    const next = tokens[index + 1]?.token
    if (next && (next.basic_form === 'に' || next.basic_form === 'くださる' || next.basic_form === '下さる')) last = index + 1
    return {...cue, end: tokens[last]!.end, to: last + 1}
  }
  return cue
}

// English: "That was our last chance to test" tells, it does not threaten.
const EN_PAST = new Set(['was', 'were', 'had', 'been'])

/** A loss cue told as the writer's past or ongoing experience (後悔した, 損をしました). */
function told(sentence: ProseSentence, found: CueMatch): boolean {
  const cue = placed(sentence, found)
  if (cue.from < 0) return false
  if (sentence.lang === 'en') {
    return sentence.words.slice(Math.max(0, cue.from - 3), cue.from).some((word) => EN_PAST.has(word.norm))
  }
  const tokens = rawTokens(sentence)
  return isNarrative(tokens, cue.to) && !possibleState(tokens, cue.to)
}

// 損をしている可能性がある, 後悔しているかもしれません: an ongoing loss put to the reader as a
// possibility is a state the reader may be in now, not the writer's story.
const POSSIBLE_STATE_WINDOW = 5

function possibleState(tokens: ReturnType<typeof rawTokens>, end: number): boolean {
  for (let index = end; index < tokens.length && index < end + POSSIBLE_STATE_WINDOW; index++) {
    const token = tokens[index]!
    if (token.pos === POS.symbol) return false
    if (token.surface_form === 'かも' || (token.pos === POS.noun && JA_CASE_NOUNS.some((word) => (token.surface_form + (tokens[index + 1]?.surface_form ?? '')).startsWith(word)))) return true
  }
  return false
}

// A loss weighed as a possibility or a case (損する可能性もある, 後悔するケースも少なくない,
// 仮に損をしても, "a small chance that you'll regret it") explains a risk; it threatens no one.
const JA_CASE_NOUNS = ['可能性', 'ケース', '場合', 'リスク', '恐れ', 'おそれ', '危険性', '事例', '確率', 'パターン']
const EN_CASE_LEADS = new Set(['risk', 'risks', 'chance', 'chances', 'possibility', 'odds', 'likelihood', 'danger'])

function hypothetical(sentence: ProseSentence, found: CueMatch): boolean {
  const cue = placed(sentence, found)
  if (cue.from < 0) return false
  if (sentence.lang === 'en') {
    const words = sentence.words
    // "the risk of missing out", "a chance that you'll regret it": the lead within four words before.
    let weighed = false
    for (let index = Math.max(0, cue.from - EN_CASE_WINDOW); index < cue.from && !weighed; index++) {
      weighed = EN_CASE_LEADS.has(words[index]!.norm) && (words[index + 1]?.norm === 'of' || words[index + 1]?.norm === 'that')
    }
    return weighed && !englishThreatBefore(words, cue.from)
  }
  const tokens = rawTokens(sentence)
  const next = tokens[cue.to]
  if (!next || japaneseThreatBefore(tokens, cue.from)) return false
  // 可能性 and 危険性 come as two tokens (可能 + 性).
  const noun = next.surface_form + (tokens[cue.to + 1]?.surface_form ?? '')
  if (next.pos === POS.noun && JA_CASE_NOUNS.some((word) => noun.startsWith(word))) return true
  // Concessive: 損をしても, 後悔しても.
  const te = (token: (typeof tokens)[number] | undefined) => token?.surface_form === 'て' || token?.surface_form === 'で'
  return (te(next) && tokens[cue.to + 1]?.surface_form === 'も') || (te(tokens[cue.to - 1]) && next.surface_form === 'も')
}

const EN_CASE_WINDOW = 4

// A possibility still threatens after a condition of not acting (比較しないと損をする可能性,
// "unless you compare", "if you don't compare"), or when the reader is said to be losing
// already (すでに損をしている可能性).
function englishThreatBefore(words: ProseSentence['words'], from: number): boolean {
  for (let index = 0; index < from; index++) {
    const norm = words[index]!.norm
    if (norm === 'unless') return true
    // "if you don't", "if you do not", "if it isn't": a not within the next three words.
    if (norm === 'if' && [1, 2, 3].some((offset) => index + offset < from && words[index + offset]!.norm === 'not')) return true
  }
  return false
}

const ALREADY = new Set(['すでに', '既に', 'もう'])
const THREAT_WINDOW = 12

function japaneseThreatBefore(tokens: ReturnType<typeof rawTokens>, from: number): boolean {
  for (let index = from - 1; index >= 0 && index >= from - THREAT_WINDOW; index--) {
    const token = tokens[index]!
    if (token.pos === POS.symbol && token.pos_detail_1 !== POS_DETAIL.comma) return false
    const after = tokens[index + 1]
    if (ALREADY.has(token.surface_form)) return true
    // Staying as one is: このままだと, 今のままでは.
    if (token.surface_form === 'まま' && ((after?.surface_form === 'だ' && tokens[index + 2]?.surface_form === 'と') || (after?.surface_form === 'で' && tokens[index + 2]?.surface_form === 'は'))) return true
    if (token.basic_form === 'ない' && token.pos === POS.auxiliary && after && (after.surface_form === 'と' || after.surface_form === 'ば')) return true
    if (token.surface_form === 'なけれ' || token.surface_form === 'なきゃ' || token.surface_form === 'なくちゃ') return true
  }
  return false
}

const EN_PAST_AFTER = new Set(['was', 'were', 'remained', 'stayed', 'had', 'turned', 'ended', 'expired', 'lasted'])
const EN_ADVERBS = new Set(['simply', 'still', 'actually', 'just', 'never', 'already', 'really', 'then'])

/** A cue after was/were/had (within four words) or the subject of a past-tense verb ("the offer simply remained valid"). */
function toldInPast(sentence: ProseSentence, found: CueMatch): boolean {
  const cue = placed(sentence, found)
  if (cue.to < 0) return false
  if (sentence.lang === 'ja') return copulaPast(rawTokens(sentence), cue.to)
  const words = sentence.words
  for (let index = cue.from - 1; index >= 0 && index >= cue.from - 4; index--) {
    if (EN_PAST.has(words[index]!.norm)) return true
    // Stay in the cue's clause: "It was $99, now $49. Half price" is an anchor, not a story.
    if (words[index]!.clauseStart) break
  }
  let index = cue.to
  while (index < words.length && index < cue.to + 2 && EN_ADVERBS.has(words[index]!.norm)) index++
  return index < words.length && !words[index]!.clauseStart && EN_PAST_AFTER.has(words[index]!.norm)
}

/** Japanese: the cue closed by a past copula (先月は50%オフでした, 期間限定だった). */
function copulaPast(tokens: ReturnType<typeof rawTokens>, end: number): boolean {
  const copula = tokens[end]
  return !!copula && (copula.basic_form === 'です' || copula.basic_form === 'だ') && tokens[end + 1]?.basic_form === 'た' && tokens[end + 1]?.pos === POS.auxiliary
}

/** An adverb cue before a potential verb (今すぐ使えるテクニック) describes, it does not push. */
function describesAbility(sentence: ProseSentence, cue: CueMatch): boolean {
  if (sentence.lang !== 'ja' || cue.from < 0) return false
  const tokens = rawTokens(sentence)
  if (tokens[cue.to - 1]?.pos !== POS.adverb) return false
  return isPotentialDescription(tokens, cue.to)
}

// Where to apply, said with the request (issue 12): 以下のページからお申し込みください,
// 窓口に直接お申し込みください, "Register now via the form below" are procedure, not pressure.
const JA_ROUTES = new Set([
  'ページ', 'フォーム', '窓口', 'サイト', 'URL', 'リンク', 'メール', '電話', 'FAX', 'ファックス', '郵送', '下記', '以下', '受付',
  '申込書', '申込用紙', 'アプリ', 'カウンター', '事務局', 'はがき', 'ハガキ', '専用', 'Web', 'WEB', 'ウェブ', 'ホームページ'
])
const JA_ROUTE_PARTICLES = new Set(['から', 'より', 'にて', 'で', 'に', 'まで'])
const EN_ROUTE_PREPOSITIONS = new Set(['at', 'via', 'through', 'using', 'on', 'from', 'in', 'by'])
const EN_ROUTES = new Set(['form', 'page', 'link', 'website', 'site', 'portal', 'office', 'desk', 'counter', 'app', 'email', 'phone', 'mail', 'below', 'above'])
const ROUTE_WINDOW = 8

function procedural(sentence: ProseSentence, cue: CueMatch): boolean {
  const found = placed(sentence, cue)
  if (found.from < 0) return false
  if (sentence.lang === 'ja') {
    const tokens = rawTokens(sentence)
    for (let index = found.from - 1; index >= 1 && index >= found.from - ROUTE_WINDOW; index--) {
      const token = tokens[index]!
      if (token.pos === POS.symbol && token.pos_detail_1 !== POS_DETAIL.comma) return false
      if (token.pos === POS.particle && JA_ROUTE_PARTICLES.has(token.surface_form) && JA_ROUTES.has(tokens[index - 1]!.basic_form === '*' ? tokens[index - 1]!.surface_form : tokens[index - 1]!.basic_form)) return true
    }
    return false
  }
  const words = sentence.words
  for (let index = found.to; index < words.length && index < found.to + 3; index++) {
    if (!EN_ROUTE_PREPOSITIONS.has(words[index]!.norm)) continue
    for (let probe = index + 1; probe < words.length && probe <= index + 3; probe++) {
      if (EN_ROUTES.has(words[probe]!.norm)) return true
    }
  }
  return false
}

// Haste asked for an errand, not a purchase (issue 12): 期限が近づいたらお早めに手続きを,
// "please renew your permit early" keep a reader from missing a deadline of their own.
const JA_ERRANDS = new Set(['手続き', '手続', '提出', '申請', '更新', '返却', '届出', '届け出', '受け取り', '受取', '受診', '記入', '解約', '変更'])
const EN_ERRANDS = new Set(['renew', 'renewal', 'paperwork', 'forms', 'documents', 'submit', 'file', 'return', 'claim', 'update', 'cancel', 'appointment'])
const ERRAND_WINDOW = 4

function administrative(sentence: ProseSentence, cue: CueMatch): boolean {
  const found = placed(sentence, cue)
  if (found.to < 0) return false
  if (sentence.lang === 'ja') {
    const tokens = rawTokens(sentence)
    for (let index = found.to; index < tokens.length && index < found.to + ERRAND_WINDOW; index++) {
      const token = tokens[index]!
      if (token.pos === POS.symbol) return false
      // 手続き and 受け取り are one noun or a verb stem + noun, depending on the spelling.
      if (JA_ERRANDS.has(token.surface_form) || JA_ERRANDS.has(token.surface_form + (tokens[index + 1]?.surface_form ?? ''))) return true
    }
    return false
  }
  const words = sentence.words
  for (let index = found.to; index < words.length && index < found.to + ERRAND_WINDOW; index++) {
    if (words[index]!.clauseStart && index > found.to) return false
    if (EN_ERRANDS.has(words[index]!.norm)) return true
  }
  return false
}

// A purpose that names what a lesson covers (損をしないためのポイント, 後悔しないための選び方) is a
// topic, not a push: the purpose frame pushes when it drives an act (後悔しないために、今のうちに…).
const TOPIC_NOUNS = new Set([
  'ポイント', '方法', 'コツ', '注意点', '知識', 'チェックリスト', '基礎', '手順', 'ルール', '考え方', '選び方', '見分け方', '心得',
  '対策', '準備', 'ステップ', '秘訣', 'ヒント', '基本', '条件', '記事', 'ガイド', '講座', 'テクニック', 'ノウハウ', '習慣'
])
const TOPIC_WINDOW = 6

function namesTopic(sentence: ProseSentence, cue: CueMatch): boolean {
  if (sentence.lang !== 'ja') return false
  const found = placed(sentence, cue)
  const tokens = rawTokens(sentence)
  for (let index = Math.max(found.from, 0); index < tokens.length && index < found.to + TOPIC_WINDOW; index++) {
    if (tokens[index]!.basic_form !== 'ため' && tokens[index]!.basic_form !== '為') continue
    if (tokens[index + 1]?.surface_form !== 'の') return false
    // 三つのポイント: a count may come between.
    for (let probe = index + 2; probe < tokens.length && probe <= index + 4; probe++) {
      const token = tokens[probe]!
      if (TOPIC_NOUNS.has(token.basic_form === '*' ? token.surface_form : token.basic_form)) return true
      if (token.pos !== POS.noun && token.surface_form !== 'の') return false
    }
    return false
  }
  return false
}
