import {describe, expect, it} from 'vitest'
import {TrigramTable, trigramHashes} from '../src/kinds/trigrams.js'
import {gatesFor, mayMatch} from '../src/kinds/regex-gates.js'
import type {RegexPattern} from '../src/core/rule-types.js'

// The trigram table only ever answers "maybe" for a string the text contains (issue 18):
// a wrong "no" would make a regex gate skip a sentence it matches.

describe('TrigramTable', () => {
  it('may contain every substring of the loaded text', () => {
    const table = new TrigramTable()
    for (const text of ['Only 3 spots left — act now!', 'ｶﾀｶﾅ and 残りわずか😀 mixed', 'a\u0000b\uD83D']) {
      table.load(text)
      for (let from = 0; from < text.length; from++) {
        for (let to = from + 3; to <= text.length; to++) expect(table.mayContain(trigramHashes(text.slice(from, to))!)).toBe(true)
      }
    }
  })

  it('answers for the text loaded last', () => {
    const table = new TrigramTable()
    table.load('hurry up')
    expect(table.mayContain(trigramHashes('hurry')!)).toBe(true)
    table.load('take your time')
    expect(table.mayContain(trigramHashes('hurry')!)).toBe(false)
    expect(table.mayContain(trigramHashes('your')!)).toBe(true)
  })

  it('has no hashes for strings under three characters (they are searched directly)', () => {
    expect(trigramHashes('$')).toBeUndefined()
    expect(trigramHashes('ab')).toBeUndefined()
    expect(trigramHashes('abc')).toHaveLength(1)
  })
})

describe('mayMatch with trigrams', () => {
  it('lets through the sentences a gate matches, and skips one without its literals', () => {
    const pattern = (regex: string): RegexPattern => ({kind: 'regex', regex, flags: 'i', source: regex})
    const [gate] = gatesFor([pattern('\\bhurry up\\b'), pattern('[$€£] ?\\d+ +[$€£] ?\\d+')])
    const table = new TrigramTable()
    const ask = (text: string) => {
      const lowered = text.toLowerCase()
      table.load(lowered)
      return mayMatch(gate!.literalSets!, lowered, table)
    }
    expect(gate!.fast!.test('HURRY UP, readers') && gate!.fast!.test('Was €40 $ 25 today')).toBe(true)
    expect(ask('HURRY UP, readers')).toBe(true)
    expect(ask('Was €40 $ 25 today')).toBe(true)
    expect(ask('Take your time, readers.')).toBe(false)
  })
})

describe('the literal pre-filter on text with astral characters', () => {
  it('lowercases every other character that matches an ASCII letter under iu to that letter', () => {
    // Every code point that matches an ASCII letter under `iu` lowercases to that letter, but for ſ.
    const strays: string[] = []
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const char = String.fromCodePoint(code)
      if (/^[a-z]$/iu.test(char) && !/^[a-z]$/.test(char.toLowerCase())) strays.push(char)
    }
    expect(strays).toEqual(['ſ'])
  })
})
