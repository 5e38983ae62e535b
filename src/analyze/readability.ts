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

const KANJI = /\p{Script=Han}/gu
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu
const LATIN = /\p{Script=Latin}/gu
const EXCLAMATION = /[!！‼⁉]/g

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

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0

/** Readability of the given sentences (source text from `source`). */
export function readabilityOf(sentences: ProseSentence[], source: string): Readability {
  let chars = 0
  let kanji = 0
  let kana = 0
  let latin = 0
  let exclamations = 0
  const jaLengths: number[] = []
  let commas = 0
  let enSentences = 0
  let enWords = 0
  let enSyllables = 0
  for (const sentence of sentences) {
    const text = source.slice(sentence.start, sentence.end)
    const visible = text.replace(/\s+/g, '')
    chars += visible.length
    kanji += count(visible, KANJI)
    kana += count(visible, KANA)
    latin += count(visible, LATIN)
    exclamations += count(visible, EXCLAMATION)
    if (sentence.lang === 'ja') {
      jaLengths.push([...visible].length)
      commas += count(visible, /[、，]/g)
    } else {
      const words = sentence.words.filter((word) => /\p{L}/u.test(word.norm))
      // A Latin word or two inside Japanese prose (LINE, Zoom) is not English prose to score.
      if (words.length < 3) continue
      enSentences++
      // Count each written word once (an expanded contraction shares its offsets).
      let previous = -1
      for (const word of words) {
        if (word.start === previous) continue
        previous = word.start
        enWords++
        enSyllables += syllablesOf(source.slice(word.start, word.end))
      }
    }
  }
  const letters = kanji + kana + latin
  return {
    chars,
    japaneseShare: letters === 0 ? 0 : round((kanji + kana) / letters),
    ja:
      jaLengths.length === 0
        ? null
        : {
            sentences: jaLengths.length,
            meanSentenceLength: round(jaLengths.reduce((a, b) => a + b, 0) / jaLengths.length, 1),
            maxSentenceLength: Math.max(...jaLengths),
            kanjiRatio: kanji + kana === 0 ? 0 : round(kanji / (kanji + kana)),
            commasPerSentence: round(commas / jaLengths.length)
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
