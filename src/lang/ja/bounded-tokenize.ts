/**
 * kuromoji, made safe for any input: linear in the length of the text and
 * never throwing on malformed UTF-16.
 *
 * - kuromoji's lattice groups a run of one character class (katakana, Latin
 *   letters, digits, symbols) into unknown words that start at every position
 *   and reach to the end of the run, so a run of n such characters costs n²;
 *   a text with no break costs the same in lattice size. Text is therefore
 *   tokenized in windows of at most WINDOW characters, cut at a sentence mark
 *   or a space where there is one, and runs of one class longer than MAX_RUN
 *   are cut too. Ordinary prose has neither, so its tokens are unchanged.
 * - A lone surrogate makes the trie's UTF-8 encoder return null, and NUL is
 *   the trie's terminator: kuromoji throws on both. They are tokenized as
 *   U+FFFD and a space, one code unit for one, so every offset still holds.
 */
import type {JapaneseTokenizer, KuromojiToken} from './tokenizer.js'

/** The longest text handed to kuromoji at once. */
export const WINDOW = 1024
/** The longest run of one character class handed to kuromoji at once. */
export const MAX_RUN = 128

/**
 * Tokens of `text`, with `word_position` (1-based) in UTF-16 units of `text`.
 * kuromoji counts positions in code points, so after an emoji its positions
 * fall one unit short per astral character; they are recomputed from the
 * surfaces, which cover the text end to end.
 */
export function tokenizeBounded(tokenizer: JapaneseTokenizer, text: string): KuromojiToken[] {
  const safe = sanitize(text)
  if (safe.length <= MAX_RUN || (safe.length <= WINDOW && longestRun(safe) <= MAX_RUN)) return inUtf16(tokenizer.tokenize(safe), safe, 0)
  const tokens: KuromojiToken[] = []
  for (let from = 0; from < safe.length; ) {
    const to = cutPoint(safe, from)
    tokens.push(...inUtf16(tokenizer.tokenize(safe.slice(from, to)), safe, from))
    from = to
  }
  return tokens
}

/** Set each token's `word_position` to its UTF-16 offset in `text` (plus one), starting at `from`. */
function inUtf16(tokens: KuromojiToken[], text: string, from: number): KuromojiToken[] {
  let cursor = from
  for (const token of tokens) {
    const at = text.startsWith(token.surface_form, cursor) ? cursor : text.indexOf(token.surface_form, cursor)
    token.word_position = (at < 0 ? cursor : at) + 1
    cursor = (at < 0 ? cursor : at) + token.surface_form.length
  }
  return tokens
}

/** Lone surrogates → U+FFFD, NUL and other C0 controls but tab/line breaks → space; same length. */
export function sanitize(text: string): string {
  if (!UNSAFE.test(text)) return text
  let out = ''
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      out += text[index]! + text[index + 1]!
      index++
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\uFFFD'
    else if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) out += ' '
    else out += text[index]
  }
  return out
}

const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff]/

/** The end of the window that starts at `from`. */
function cutPoint(text: string, from: number): number {
  const limit = Math.min(text.length, from + WINDOW)
  let runStart = from
  let lastBreak = -1
  for (let index = from; index < limit; index++) {
    if (index > from && classOf(text.charCodeAt(index)) !== classOf(text.charCodeAt(index - 1))) runStart = index
    // A run too long: cut inside it (never between the halves of a surrogate pair).
    if (index - runStart >= MAX_RUN) return isLowSurrogate(text.charCodeAt(index)) ? index + 1 : index
    const char = text[index]!
    if (char === '。' || char === '！' || char === '？' || char === '!' || char === '?' || char === '.' || char === ' ' || char === '\u3000' || char === '\n') lastBreak = index + 1
  }
  if (limit === text.length) return limit
  if (lastBreak > from) return lastBreak
  return isLowSurrogate(text.charCodeAt(limit)) ? limit + 1 : limit
}

function longestRun(text: string): number {
  let longest = 0
  let run = 0
  for (let index = 0; index < text.length; index++) {
    run = index > 0 && classOf(text.charCodeAt(index)) === classOf(text.charCodeAt(index - 1)) ? run + 1 : 1
    if (run > longest) longest = run
  }
  return longest
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * A coarse character class, close to kuromoji's grouping classes: what matters
 * is that a run kuromoji would group stays one class here.
 */
function classOf(code: number): number {
  if (code >= 0x30a0 && code <= 0x30ff) return 1 // katakana
  if (code >= 0xff66 && code <= 0xff9f) return 1 // half-width katakana
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xff21 && code <= 0xff5a)) return 2 // Latin
  if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) return 3 // digits
  if (code >= 0x3040 && code <= 0x309f) return 4 // hiragana
  if (code >= 0x4e00 && code <= 0x9fff) return 5 // kanji
  if (code >= 0xd800 && code <= 0xdfff) return 6 // astral (emoji…)
  if (code <= 0x20 || code === 0x3000) return 7 // space
  return 8 // symbols and the rest
}
