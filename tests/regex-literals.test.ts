import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {BUILTIN_RULES} from '../src/core/builtin-rules.js'
import {mayMatch, withTrigrams} from '../src/kinds/regex-gates.js'
import {requiredLiterals} from '../src/kinds/regex-literals.js'
import {TrigramTable} from '../src/kinds/trigrams.js'

describe('required literals of a regex cue', () => {
  it('takes the two most selective literal runs or required groups of a sequence, all required', () => {
    expect(requiredLiterals('\\bsave big\\b', 'i')).toEqual([['save big']])
    // The group's shortest word (income, 6 letters) is more selective than the run " your " (4).
    expect(requiredLiterals('\\b(?:double|triple|10x) your (?:income|revenue)\\b', 'i')).toEqual([['income', 'revenue'], [' your ']])
    expect(requiredLiterals('\\b(?:double|triple|10x) your money', 'i')).toEqual([[' your money'], ['double', 'triple', '10x']])
    // A quantified character may vanish: the run ends before it.
    expect(requiredLiterals('\\bdiscounts?\\b', 'i')).toEqual([['discount']])
    expect(requiredLiterals('Limited', '')).toEqual([['Limited']])
    expect(requiredLiterals('LIMITED', 'i')).toEqual([['limited']])
  })

  it('gives the union over alternatives, and nothing when one alternative has none', () => {
    expect(requiredLiterals('\\bact now\\b|\\bhurry up\\b', 'i')).toEqual([['act now', 'hurry up']])
    expect(requiredLiterals('\\bact now\\b|\\d+', 'i')).toBeUndefined()
    // One character is a literal too (a '#' or '%' is rare in prose); longer ones rank first.
    expect(requiredLiterals('\\bact now\\b|\\d+%', 'i')).toEqual([['act now', '%']])
    expect(requiredLiterals('(?:#|No\\.\\s?)1\\s+(?:rated|ranked)', 'i')).toEqual([['rated', 'ranked'], ['1']])
    expect(requiredLiterals('(?:今夜|本日)\\s?\\d{1,2}時まで', '')).toEqual([['時まで'], ['今夜', '本日']])
    expect(requiredLiterals('(?:がん|癌)(?:を|が)?予防', '')).toEqual([['予防'], ['がん', '癌']])
  })

  it('reads nothing from optional groups, lookarounds, open classes and escapes of letters', () => {
    expect(requiredLiterals('(?:limited )?offer', 'i')).toEqual([['offer']])
    expect(requiredLiterals('(?<!not )(?=only)\\w+', 'i')).toBeUndefined()
    expect(requiredLiterals('[^$€£] ?\\d[\\d.,]*', 'i')).toBeUndefined()
    expect(requiredLiterals('[$-£] ?\\d', 'i')).toBeUndefined()
    expect(requiredLiterals('[$€£]? ?\\d', 'i')).toBeUndefined()
    expect(requiredLiterals('[$€£]+ ?\\d', 'i')).toBeUndefined()
    expect(requiredLiterals('[\\d$] ?\\d', 'i')).toBeUndefined()
    expect(requiredLiterals('(?:win){0,2}\\d+', 'i')).toBeUndefined()
    // \u and \x arguments are not text; \. is a full stop.
    expect(requiredLiterals('caf\\u00e9s', '')).toEqual([['caf'], ['s']])
    expect(requiredLiterals('\\x41\\p{L}+', 'u')).toBeUndefined()
    expect(requiredLiterals('No\\. 1 brand', '')).toEqual([['No. 1 brand']])
    expect(requiredLiterals('(?<word>deal)s? \\k<word>', 'i')).toEqual([['deal']])
  })

  it('reads a class of literal characters as a set of which a match holds one (issue 18)', () => {
    expect(requiredLiterals('[$€£] ?\\d[\\d.,]*', 'i')).toEqual([['$', '€', '£']])
    expect(requiredLiterals('(?<![\\w$])[$€£] ?\\d+ +[$€£] ?\\d+', '')).toEqual([['$', '€', '£'], ['$', '€', '£']])
    expect(requiredLiterals('[Uu]se code', 'i')).toEqual([['se code'], ['u']])
    expect(requiredLiterals('[Ss]ave', '')).toEqual([['ave'], ['S', 's']])
    expect(requiredLiterals('[\\].] now', '')).toEqual([[' now'], [']', '.']])
    expect(requiredLiterals('[ÄA]rger', 'i')).toEqual([['rger']])
  })

  it('never reads a cased non-ASCII letter of a case-insensitive pattern as a literal', () => {
    expect(requiredLiterals('Ärger', 'i')).toEqual([['rger']])
    expect(requiredLiterals('café', 'i')).toEqual([['caf']])
    expect(requiredLiterals('don[\'’]t miss', 'i')).toEqual([['t miss'], ['don']])
    expect(requiredLiterals('don’t miss', 'i')).toEqual([['don’t miss']])
  })

  it('agrees with the expression: a text that matches has a string of every set', () => {
    const cases: [string, string, string[]][] = [
      ['\\b(?:double|triple) your (?:income|sales)\\b', 'i', ['Double YOUR income now', 'we TRIPLE your Sales.']],
      ['\\bdon[\'’]t miss\\b', 'i', ['DON’T MISS it', "don't miss"]],
      ['期間限定(?:セール|価格)', '', ['本日から期間限定セール']],
      ['[$€£] ?\\d+ +[$€£] ?\\d+ (?:at|from)\\b', 'i', ['Was €40 $ 25 AT the shop', '£9 £7 from']]
    ]
    for (const [source, flags, texts] of cases) {
      const sets = requiredLiterals(source, flags)!
      for (const text of texts) {
        expect(new RegExp(source, flags + 'u').test(text)).toBe(true)
        expect(hasAll(text, sets, flags.includes('i'))).toBe(true)
      }
    }
    expect(hasAll('a calm note', requiredLiterals('\\bact now\\b|\\bhurry up\\b', 'i')!, true)).toBe(false)
    // Each set is required: (double|triple) and (income|sales).
    expect(hasAll('TRIPLE our sales', requiredLiterals('\\b(?:double|triple) your (?:income|sales)\\b', 'i')!, true)).toBe(true)
    expect(hasAll('our income', requiredLiterals('\\b(?:double|triple) your (?:income|sales)\\b', 'i')!, true)).toBe(false)
  })
})

