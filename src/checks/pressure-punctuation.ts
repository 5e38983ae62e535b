import emojiRegex from 'emoji-regex'
import type {ProseBlock} from '../core/prose.js'
import type {Lang} from '../lang/script.js'
import type {Check, CheckContext} from './types.js'

/**
 * Pressure through typography (DOMAIN.md §1.7): stacked ！！/!!/?!, ‼ ⁉ ❗,
 * alarm emoji, 【緊急】-style alarm brackets, elongation (今だけーーー, 〜〜), and
 * English words in ALL CAPS that shout (FREE, NOW, LAST CHANCE) but not
 * acronyms (API, FTC, USA). Marks are counted on the raw text of each prose
 * block (code is masked), never on tokens: kuromoji glues "!!" and "‼" into one
 * token and NFKC turns ‼ into !!.
 */
export const pressurePunctuation: Check = (context, rule) => {
  const minMarks = typeof rule.options?.minMarks === 'number' ? rule.options.minMarks : 2
  const reported: [number, number][] = []
  for (const block of context.blocks) {
    // A subject line's typography is subject-line's to judge (one finding, not two).
    if (block.kind === 'subject') continue
    const findings = blockFindings(block, minMarks)
    if (findings.length === 0) continue
    const langAt = nearestLanguage(block.text)
    for (const finding of findings) reported.push(emit(context, rule, block, finding, langAt(finding.from)))
  }
  for (const sentence of context.sentences) {
    if (sentence.lang !== 'en' || sentence.block.kind === 'subject') continue
    for (const [start, end] of shoutingRanges(context.source, sentence.words)) {
      // [URGENT] is already one finding as an alarm bracket.
      if (reported.some(([from, to]) => start >= from && end <= to)) continue
      const lower = context.source.slice(start, end).toLowerCase()
      // The calm spelling as the alternative: "LAST CHANCE" → "Last chance" / "last chance".
      const calm = start === sentence.words[0]?.start ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower
      context.report(rule, {start, end, stage: sentence.stage, lang: 'en', expected: [calm]})
    }
  }
}

interface MarkFinding {
  /** Block-text offsets. */
  from: number
  to: number
  kind: 'marks' | 'emoji' | 'bracket' | 'elongation'
}

const ALARM_EMOJI = new Set(['🔥', '⏰', '⏳', '⌛', '🚨', '⚠', '❗', '❕', '‼', '⁉', '📢', '📣', '💥', '🆘', '⚡', '⛔', '💣', '‼'])
// Every alarm emoji is one code point, so a match of the emoji expression can be one only where these occur.
const ALARM_CHAR = new RegExp(`[${[...ALARM_EMOJI].join('')}]`, 'u')
const ALARM_WORDS =
  /緊急|至急|重要|速報|最終|締切|締め切り|〆切|本日|限定|残り|ラスト|急募|必見|警告|注意|号外|拡散|終了|再送|チャンス|今だけ|激安|見逃|ご案内|大特価|特報|朗報/u
const EN_BRACKET = /\[(?:urgent|final notice|last chance|act now|breaking|important|reminder|alert|warning|final call|hurry)!*\]/giu
// ！！, !!, ?!, ！？ (any mix); ‼ ⁉ ❗ alone; a run is one finding.
const MARKS = /[!！][!！?？]+|[?？]+[!！][!！?？]*|[‼⁉❗❕]+/gu
// ーーー anywhere; ーー after kana or kanji (not inside a katakana word); 〜〜; ーっ at a sentence end.
const ELONGATION = /ー{3,}|(?<=[\p{Script=Hiragana}\p{Script=Han}])ー{2,}|[〜～]{2,}|[ー〜～]+っ(?=[!！。、\s]|$)|※{3,}|★{3,}/gu
const ELONGATION_CHAR = /[ー〜～※★]/

function blockFindings(block: ProseBlock, minMarks: number): MarkFinding[] {
  const text = block.text
  const found: MarkFinding[] = []
  for (const match of text.matchAll(MARKS)) {
    const marks = [...match[0]].length
    const single = /^[‼⁉❗❕]/.test(match[0])
    if (single || marks >= minMarks) found.push({from: match.index, to: match.index + match[0].length, kind: 'marks'})
  }
  // The scans below are skipped on text that lacks the characters they need (most
  // English blocks): the emoji expression is large, and a finding needs an alarm emoji.
  if (ALARM_CHAR.test(text)) for (const match of text.matchAll(emojiRegex())) {
    const base = match[0].replace(/[\uFE0F\uFE0E]/g, '')
    if (ALARM_EMOJI.has(base)) found.push({from: match.index, to: match.index + match[0].length, kind: 'emoji'})
  }
  if (text.includes('【')) for (const match of text.matchAll(/【([^【】\n]{1,16})】/gu)) {
    if (ALARM_WORDS.test(match[1]!)) found.push({from: match.index, to: match.index + match[0].length, kind: 'bracket'})
  }
  if (text.includes('[')) for (const match of text.matchAll(EN_BRACKET)) found.push({from: match.index, to: match.index + match[0].length, kind: 'bracket'})
  if (ELONGATION_CHAR.test(text)) for (const match of text.matchAll(ELONGATION)) found.push({from: match.index, to: match.index + match[0].length, kind: 'elongation'})
  // One finding per place: a ‼️ is both a mark and an emoji; a run of alarm
  // emoji (🔥🔥🔥) is one, not one per emoji.
  found.sort((a, b) => a.from - b.from || b.to - a.to)
  const kept: MarkFinding[] = []
  for (const finding of found) {
    const last = kept[kept.length - 1]
    if (last && (finding.from < last.to || (finding.from === last.to && finding.kind === 'emoji' && last.kind === 'emoji'))) {
      last.to = Math.max(last.to, finding.to)
      continue
    }
    kept.push(finding)
  }
  return kept
}

