/**
 * Literal pre-filters for regex cues (issue 18): for a pattern, a few strings of which every
 * match must contain one, read from the pattern's source. A sentence that contains none of a
 * gate's strings (`String#includes`) skips the gate, so a short draft never compiles the large
 * alternations it could not match, and a long one runs them only on candidate sentences.
 *
 * The reading is conservative: anything it does not know (classes, escapes of letters, back
 * references, quantified runs) is "no literal here", and a pattern without a literal it is sure
 * of gets no pre-filter, so its gate always runs as before.
 */

/** Strings that every match of the pattern contains (one of them), or undefined when not sure. */
export function requiredLiterals(source: string, flags: string): string[] | undefined {
  const ignoreCase = flags.includes('i')
  try {
    const parser = new Parser(source, ignoreCase)
    const result = parser.alternation()
    if (parser.at < source.length) return undefined
    return result && (ignoreCase ? result.map((literal) => literal.toLowerCase()) : result)
  } catch {
    return undefined
  }
}

/** Whether a text contains one of the literals (the text lowercased for case-insensitive patterns). */
export function containsAny(text: string, literals: readonly string[]): boolean {
  for (const literal of literals) if (text.includes(literal)) return true
  return false
}

// Characters that are a literal as written (outside a class, unescaped).
const SYNTAX = new Set([...'\\^$.|?*+()[]{}'])
// Escapes of a punctuation character that stand for that character.
const ESCAPED_LITERAL = /[^\dA-Za-z]/
// Shorter literals filter too little to be worth a scan; one character outside ASCII (a kanji) is enough.
const MIN_LENGTH = 2
const NON_ASCII = /[^\0-\x7f]/

class Parser {
  at = 0
  constructor(
    readonly source: string,
    readonly ignoreCase: boolean
  ) {}

  /** a|b|c: every alternative must give literals, and a match contains one of their union. */
  alternation(): string[] | undefined {
    const union: string[] = []
    let sure = true
    for (;;) {
      const literals = this.sequence()
      if (literals) union.push(...literals)
      else sure = false
      if (this.source[this.at] !== '|') break
      this.at++
    }
    return sure ? [...new Set(union)] : undefined
  }

  /** One alternative: of the literal runs and required groups in it, the most selective. */
  private sequence(): string[] | undefined {
    let best: string[] | undefined
    let run = ''
    const consider = (candidate: string[] | undefined) => {
      if (candidate && candidate.length > 0 && selectivity(candidate) > (best ? selectivity(best) : 0)) best = candidate
    }
    const endRun = () => {
      if (run.length >= MIN_LENGTH || NON_ASCII.test(run)) consider([run])
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
        if (!optional) consider(group)
        continue
      }
      if (char === '[') {
        endRun()
        this.skipClass()
        this.quantifier()
        continue
      }
      let literal: string | undefined
      if (char === '\\') {
        const next = source[this.at + 1]
        if (next === undefined) throw new Error('trailing backslash')
        literal = ESCAPED_LITERAL.test(next) ? next : undefined
        this.at += 2
        // The arguments of \u, \x, \c, \k<…> and \p{…} are no literal text.
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
    return best
  }

  /** ( … ): its own alternation; lookarounds and back references give nothing. */
  private group(): string[] | undefined {
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

  private skipClass() {
    const source = this.source
    this.at++
    if (source[this.at] === ']') {
      this.at++
      return
    }
    while (this.at < source.length && source[this.at] !== ']') this.at += source[this.at] === '\\' ? 2 : 1
    if (this.at >= source.length) throw new Error('unclosed class')
    this.at++
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
