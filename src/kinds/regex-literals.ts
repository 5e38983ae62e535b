/**
 * Literal pre-filters for regex cues (issue 18): for a pattern, a few strings of which every
 * match must contain one, read from the pattern's source. A sentence that contains none of a
 * gate's strings skips the gate, so a short draft never compiles the large
 * alternations it could not match, and a long one runs them only on candidate sentences.
 *
 * The reading is conservative: anything it does not know (ranges, negated classes, escapes of
 * letters, back references, quantified runs) is "no literal here"; a class that lists literal
 * characters ([$€£]) is a set of one-character strings. A pattern without a literal it is sure
 * of gets no pre-filter, so its gate always runs as before.
 */

/**
 * Sets of strings that every match of the pattern contains, one string of each set (at most
 * {@link MAX_SETS} sets, the most selective), or undefined when not sure of any.
 */
export function requiredLiterals(source: string, flags: string): string[][] | undefined {
  const ignoreCase = flags.includes('i')
  try {
    const parser = new Parser(source, ignoreCase)
    const sets = parser.alternation()
    if (parser.at < source.length || !sets) return undefined
    return sets.slice(0, MAX_SETS).map((set) => (ignoreCase ? set.map((literal) => literal.toLowerCase()) : set))
  } catch {
    return undefined
  }
}

// Characters that are a literal as written (outside a class, unescaped).
const SYNTAX = new Set([...'\\^$.|?*+()[]{}'])
// Escapes of a punctuation character that stand for that character.
const ESCAPED_LITERAL = /[^\dA-Za-z]/
// Two required sets (a run and a group, say) filter much better than one; more add little.
const MAX_SETS = 2

class Parser {
  at = 0
  constructor(
    readonly source: string,
    readonly ignoreCase: boolean
  ) {}

  /**
   * The required sets of a|b|c: for one alternative, its candidates (each is required), most
   * selective first; for several, one set, the union of each one's best (each must have one).
   */
  alternation(): string[][] | undefined {
    const alternatives: string[][][] = []
    for (;;) {
      alternatives.push(this.sequence())
      if (this.source[this.at] !== '|') break
      this.at++
    }
    if (alternatives.length === 1) return alternatives[0]!.length > 0 ? alternatives[0] : undefined
    const union = new Set<string>()
    for (const candidates of alternatives) {
      if (candidates.length === 0) return undefined
      for (const literal of candidates[0]!) union.add(literal)
    }
    return [[...union]]
  }

  /** One alternative: its literal runs and required groups, most selective first. */
  private sequence(): string[][] {
    const candidates: string[][] = []
    let run = ''
    const consider = (candidate: string[]) => {
      if (candidate.length > 0 && selectivity(candidate) > 0) candidates.push(candidate)
    }
    const endRun = () => {
      // Even one character filters: a '#' or a '%' is rare in prose, and with the sentence's
      // trigrams looked up first, a short literal costs one substring search (issue 18).
      // The most selective sets are kept, so a short one only joins where there is nothing better.
      if (run.length > 0) consider([run])
      run = ''
    }
    const source = this.source
    while (this.at < source.length) {
      const char = source[this.at]!
      if (char === '|' || char === ')') break
      if (char === '(') {
        endRun()
        const group = this.group()
        const optional = this.optional()
        this.quantifier()
        if (!optional && group) for (const set of group) consider(set)
        continue
      }
      if (char === '[') {
        endRun()
        const chars = this.classChars()
        // A quantified class may repeat or vanish; one that must match once holds one of its characters.
        if (this.isQuantifier()) this.quantifier()
        else if (chars) consider(chars)
        continue
      }
      let literal: string | undefined
      if (char === '\\') {
        const next = source[this.at + 1]
        if (next === undefined) throw new Error('trailing backslash')
        literal = ESCAPED_LITERAL.test(next) ? next : undefined
        this.at += 2
        // The arguments of \\u, \\x, \\c, \\k<…> and \\p{…} are no literal text.
        if (next === 'u' && source[this.at] === '{') this.at = source.indexOf('}', this.at) + 1
        else if (next === 'u') this.at += 4
        else if (next === 'x') this.at += 2
        else if (next === 'c') this.at += 1
        else if (next === 'k') this.at = source.indexOf('>', this.at) + 1
        else if (next === 'p' || next === 'P') this.at = source.indexOf('}', this.at) + 1
        if (this.at <= 0) throw new Error('unclosed escape')
      } else {
        literal = SYNTAX.has(char) ? undefined : char
        this.at++
      }
      if (literal !== undefined && this.ignoreCase && !foldsPlainly(literal)) literal = undefined
      // A quantified character may repeat or vanish: the run ends before it.
      if (this.isQuantifier()) {
        endRun()
        this.quantifier()
        continue
      }
      if (literal === undefined) endRun()
      else run += literal
    }
    endRun()
    return candidates.sort((a, b) => selectivity(b) - selectivity(a))
  }