/** Whether the text has a string of every set, asked as a gate asks (lowercased when it ignores case, through its trigrams). */
function hasAll(text: string, sets: string[][], ignoreCase: boolean): boolean {
  const searched = ignoreCase ? text.toLowerCase() : text
  const table = new TrigramTable()
  table.load(searched)
  return mayMatch([withTrigrams(sets)], searched, table)
}

describe('required literals of the built-in rules', () => {
  it('are in every line of the fixtures that a rule regex matches', () => {
    const lines: string[] = []
    for (const rule of readdirSync('fixtures')) {
      for (const lang of ['ja', 'en']) {
        const dir = `fixtures/${rule}/${lang}`
        if (!existsSync(dir)) continue
        for (const name of readdirSync(dir).filter((file) => file.endsWith('.md'))) {
          lines.push(...readFileSync(`${dir}/${name}`, 'utf8').normalize('NFKC').split('\n'))
        }
      }
    }
    let checked = 0
    for (const rule of BUILTIN_RULES) {
      for (const pattern of [...rule.patterns.ja, ...rule.patterns.en]) {
        if (pattern.kind !== 'regex') continue
        const literals = requiredLiterals(pattern.regex, pattern.flags)
        if (!literals) continue
        const regex = new RegExp(pattern.regex, pattern.flags + 'u')
        for (const line of lines) {
          if (!regex.test(line)) continue
          checked++
          expect(hasAll(line, literals, pattern.flags.includes('i')), `${rule.id}: ${pattern.regex} on ${line}`).toBe(true)
        }
      }
    }
    // The fixtures exercise most regex cues; a few hundred matching lines at least.
    expect(checked).toBeGreaterThan(200)
  })
})
