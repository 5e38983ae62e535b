/** The languages trustlint routes text to. */
export type Lang = 'ja' | 'en'

/** A maximal run of one language inside a block's text (offsets into that text). */
export interface LangRun {
  lang: Lang
  start: number
  end: number
}

// Japanese script: kana, kanji, the prolonged sound mark and iteration marks,
// Japanese brackets and punctuation, and the full-width punctuation and
// half-width katakana of Japanese prose (！, ％, ｾｰﾙ). Full-width Latin letters
// (ＦＲＥＥ) are Latin: they route to English and are folded by NFKC there.
// The ideographic space and full-width digits are neutral.
const JAPANESE =
  /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\u3001-\u303F\u30FB\u30FC\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF9F]/u
const LATIN = /\p{Script=Latin}/u

type Script = Lang | 'neutral'

function scriptOf(char: string): Script {
  if (JAPANESE.test(char)) return 'ja'
  if (LATIN.test(char)) return 'en'
  return 'neutral'
}

/**
 * Split text into language runs by script. Neutral characters (digits, spaces,
 * ASCII punctuation, emoji) join the run before them, or the first run when
 * they lead the text. Text without any letters yields no run.
 * `force` routes every character to one language (front matter `lang:`).
 */
export function splitRuns(text: string, force?: Lang): LangRun[] {
  if (force) return /\S/.test(text) ? [{lang: force, start: 0, end: text.length}] : []
  const runs: LangRun[] = []
  let leading = 0
  let index = 0
  for (const char of text) {
    const script = scriptOf(char)
    const width = char.length
    if (script === 'neutral') {
      const last = runs[runs.length - 1]
      if (last) last.end = index + width
      else leading += width
    } else {
      const last = runs[runs.length - 1]
      if (last && last.lang === script) last.end = index + width
      else if (last) runs.push({lang: script, start: index, end: index + width})
      else runs.push({lang: script, start: index - leading, end: index + width})
    }
    index += width
  }
  return mergeEmbeddedLatin(text, runs)
}

// A short Latin token written against Japanese prose (No.1, SNS, OFF, Web) belongs
// to the Japanese sentence: 満足度No.1 and SNSで話題 are one phrase, and a run of its
// own would cut it in two. A Latin run with a space in it, or set off from the
// Japanese by a space ("the 「今すぐ」 banner"), stays English, unless it is a
// name inside a Japanese sentence (see `named` below).
const EMBEDDED_MAX = 12
const NAME_MAX = 24
const NAME_WORDS = 3
// Japanese words, not only brackets or punctuation: the run around a quoted 「今すぐ」 is not prose.
const WORDS_JA = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u

function mergeEmbeddedLatin(text: string, runs: LangRun[]): LangRun[] {
  const touches = (at: number) => at > 0 && at < text.length && !/\s/.test(text[at - 1]!) && !/\s/.test(text[at]!)
  // A name set off by spaces inside a Japanese sentence (チケット販売を Peatix にて開始します,
  // VimConf 2024 の): Japanese words on both sides and no sentence end between them.
  // A shouted word (今なら FREE で) or a lowercase one stays English, where the rules read it.
  const named = (run: LangRun, before: LangRun | undefined, after: LangRun | undefined) => {
    if (before?.lang !== 'ja' || after?.lang !== 'ja') return false
    const body = text.slice(run.start, run.end).trim()
    const words = body.split(/\s+/)
    if (body.length > NAME_MAX || words.length > NAME_WORDS || /[.!?。！？]/.test(body)) return false
    // Names are capitalised or numbered (Peatix, VimConf 2024, WordPress); a lowercase word
    // ("free trial", "act now") is English prose quoted into the sentence.
    if (/\b[A-Z]{4,}\b/.test(body) || !words.every((word) => /[A-Z0-9]/.test(word.normalize('NFKC')))) return false
    return WORDS_JA.test(text.slice(before.start, before.end)) && WORDS_JA.test(text.slice(after.start, after.end))
  }
  const embedded = runs.map((run, index) => {
    if (run.lang !== 'en') return false
    const body = text.slice(run.start, run.end).trim()
    if (body.length > EMBEDDED_MAX || /\s/.test(body)) return named(run, runs[index - 1], runs[index + 1])
    const before = runs[index - 1]
    const after = runs[index + 1]
    const bodyEnd = run.start + text.slice(run.start, run.end).trimEnd().length
    return (before?.lang === 'ja' && touches(run.start)) || (after?.lang === 'ja' && bodyEnd === run.end && touches(after.start)) || named(run, before, after)
  })
  const merged: LangRun[] = []
  runs.forEach((run, index) => {
    const lang = embedded[index] ? 'ja' : run.lang
    const last = merged[merged.length - 1]
    if (last && last.lang === lang) last.end = run.end
    else merged.push({...run, lang})
  })
  return merged
}