  /** ( … ): its own alternation; lookarounds and back references give nothing. */
  private group(): string[][] | undefined {
    const source = this.source
    this.at++
    let lookaround = false
    if (source[this.at] === '?') {
      const kind = source.slice(this.at, this.at + 3)
      if (kind.startsWith('?:')) this.at += 2
      else if (kind === '?<=' || kind === '?<!' || kind.startsWith('?=') || kind.startsWith('?!')) {
        lookaround = true
        this.at += kind === '?<=' || kind === '?<!' ? 3 : 2
      } else if (kind.startsWith('?<')) {
        const close = source.indexOf('>', this.at)
        if (close < 0) throw new Error('unclosed group name')
        this.at = close + 1
      } else throw new Error('unknown group')
    }
    const literals = this.alternation()
    if (source[this.at] !== ')') throw new Error('unclosed group')
    this.at++
    return lookaround ? undefined : literals
  }

  /**
   * [ … ]: its characters when it lists only literal ones ([$€£], ['’]), as a set of which a
   * match holds one; undefined for a negated class, a range, or a class escape such as \\d.
   */
  private classChars(): string[] | undefined {
    const source = this.source
    this.at++
    // In JavaScript a ] first in the class closes it (an empty class), unlike other flavours.
    let chars: Set<string> | undefined = source[this.at] === '^' ? undefined : new Set()
    while (this.at < source.length && source[this.at] !== ']') {
      let char = source[this.at]!
      if (char === '\\') {
        const next = source[this.at + 1]
        if (next === undefined || !ESCAPED_LITERAL.test(next)) chars = undefined
        else char = next
        this.at += 2
      } else {
        // A - between two characters makes a range (a - first or last is itself, but rare enough to skip).
        if (char === '-') chars = undefined
        this.at++
      }
      if (chars && this.ignoreCase && !foldsPlainly(char)) chars = undefined
      chars?.add(this.ignoreCase ? char.toLowerCase() : char)
    }
    if (this.at >= source.length) throw new Error('unclosed class')
    this.at++
    return chars && chars.size > 0 ? [...chars] : undefined
  }

  private isQuantifier(): boolean {
    const char = this.source[this.at]
    return char === '?' || char === '*' || char === '+' || (char === '{' && /^\{\d+(?:,\d*)?\}/.test(this.source.slice(this.at)))
  }

  /** Whether what follows lets the preceding item match zero times. */
  private optional(): boolean {
    const source = this.source
    const char = source[this.at]
    if (char === '?' || char === '*') return true
    if (char === '{') return /^\{0(?:,\d*)?\}/.test(source.slice(this.at))
    return false
  }

  /** Skip a quantifier (and its lazy mark), if there is one. */
  private quantifier() {
    if (!this.isQuantifier()) return
    if (this.source[this.at] === '{') this.at = this.source.indexOf('}', this.at) + 1
    else this.at++
    if (this.source[this.at] === '?') this.at++
  }
}

/**
 * A character whose case-insensitive matches a lowercased text shows as its lowercase: an ASCII
 * letter (on text without ſ and K, see UNSAFE_WITHOUT_U) or a character without case.
 */
function foldsPlainly(char: string): boolean {
  if (/[A-Za-z]/.test(char)) return true
  return char.toLowerCase() === char && char.toUpperCase() === char
}

/** How rare a set of alternatives is: its shortest string, then fewer strings. */
function selectivity(literals: string[]): number {
  let shortest = Infinity
  for (const literal of literals) shortest = Math.min(shortest, literal.trim().length)
  return shortest - literals.length / 1000
}