function emit(context: CheckContext, rule: Parameters<Check>[1], block: ProseBlock, finding: MarkFinding, lang: Lang): [number, number] {
  const start = block.origin[finding.from]!
  const end = block.originEnd[finding.to - 1]!
  const expected = finding.kind === 'marks' ? [lang === 'ja' ? '。' : '.'] : []
  context.report(rule, {start, end, stage: context.stageAt(start), lang, expected})
  return [start, end]
}

const JAPANESE_LETTER = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u
const LATIN_LETTER = /\p{Script=Latin}/u

const NONE = 0
const JA = 1
const EN = 2

/**
 * The language of the nearest letter before (else after) a position of `text`,
 * from two passes made once per block: a block of thousands of findings (a wall
 * of 🔥) must not rescan the text for each.
 */
function nearestLanguage(text: string): (at: number) => Lang {
  const before = new Uint8Array(text.length + 1) // language of the last letter before index
  const after = new Uint8Array(text.length + 1) // language of the first letter at or after index
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    const lang = JAPANESE_LETTER.test(char) || char === 'ー' ? JA : LATIN_LETTER.test(char) ? EN : NONE
    before[index + 1] = lang === NONE ? before[index]! : lang
  }
  for (let index = text.length - 1; index >= 0; index--) {
    const char = text[index]!
    const lang = JAPANESE_LETTER.test(char) ? JA : LATIN_LETTER.test(char) ? EN : NONE
    after[index] = lang === NONE ? after[index + 1]! : lang
  }
  return (at) => {
    const found = before[at]! || after[at]!
    return found === EN ? 'en' : 'ja'
  }
}

// Sales words that shout when written in capitals. Acronyms (API, FTC, USA) are
// never in this list, and a listed word right before a capitalised word is taken
// as part of a name (OPEN Government Data Act, SAVE program, NEW York).
// Instructional emphasis (You MUST, DON'T ask, NEVER) is left out on purpose:
// it stresses a rule, it does not push a sale.
const SHOUT = new Set([
  'free', 'now', 'today', 'tonight', 'hurry', 'urgent', 'last', 'chance', 'limited', 'only', 'buy', 'sale', 'deal',
  'deals', 'offer', 'bonus', 'huge', 'massive', 'miss', 'warning', 'alert',
  'exclusive', 'guaranteed', 'guarantee', 'secret', 'insane', 'amazing', 'incredible', 'ends', 'expires', 'final',
  'closing', 'order', 'click', 'act', 'wait', 'gone', 'sold', 'discount', 'cheap', 'ever', 'breaking', 'attention',
  'reminder', 'deadline', 'register', 'grab', 'wow', 'really', 'proven', 'miracle', 'everything', 'immediately',
  'instantly', 'forever', 'again', 'hours', 'left'
])
// Common words: capitals around a sales word (THIS IS YOUR LAST CHANCE) shout with it.
const FUNCTION_WORDS = new Set([
  'the', 'you', 'your', "you're", 'this', 'that', 'and', 'are', 'will', 'not', 'for', 'with', 'what', 'get', 'all',
  'our', 'we', 'is', 'to', 'of', 'do', 'it', "it's", 'be', 'can', 'have', 'has', 'from', 'was', 'before', 'just'
])
/** An English word written in capitals (FREE, LAST-CHANCE). */
export const CAPS_WORD = /^[A-Z](?:[A-Z'’-]*[A-Z])?$/

/** Source ranges of shouted English: listed words in capitals, or a shouted run. */
export function shoutingRanges(source: string, words: {start: number; end: number}[]): [number, number][] {
  // One entry per written word (an expanded contraction shares its offsets).
  const written = words.filter((word, index) => index === 0 || words[index - 1]!.start !== word.start)
  // NFKC, so that full-width ＦＲＥＥ shouts like FREE.
  const texts = written.map((word) => source.slice(word.start, word.end).normalize('NFKC'))
  const caps = texts.map((text) => text.length >= 2 && CAPS_WORD.test(text))
  const ranges: [number, number][] = []
  let index = 0
  while (index < written.length) {
    if (!caps[index]) {
      index++
      continue
    }
    let end = index
    while (end + 1 < written.length && caps[end + 1]) end++
    const run = texts.slice(index, end + 1).map((text) => text.toLowerCase().replace(/’/g, "'"))
    const functionWords = run.filter((word) => FUNCTION_WORDS.has(word)).length
    const nextText = texts[end + 1] ?? ''
    const beforeName = /^[A-Z][a-z]/.test(nextText)
    // A run counts when it holds a sales word and is made of sales and common
    // words only, or is a shouted sentence (3+ words, 2+ common words) around one.
    const shouts = run.some((word) => SHOUT.has(word))
    const plain = run.every((word) => SHOUT.has(word) || FUNCTION_WORDS.has(word))
    if (shouts && !beforeName && (plain || (run.length >= 3 && functionWords >= 2))) {
      ranges.push([written[index]!.start, written[end]!.end])
    }
    index = end + 1
  }
  return ranges
}
