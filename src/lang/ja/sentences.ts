/** A sentence as a range of a string. */
export interface Span {
  start: number
  end: number
}

const TERMINATORS = new Set(['。', '！', '？', '!', '?', '‼', '⁉'])
const OPENERS: Record<string, string> = {'「': '」', '『': '』', '（': '）', '(': ')'}
const CLOSERS = new Set(Object.values(OPENERS))

/**
 * Split Japanese text into sentences on 。！？ (and their half-width forms)
 * outside 「」『』（）. A run of terminators (！！, ？！) and the closing brackets
 * right after them stay with their sentence. Whitespace around a sentence is left out.
 */
export function splitJapaneseSentences(text: string, start = 0, end = text.length): Span[] {
  const spans: Span[] = []
  const stack: string[] = []
  let sentenceStart = start
  let index = start
  while (index < end) {
    const char = text[index]!
    if (OPENERS[char]) stack.push(OPENERS[char]!)
    else if (CLOSERS.has(char) && stack[stack.length - 1] === char) stack.pop()
    index++
    if (stack.length === 0 && TERMINATORS.has(char)) {
      while (index < end && (TERMINATORS.has(text[index]!) || CLOSERS.has(text[index]!))) index++
      push(sentenceStart, index)
      sentenceStart = index
    }
  }
  push(sentenceStart, end)
  return spans

  function push(from: number, to: number) {
    while (from < to && /\s/.test(text[from]!)) from++
    while (to > from && /\s/.test(text[to - 1]!)) to--
    if (from < to) spans.push({start: from, end: to})
  }
}
