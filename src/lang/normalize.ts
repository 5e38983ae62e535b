/** Text normalised for matching, with a map back to the original offsets. */
export interface NormalizedText {
  /** The normalised text. */
  text: string
  /** For each UTF-16 unit of `text`, the offset in the original it came from. */
  origin: number[]
  /** For each UTF-16 unit of `text`, the end offset (exclusive) of its origin. */
  originEnd: number[]
}

// Characters that compose with the one before them after NFKC (half-width
// dakuten ﾞ and handakuten ﾟ, combining marks), so they are normalised together.
const COMBINING = /^[\p{M}\uFF9E\uFF9F]$/u

/**
 * NFKC-normalise text, keeping an offset map so that a match found in the
 * normalised text can be reported on the original characters (‼ → !!,
 * ｶﾞ → ガ, ５０％ → 50%). `keep` decides which original characters are copied at
 * all; dropped characters (line breaks inside Japanese prose) map nowhere.
 */
export function normalizeWithMap(
  source: string,
  start = 0,
  end = source.length,
  keep: (char: string, index: number) => boolean = () => true
): NormalizedText {
  let text = ''
  const origin: number[] = []
  const originEnd: number[] = []
  let index = start
  while (index < end) {
    const code = source.codePointAt(index)!
    let width = code > 0xffff ? 2 : 1
    let group = source.slice(index, index + width)
    // Pull following combining characters into the same group.
    while (index + width < end) {
      const next = String.fromCodePoint(source.codePointAt(index + width)!)
      if (!COMBINING.test(next)) break
      group += next
      width += next.length
    }
    if (keep(group, index)) {
      const normalized = group.normalize('NFKC')
      for (let unit = 0; unit < normalized.length; unit++) {
        origin.push(index)
        originEnd.push(index + width)
      }
      text += normalized
    }
    index += width
  }
  return {text, origin, originEnd}
}

/** Map a range of normalised text back to a range of the original. */
export function originRange(map: NormalizedText, start: number, end: number): [number, number] {
  return [map.origin[start]!, map.originEnd[end - 1]!]
}
