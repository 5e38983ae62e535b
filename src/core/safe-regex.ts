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
  while (index < source.length) {
    const char = source[index]!
    if (char === '\\') {
      const next = source[index + 1] ?? ''
      if (/[1-9]/.test(next) || next === 'k') return 'backreferences are not allowed'
      index += 2
      lastGroup = undefined
      continue
    }
    if (char === '[') {
      index++
      while (index < source.length && source[index] !== ']') index += source[index] === '\\' ? 2 : 1
      index++
      lastGroup = undefined
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
      continue
    }
    if (char === '|') {
      stack[stack.length - 1]!.alternation = true
      index++
      lastGroup = undefined
      continue
    }
    const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})/.exec(source.slice(index))
    if (quantifier) {
      const unbounded = /^[*+]|,\}$/.test(quantifier[0])
      if (unbounded) {
        unboundedCount++
        if (unboundedCount > MAX_UNBOUNDED) return `more than ${MAX_UNBOUNDED} unbounded quantifiers`
        if (lastGroup && (lastGroup.variable || lastGroup.alternation)) {
          return 'a group that repeats without bound may not hold a quantifier or alternatives (nested quantifier)'
        }
      }
      stack[stack.length - 1]!.variable = true
      index += quantifier[0].length
      if (source[index] === '?') index++
      lastGroup = undefined
      continue
    }
    index++
    lastGroup = undefined
  }
  if (stack.length !== 1) return 'unbalanced parentheses'
  return undefined
}
