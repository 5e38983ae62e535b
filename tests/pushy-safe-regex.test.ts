import {describe, expect, it} from 'vitest'
import {compileRule, RuleDataError} from '../src/core/rule-pack.js'
import {regexHazard} from '../src/core/safe-regex.js'
import {rules} from '../src/index.js'

describe('regexHazard', () => {
  it.each(['(a+)+', '(a|aa)*', '(?:\\w+\\s?)+', '(a+){2,}', '(a?)+', '(a{1,3})+'])('rejects nested repetition %s', (source) => {
    expect(regexHazard(source)).toMatch(/nested quantifier/)
  })

  it.each(['(a+){1,25}$', '(a|aa){1,40}b', '(a?){3}'])('rejects a bounded repeat of a variable group %s', (source) => {
    expect(regexHazard(source)).toMatch(/nested quantifier/)
  })

  it.each(['a*a*a*a*b', '\\w+\\w*x', '.*.*x', '[a-z]+[aeiou]+!'])('rejects adjacent unbounded quantifiers over overlapping characters %s', (source) => {
    expect(regexHazard(source)).toMatch(/adjacent unbounded quantifiers/)
  })

  it('lets none of the hazards above hang: they are rejected before they run, and what passes is fast on a long sentence', () => {
    // The pack regexes of issue 13 hung on a 60- to 3,000-character sentence.
    const sentence = 'a'.repeat(3000)
    for (const source of ['\\w+\\s+\\w+', 'a*ba*', '[\\d,]+円', '\\s*\\d+']) {
      expect(regexHazard(source)).toBeUndefined()
      expect(new RegExp(source, 'u').test(sentence + '!')).toBeTypeOf('boolean')
    }
  })

  it('rejects backreferences, overlong and over-quantified patterns', () => {
    expect(regexHazard('(\\d)\\1')).toMatch(/backreference/)
    expect(regexHazard('a'.repeat(301))).toMatch(/longer than/)
    expect(regexHazard('a+b+c+d+e+')).toMatch(/unbounded quantifiers/)
  })

  it.each(['\\d+% off', '残り\\d+(?:個|名)', '(?:ab)+', '[\\d,]+円→[\\d,]+円', '(?<!満足度)No\\.?1'])('allows %s', (source) => {
    expect(regexHazard(source)).toBeUndefined()
  })

  it('holds for every built-in regex', () => {
    const sources = rules.flatMap((rule) =>
      [...rule.patterns.ja, ...rule.patterns.en].flatMap((pattern) => (pattern.kind === 'regex' ? [pattern.regex] : []))
    )
    expect(sources.length).toBeGreaterThan(20)
    for (const source of sources) expect(regexHazard(source), source).toBeUndefined()
  })

  it('makes rule compilation fail with the file, rule and field', () => {
    const raw = {
      id: 'demo',
      category: 'urgency',
      description: {ja: 'x', en: 'x'},
      messages: {ja: 'x', en: 'x'},
      levels: {acquisition: 'off', education: 'warning', sales: 'off'},
      patterns: {en: [{regex: '(a+)+$'}]}
    }
    expect(() => compileRule(raw, 'rules/demo.yml', undefined)).toThrow(RuleDataError)
    expect(() => compileRule(raw, 'rules/demo.yml', undefined)).toThrow(/rules\/demo\.yml: rule "demo", field "patterns\.en\[0\]\.regex": unsafe/)
  })
})
