import type {RegexPattern} from '../core/rule-types.js'
import {requiredLiterals} from './regex-literals.js'
import {trigramHashes, type TrigramTable} from './trigrams.js'

/**
 * One alternation of all regex cues with the same flags: a sentence that it does
 * not match skips them all, so the per-pattern scans run only where one may hit
 * (most sentences have no cue; issue 12 added many regex cues).
 */
export interface RegexGate {
  gate: RegExp | undefined
  /**
   * The same alternation without the `u` flag, or undefined when that could read the
   * pattern differently. V8 runs case-insensitive Unicode expressions about eight times
   * slower (full case folding at every position), and on text without surrogates, ſ or
   * the Kelvin sign both modes accept the same strings (see {@link UNSAFE_WITHOUT_U}).
   */
  fast: RegExp | undefined
  members: number[]
  /**
   * Per member, its required literal sets (every match contains a string of each, lowercase
   * when the gate ignores case), or undefined when a member has none: a sentence in which no
   * member has all its sets skips the gate without running (or first compiling) it. See
   * regex-literals.ts.
   */
  literalSets: Literal[][][] | undefined
  ignoreCase: boolean
}

/** A required literal with its trigram hashes (undefined under three characters). */
export interface Literal {
  text: string
  trigrams: Int32Array | undefined
}

/**
 * Text on which a `u` and a non-`u` expression agree: no surrogates (`.` and negated
 * classes would take half a character without `u`) and neither of the two characters
 * that Unicode case folding alone maps onto ASCII (ſ → s, K → k). NFKC removes both,
 * so in practice the test only rejects astral characters such as emoji.
 */
export const UNSAFE_WITHOUT_U = /[\uD800-\uDFFF\u017F\u212A]/
// Syntax that only means something with `u` (property escapes, code point escapes), or
// an astral character in the pattern itself.
const NEEDS_U = /\\[pP]\{|\\u\{|[\uD800-\uDFFF]/
// One atom of a pattern: an escape (whole when it names a code unit) or one character.
const ATOM = /\\(?:u[\da-fA-F]{4}|x[\da-fA-F]{2}|c[A-Za-z]|[\s\S])|[\s\S]/g

/**
 * Whether a pattern may be read without `u`: no `u`-only syntax and, when it ignores
 * case, no non-ASCII letter with case, no escaped non-ASCII character and no range
 * with a non-ASCII end (the two modes fold some of those differently: ẞ and ß).
 */
export function readableWithoutU(source: string, flags: string): boolean {
  if (NEEDS_U.test(source)) return false
  if (!flags.includes('i')) return true
  if (hasNonAsciiRange(source)) return false
  for (const [, u, x] of source.matchAll(/\\(?:u([\da-fA-F]{4})|x([\da-fA-F]{2}))/g)) {
    if (parseInt((u ?? x)!, 16) > 0x7f) return false
  }
  for (const char of source) {
    if (char.charCodeAt(0) > 0x7f && (char.toLowerCase() !== char || char.toUpperCase() !== char)) return false
  }
  return true
}

/**
 * Whether a character class of the pattern holds a range with a non-ASCII end (`[à-ÿ]`).
 * Only a `-` between two atoms of a class makes a range: one first or last in a class
 * (`[-–]`, a hyphen or an en dash) or outside a class is a literal, so it must not send
 * the whole alternation to the slow `u` gate (it did for the hype rule, issue 18).
 */
export function hasNonAsciiRange(source: string): boolean {
  let inClass = false
  let start: string | undefined
  let dash = false
  for (const [atom] of source.matchAll(ATOM)) {
    if (!inClass) {
      if (atom === '[') {
        inClass = true
        start = undefined
        dash = false
      }
      continue
    }
    if (atom === '^' && start === undefined && !dash) continue
    if (atom === ']') {
      inClass = false
      continue
    }
    if (dash) {
      if (nonAscii(start!) || nonAscii(atom)) return true
      start = undefined
      dash = false
    } else if (atom === '-' && start !== undefined) dash = true
    else start = atom
  }
  return false
}

const nonAscii = (atom: string) => atom.length === 1 && atom.charCodeAt(0) > 0x7f

/** The gates of a rule's regex cues, one per flag set. */
export function gatesFor(patterns: RegexPattern[]): RegexGate[] {
  const byFlags = new Map<string, number[]>()
  patterns.forEach((pattern, index) => {
    const members = byFlags.get(pattern.flags)
    if (members) members.push(index)
    else byFlags.set(pattern.flags, [index])
  })
  return [...byFlags].map(([flags, members]) => {
    const source = members.map((index) => `(?:${patterns[index]!.regex})`).join('|')
    let gate: RegExp | undefined
    let fast: RegExp | undefined
    try {
      gate = new RegExp(source, flags + 'u')
    } catch {
      // A pack whose patterns cannot share one expression (duplicate group names) is scanned one by one.
      gate = undefined
    }
    if (gate && readableWithoutU(source, flags)) {
      try {
        fast = new RegExp(source, flags)
      } catch {
        fast = undefined
      }
    }
    return {gate, fast, members, literalSets: memberLiterals(patterns, members), ignoreCase: flags.includes('i')}
  })
}

/** Per member, its required literal sets; undefined when a member has none. */
function memberLiterals(patterns: RegexPattern[], members: number[]): Literal[][][] | undefined {
  const sets: Literal[][][] = []
  for (const member of members) {
    const literals = requiredLiterals(patterns[member]!.regex, patterns[member]!.flags)
    if (!literals) return undefined
    sets.push(withTrigrams(literals))
  }
  return sets
}

/** A member's literal sets (from requiredLiterals) ready for {@link mayMatch}. */
export function withTrigrams(sets: string[][]): Literal[][] {
  return sets.map((set) => set.map((text) => ({text, trigrams: trigramHashes(text)})))
}

/**
 * Whether some member of a gate has a string of each of its literal sets in the text;
 * `table` holds the trigrams of that same text, and a literal is searched for only when
 * all of its trigrams are there.
 */
export function mayMatch(literalSets: Literal[][][], text: string, table: TrigramTable): boolean {
  members: for (const sets of literalSets) {
    for (const set of sets) {
      let found = false
      for (const literal of set) {
        if ((literal.trigrams === undefined || table.mayContain(literal.trigrams)) && text.includes(literal.text)) {
          found = true
          break
        }
      }
      if (!found) continue members
    }
    return true
  }
  return false
}
