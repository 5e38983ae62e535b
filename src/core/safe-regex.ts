/**
 * Reject regular expressions that can backtrack catastrophically, before they
 * ever run (issue 3 §5). Patterns are restricted rather than timed: a rule or
 * pack regex may not repeat, without bound, a group that holds a quantifier or
 * an alternation ((a+)+, (a?)+, (a|aa)*, (?:\w+\s?)+), may not use
 * backreferences, and may hold at most MAX_UNBOUNDED unbounded quantifiers.
 * What is left is at worst polynomial in the length of one sentence, which is
 * what a pattern is ever run on. Character classes ([\d,]+) cover what the
 * banned forms are usually written for.
 */
const MAX_LENGTH = 300
const MAX_UNBOUNDED = 4

interface Frame {
  /** Holds a quantifier, so its length varies. */
  variable: boolean
  alternation: boolean
}

/** Why a regex is unsafe, or undefined when it is allowed. */
export function regexHazard(source: string): string | undefined {
  if (source.length > MAX_LENGTH) return `longer than ${MAX_LENGTH} characters`
  const stack: Frame[] = [{variable: false, alternation: false}]
  let unboundedCount = 0
  let index = 0
  // What the last atom was: a group's frame (for nested checks) or a plain atom.
  let lastGroup: Frame | undefined
  // The last atom's text ('(' for a group), and the last unbounded quantified atom
  // not yet separated from what follows by a fixed atom (for a*a*, \w+\w*).
  let lastAtom = ''
  let openRun: string | undefined
  const atom = (text: string) => {
    // A fixed atom between two quantifiers ends the run: a*ba* cannot trade characters.
    if (source[index] !== undefined && !/^(?:[*+?]|\{\d)/.test(source.slice(index))) openRun = undefined
    lastAtom = text
  }
  while (index < source.length) {
    const char = source[index]!
    if (char === '\\') {
      const next = source[index + 1] ?? ''
      if (/[1-9]/.test(next) || next === 'k') return 'backreferences are not allowed'
      const property = /^\\[pP]\{[^}]*\}/.exec(source.slice(index))
      const text = property ? property[0] : source.slice(index, index + 2)
      index += text.length
      lastGroup = undefined
      atom(text)
      continue
    }
    if (char === '[') {
      const from = index
      index++
      while (index < source.length && source[index] !== ']') index += source[index] === '\\' ? 2 : 1
      index++
      lastGroup = undefined
      atom(source.slice(from, index))
      continue
    }
    if (char === '(') {
      stack.push({variable: false, alternation: false})
      index++
      if (source[index] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        index++
        if (source[index] === '<' && source[index + 1] !== '=' && source[index + 1] !== '!') {
          while (index < source.length && source[index] !== '>') index++
        }
        index++
      }
      lastGroup = undefined
      continue
    }
    if (char === ')') {
      const frame = stack.pop()
      if (!frame || stack.length === 0) return 'unbalanced parentheses'
      index++
      lastGroup = frame
      const parent = stack[stack.length - 1]!
      if (frame.variable) parent.variable = true
      atom('(')
      continue
    }
    if (char === '|') {
      stack[stack.length - 1]!.alternation = true
      index++
      lastGroup = undefined
      openRun = undefined
      continue
    }
    const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})/.exec(source.slice(index))
    if (quantifier) {
      const unbounded = /^[*+]|,\}$/.test(quantifier[0])
      const repeats = unbounded || /^\{\d+,\d*\}$|^\{([2-9]|\d{2,})\}$/.test(quantifier[0])
      if (unbounded) {
        unboundedCount++
        if (unboundedCount > MAX_UNBOUNDED) return `more than ${MAX_UNBOUNDED} unbounded quantifiers`
      }
      // (a+){1,25} and (a|aa){1,40} backtrack like their unbounded forms: any repeat counts.
      if (repeats && lastGroup && (lastGroup.variable || lastGroup.alternation)) {
        return 'a group that repeats may not hold a quantifier or alternatives (nested quantifier)'
      }
      if (unbounded) {
        // a*a*a*b, \w+\w*: two unbounded quantifiers in a row over overlapping atoms split
        // every run in all possible ways.
        if (openRun !== undefined && overlaps(openRun, lastAtom)) return 'adjacent unbounded quantifiers over overlapping characters'
        openRun = lastAtom
      }
      stack[stack.length - 1]!.variable = true
      index += quantifier[0].length
      if (source[index] === '?') index++
      lastGroup = undefined
      continue
    }
    index++
    lastGroup = undefined
    atom(char)
  }
  if (stack.length !== 1) return 'unbalanced parentheses'
  return undefined
}

// Characters to test two atoms against: letters, digits, spaces and punctuation of
// both scripts; the atoms' own characters are added to them.
const SAMPLE = [...'aZz_09 \t\n-.,!?%$/:;()[]@#&*+=\'"、。！？「」ー〜あアァ今円％０ｱ😀\u00a0\u3000']

/**
 * Whether two quantified atoms can match the same character, tried on a sample
 * of characters (and the atoms' own). Groups, and atoms that do not compile on
 * their own, are taken to overlap.
 */
function overlaps(a: string, b: string): boolean {
  if (a === '(' || b === '(') return true
  let left: RegExp
  let right: RegExp
  try {
    left = new RegExp(`^(?:${a})$`, 'u')
    right = new RegExp(`^(?:${b})$`, 'u')
  } catch {
    return true
  }
  return [...SAMPLE, ...a, ...b].some((char) => left.test(char) && right.test(char))
}
