import {describe, expect, it} from 'vitest'
import type {RegexPattern} from '../src/core/rule-types.js'
import {gatesFor, hasNonAsciiRange, readableWithoutU} from '../src/kinds/regex-gates.js'

describe('regex gates', () => {
  it('finds a range with a non-ASCII end only inside a character class', () => {
    expect(hasNonAsciiRange('[a-é]')).toBe(true)
    expect(hasNonAsciiRange('x[é-z]')).toBe(true)
    expect(hasNonAsciiRange('[0-9é-ü]')).toBe(true)
    expect(hasNonAsciiRange('[--é]')).toBe(true)
    // A dash first or last in a class, escaped, or outside a class is a literal.
    expect(hasNonAsciiRange('\\d+(?: ?[-–] ?\\d+)?')).toBe(false)
    expect(hasNonAsciiRange('[–-]')).toBe(false)
    expect(hasNonAsciiRange('[^-é]')).toBe(false)
    expect(hasNonAsciiRange('[a\\-é]')).toBe(false)
    expect(hasNonAsciiRange('e-mail–é')).toBe(false)
    // After a range, a dash cannot open another: [a-b-é] is a-b, "-" and é.
    expect(hasNonAsciiRange('[a-b-é]')).toBe(false)
    // An escaped class opener is no class.
    expect(hasNonAsciiRange('\\[a-é]')).toBe(false)
  })

  it('reads a case-insensitive pattern without u unless the modes could differ', () => {
    expect(readableWithoutU('\\b\\d+ ?[-–] ?\\d+ ?%', 'i')).toBe(true)
    expect(readableWithoutU('[à-ÿ]+', 'i')).toBe(false)
    expect(readableWithoutU('café', 'i')).toBe(false)
    expect(readableWithoutU('caf\\u00e9', 'i')).toBe(false)
    expect(readableWithoutU('\\p{Script=Han}', '')).toBe(false)
    // Without `i` no folding is involved: a non-ASCII range reads the same in both modes.
    expect(readableWithoutU('[à-ÿ]+', '')).toBe(true)
  })

  it('gives an alternation with a literal en dash its fast gate, which agrees with the u gate', () => {
    const [gate] = gatesFor([
      regexPattern('\\bsoar by \\d+(?: ?[-–] ?\\d+)? ?%'),
      regexPattern('\\bwhile you sleep\\b')
    ])
    expect(gate!.fast).toBeDefined()
    for (const text of ['It could SOAR by 20–30 %.', 'It could soar by 20-30%.', 'Earn while you sleep.', 'It could soar by 20 to 30%.', 'A calm note.']) {
      expect(gate!.fast!.test(text)).toBe(gate!.gate!.test(text))
    }
    expect(gate!.fast!.test('It could SOAR by 20–30 %.')).toBe(true)
    expect(gate!.fast!.test('It could soar by 20 to 30%.')).toBe(false)
  })
})

function regexPattern(regex: string): RegexPattern {
  return {kind: 'regex', regex, flags: 'i', source: regex}
}
