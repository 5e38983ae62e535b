import {flesch} from 'flesch'
import {syllable} from 'syllable'
import type {ProseSentence} from '../core/text-model.js'

/** Readability of a stretch of prose, per language, with the mix between them. */
export interface Readability {
  /** Characters of prose (no whitespace). */
  chars: number
  /** Share of Japanese-script characters among letters, 0–1. */
  japaneseShare: number
  ja: JapaneseReadability | null
  en: EnglishReadability | null
  /** `!`/`！`/`‼`/`⁉` per 1,000 characters, in either language. */
  exclamationsPer1000: number
}

export interface JapaneseReadability {
  sentences: number
  /** Characters per sentence (whitespace not counted). */
  meanSentenceLength: number
  maxSentenceLength: number
  /** Kanji among Japanese letters (kanji + kana), 0–1. 30–40% reads as plain newsletter prose. */
  kanjiRatio: number
  /** 読点 「、」 per sentence. */
  commasPerSentence: number
}

export interface EnglishReadability {
  sentences: number
  words: number
  wordsPerSentence: number
  /** Flesch reading ease (higher is easier; 60–70 is plain English), computed with wooorm's `flesch` and `syllable`. */
  fleschReadingEase: number
}

// One character's classes, as bits. The regexes are the definitions; a table
// caches their answer per UTF-16 code unit, filled the first time a code unit is
// seen, so a sentence is classified in one loop instead of five regex scans that
// each build an array of matches (the readability of a whole archive was a fifth
// of what `analyze` adds over `lint`, docs/analyzer.md).
const WHITESPACE = 1
const KANJI = 2
const KANA = 4
const LATIN = 8
const EXCLAMATION = 16
const COMMA = 32
const KNOWN = 128
const DEFINITIONS: [bit: number, pattern: RegExp][] = [
  [WHITESPACE, /^\s$/u],
  [KANJI, /^\p{Script=Han}$/u],
  [KANA, /^[\p{Script=Hiragana}\p{Script=Katakana}]$/u],
  [LATIN, /^\p{Script=Latin}$/u],
  [EXCLAMATION, /^[!！‼⁉]$/u],
  [COMMA, /^[、，]$/u]
]
const classes = new Uint8Array(0x10000)

function classify(char: string): number {
  let bits = 0
  for (const [bit, pattern] of DEFINITIONS) if (pattern.test(char)) bits |= bit
  return bits
}

/** The classes of one UTF-16 code unit (a lone surrogate has none). */
function classOfUnit(unit: number): number {
  const known = classes[unit]!
  if (known & KNOWN) return known & ~KNOWN
  const bits = unit >= 0xd800 && unit <= 0xdfff ? 0 : classify(String.fromCharCode(unit))
  classes[unit] = bits | KNOWN
  return bits
}

/** What one sentence adds to a readability; sums of these make any stretch's figures. */
interface SentenceCounts {
  /** Visible (non-whitespace) UTF-16 code units. */
  chars: number
  kanji: number
  kana: number
  latin: number
  exclamations: number
  lang: ProseSentence['lang']
  /** Japanese: visible characters (code points) and 読点. */
  jaLength: number
  commas: number
  /** English with at least three words: its words and their syllables (else 0 words: not scored). */
  enWords: number
  enSyllables: number
}

// Syllable counts per word, shared across calls: newsletters repeat their words.
const syllables = new Map<string, number>()
function syllablesOf(word: string): number {
  const key = word.toLowerCase()
  let count = syllables.get(key)
  if (count === undefined) {
    count = syllable(key)
    if (syllables.size > 50_000) syllables.clear()
    syllables.set(key, count)
  }
  return count
}

// A section's readability and the document's read the same sentences: each is counted once.
const counted = new WeakMap<ProseSentence, SentenceCounts>()

function countsOf(sentence: ProseSentence, source: string): SentenceCounts {
  let counts = counted.get(sentence)
  if (counts) return counts
  counts = {chars: 0, kanji: 0, kana: 0, latin: 0, exclamations: 0, lang: sentence.lang, jaLength: 0, commas: 0, enWords: 0, enSyllables: 0}
  for (let index = sentence.start; index < sentence.end; index++) {
    // A surrogate pair is one character (astral characters are rare in prose: classified each time).
    const pair = index + 1 < sentence.end && isPairAt(source, index)
    const bits = pair ? classify(source.slice(index, index + 2)) : classOfUnit(source.charCodeAt(index))
    if (pair) index++
    if (bits & WHITESPACE) continue
    counts.chars += pair ? 2 : 1
    counts.jaLength++
    if (bits & KANJI) counts.kanji++
    if (bits & KANA) counts.kana++
    if (bits & LATIN) counts.latin++
    if (bits & EXCLAMATION) counts.exclamations++
    if (bits & COMMA) counts.commas++
  }
  if (sentence.lang !== 'ja') {
    counts.jaLength = 0
    counts.commas = 0
    const words = sentence.words.filter((word) => /\p{L}/u.test(word.norm))
    // A Latin word or two inside Japanese prose (LINE, Zoom) is not English prose to score.
    if (words.length >= 3) {
      // Count each written word once (an expanded contraction shares its offsets).
      let previous = -1
      for (const word of words) {
        if (word.start === previous) continue
        previous = word.start
        counts.enWords++
        counts.enSyllables += syllablesOf(source.slice(word.start, word.end))
      }
    }
  }
  counted.set(sentence, counts)
  return counts
}

function isPairAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index)
  if (unit < 0xd800 || unit > 0xdbff) return false
  const next = text.charCodeAt(index + 1)
  return next >= 0xdc00 && next <= 0xdfff
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits

/** Readability of the given sentences (source text from `source`). */
export function readabilityOf(sentences: ProseSentence[], source: string): Readability {
  let chars = 0
  let kanji = 0
  let kana = 0
  let latin = 0
  let exclamations = 0
  let jaSentences = 0
  let jaTotal = 0
  let jaMax = 0
  let commas = 0
  let enSentences = 0
  let enWords = 0
  let enSyllables = 0
  for (const sentence of sentences) {
    const counts = countsOf(sentence, source)
    chars += counts.chars
    kanji += counts.kanji
    kana += counts.kana
    latin += counts.latin
    exclamations += counts.exclamations
    if (counts.lang === 'ja') {
      jaSentences++
      jaTotal += counts.jaLength
      jaMax = Math.max(jaMax, counts.jaLength)
      commas += counts.commas
    } else if (counts.enWords > 0) {
      enSentences++
      enWords += counts.enWords
      enSyllables += counts.enSyllables
    }
  }
  const letters = kanji + kana + latin
  return {
    chars,
    japaneseShare: letters === 0 ? 0 : round((kanji + kana) / letters),
    ja:
      jaSentences === 0
        ? null
        : {
            sentences: jaSentences,
            meanSentenceLength: round(jaTotal / jaSentences, 1),
            maxSentenceLength: jaMax,
            kanjiRatio: kanji + kana === 0 ? 0 : round(kanji / (kanji + kana)),
            commasPerSentence: round(commas / jaSentences)
          },
    en:
      enSentences === 0
        ? null
        : {
            sentences: enSentences,
            words: enWords,
            wordsPerSentence: round(enWords / enSentences, 1),
            fleschReadingEase: round(flesch({sentence: enSentences, word: enWords, syllable: enSyllables}), 1)
          },
    exclamationsPer1000: chars === 0 ? 0 : round((exclamations / chars) * 1000)
  }
}
