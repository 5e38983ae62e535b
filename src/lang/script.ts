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
  return runs
}
