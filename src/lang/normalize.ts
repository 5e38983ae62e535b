/** Text normalised for matching, with a map back to the original offsets. */
export interface NormalizedText {
  /** The normalised text. */
  text: string
  /** For each UTF-16 unit of `text`, the offset in the original it came from. */
  origin: Int32Array
  /** For each UTF-16 unit of `text`, the end offset (exclusive) of its origin. */
  originEnd: Int32Array
}

// Characters that compose with the one before them after NFKC (half-width
// dakuten ﾞ and handakuten ﾟ, combining marks), so they are normalised together.
const COMBINING = /^[\p{M}\uFF9E\uFF9F]$/u

// Every \p{M} character is at U+0300 or above, so lower code units are never combining.
function isCombining(source: string, at: number): boolean {
  if (source.charCodeAt(at) < 0x300) return false
  return COMBINING.test(String.fromCodePoint(source.codePointAt(at)!))
}

// Whether a BMP character is its own NFKC: 0 not known yet, 1 yes, 2 no. Prose
// repeats a few thousand distinct characters, and String#normalize goes through
// ICU every time; a typed table needs no string and no hashing.
const STABLE = new Uint8Array(0x10000)

function isStable(code: number, char: string): boolean {
  let state = STABLE[code]!
  if (state === 0) STABLE[code] = state = char.normalize('NFKC') === char ? 1 : 2
  return state === 1
}

/**
 * NFKC-normalise text, keeping an offset map so that a match found in the
 * normalised text can be reported on the original characters (‼ → !!,
 * ｶﾞ → ガ, ５０％ → 50%). `keep` decides which original characters are copied at
 * all; dropped characters (line breaks inside Japanese prose) map nowhere.
 * With `through`, the map is composed with that map of `source` (a block's map
 * to the file), in the same pass: origin is `through.origin[i]` and originEnd is
 * `through.originEnd[end - 1]` for the source range [i, end).
 */
export function normalizeWithMap(
  source: string,
  start = 0,
  end = source.length,
  keep: (char: string, index: number) => boolean = () => true,
  through?: {origin: ArrayLike<number>; originEnd: ArrayLike<number>}
): NormalizedText {
  let text = ''
  const origin: number[] = []
  const originEnd: number[] = []
  // Characters that normalise to themselves are copied as runs (one slice per run,
  // not one string append per character).
  let run = start
  let index = start
  // Whether every unit was copied as it is, one for one: then the map is a view of `through`'s.
  let identity = true
  while (index < end) {
    const code = source.charCodeAt(index)
    // ASCII not followed by a combining mark: its own NFKC, one unit wide (most English text).
    if (code < 0x80 && (index + 1 >= end || source.charCodeAt(index + 1) < 0x300)) {
      if (keep(source[index]!, index)) {
        origin.push(through ? through.origin[index]! : index)
        originEnd.push(through ? through.originEnd[index]! : index + 1)
      } else {
        text += source.slice(run, index)
        run = index + 1
        identity = false
      }
      index++
      continue
    }
    let width = code >= 0xd800 && code <= 0xdbff && index + 1 < source.length && isLowSurrogate(source.charCodeAt(index + 1)) ? 2 : 1
    // Pull following combining characters into the same group.
    while (index + width < end && isCombining(source, index + width)) {
      width += source.codePointAt(index + width)! > 0xffff ? 2 : 1
    }
    const group = width === 1 ? source[index]! : source.slice(index, index + width)
    const kept = keep(group, index)
    const normalized = !kept ? '' : width === 1 && isStable(code, group) ? group : group.normalize('NFKC')
    if (kept) {
      const from = through ? through.origin[index]! : index
      const to = through ? through.originEnd[index + width - 1]! : index + width
      for (let unit = 0; unit < normalized.length; unit++) {
        origin.push(from)
        originEnd.push(to)
      }
    }
    // A group that is dropped or changed by NFKC ends the run of copied characters.
    // (A pair straddling `end` is copied whole, as the group is.)
    if (!kept || normalized !== group || index + width > end) {
      text += source.slice(run, index) + normalized
      run = index + width
      identity = false
    }
    // Both units of a wider group map to the whole group, not unit for unit.
    if (width > 1) identity = false
    index += width
  }
  text += source.slice(run, Math.min(index, Math.max(run, end)))
  // Kept as long as the sentence is (docs/performance.md, Large files): the block's own
  // map when the text is the block's own, else typed (half the memory of an array).
  if (identity && through?.origin instanceof Int32Array && through.originEnd instanceof Int32Array) {
    return new SourceSlice(text, through as TypedMaps, start, end)
  }
  return {text, origin: Int32Array.from(origin), originEnd: Int32Array.from(originEnd)}
}

interface TypedMaps {
  origin: Int32Array
  originEnd: Int32Array
}

/**
 * A normalised text that is a slice of its source's text, unit for unit (most
 * sentences): its maps are views of the source's maps, made when first read. A
 * view is an object of about a hundred bytes, two per sentence, and most
 * sentences never have a cue to place: made eagerly, they were a tenth of the
 * prose model of a large draft (docs/performance.md, Large files).
 */
class SourceSlice implements NormalizedText {
  readonly text: string
  readonly through: TypedMaps
  readonly from: number
  readonly to: number
  private originView: Int32Array | undefined = undefined
  private originEndView: Int32Array | undefined = undefined

  constructor(text: string, through: TypedMaps, from: number, to: number) {
    this.text = text
    this.through = through
    this.from = from
    this.to = to
  }

  get origin(): Int32Array {
    return (this.originView ??= this.through.origin.subarray(this.from, this.to))
  }

  get originEnd(): Int32Array {
    return (this.originEndView ??= this.through.originEnd.subarray(this.from, this.to))
  }
}

/** `map.origin[index]`, without making a view for it. */
export function originAt(map: NormalizedText, index: number): number {
  return map instanceof SourceSlice ? map.through.origin[map.from + index]! : map.origin[index]!
}

/** `map.originEnd[index]`, without making a view for it. */
export function originEndAt(map: NormalizedText, index: number): number {
  return map instanceof SourceSlice ? map.through.originEnd[map.from + index]! : map.originEnd[index]!
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** Map a range of normalised text back to a range of the original. */
export function originRange(map: NormalizedText, start: number, end: number): [number, number] {
  return [map.origin[start]!, map.originEnd[end - 1]!]
}
