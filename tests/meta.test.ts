import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {compileRuleFiles, serialize, OUTPUT} from '../src/build/compile-rules.js'
import {CHECKS} from '../src/checks/index.js'
import {compileRule, RuleDataError} from '../src/core/rule-pack.js'
import {CATEGORIES, rules} from '../src/index.js'
import {loadTokenizer} from '../src/lang/ja/tokenizer.js'

const root = path.resolve(import.meta.dirname, '..')

describe('rule metadata', () => {
  it('src/generated/rules.json is compiled from the current rules/*.yml (run `npm run rules`)', async () => {
    const compiled = serialize(await compileRuleFiles())
    expect(readFileSync(OUTPUT, 'utf8')).toBe(compiled)
  })

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s has docs, fixtures in both languages and a valid check', (id, rule) => {
    expect(existsSync(path.join(root, 'docs/rules', id + '.md')), `docs/rules/${id}.md`).toBe(true)
    expect(CATEGORIES).toContain(rule.category)
    if (rule.scope === 'archive') {
      // Findings on a sequence of drafts: tested on the dated archive in both languages (tests/archive.test.ts).
      const names = readdirSync(path.join(root, 'fixtures/archive'))
      expect(names.length).toBeGreaterThanOrEqual(12)
      expect(rule.patterns.ja.length + rule.patterns.en.length + (rule.check ? 1 : 0)).toBe(0)
      return
    }
    for (const lang of ['ja', 'en']) {
      const folder = path.join(root, 'fixtures', id, lang)
      const names = existsSync(folder) ? readdirSync(folder) : []
      expect(names.some((name) => /^ok.*\.md$/.test(name)), `fixtures/${id}/${lang}/ok*.md`).toBe(true)
      expect(names.some((name) => /^not-ok.*\.md$/.test(name)), `fixtures/${id}/${lang}/not-ok*.md`).toBe(true)
    }
    if (rule.check) expect(CHECKS[rule.check], `check ${rule.check}`).toBeTypeOf('function')
    else expect(rule.patterns.ja.length + rule.patterns.en.length).toBeGreaterThan(0)
  })

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s: no regex holds a control character (a double-quoted YAML "\\b" is a backspace)', (_id, rule) => {
    const regexes = [...rule.patterns.ja, ...rule.patterns.en].flatMap((pattern) => ('regex' in pattern ? [String(pattern.regex)] : []))
    for (const regex of regexes) expect(/[\u0000-\u0008\u000b-\u001f]/.test(regex), regex).toBe(false)
  })

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s: every suggestion is whole (a YAML flow list splits an unquoted comma)', (_id, rule) => {
    const balanced = (text: string) => [...text].reduce((depth, char) => (depth < 0 ? depth : depth + (char === '(' || char === '（' ? 1 : char === ')' || char === '）' ? -1 : 0)), 0) === 0
    const suggestions = [...(rule.expected.ja ?? []), ...(rule.expected.en ?? [])]
    for (const suggestion of suggestions) expect(balanced(suggestion), JSON.stringify(suggestion)).toBe(true)
  })
})

describe('rule data validation', () => {
  const valid = {
    id: 'demo',
    category: 'urgency',
    description: {ja: '説明', en: 'Description'},
    levels: {education: 'warning', acquisition: 'info', sales: 'off'},
    messages: {ja: '「{{actual}}」', en: '{{actual}}'},
    patterns: {ja: ['今すぐ'], en: ['act now']}
  }

  it('compiles Japanese plain text into lemma patterns that match conjugations', async () => {
    const tokenizer = await loadTokenizer()
    const rule = compileRule({...valid, patterns: {ja: ['今すぐ買う'], en: ['hurry']}}, 'rules/demo.yml', tokenizer)
    expect(rule.patterns.ja[0]).toEqual({
      kind: 'tokens',
      source: '今すぐ買う',
      tokens: [{basic: ['今']}, {basic: ['すぐ']}, {basic: ['買う'], pos: ['動詞']}]
    })
    expect(rule.patterns.en[0]).toMatchObject({kind: 'words', words: [expect.arrayContaining(['hurry', 'hurries', 'hurried', 'hurrying'])]})
  })

  it.each([
    [{...valid, levels: {...valid.levels, sales: 'loud'}}, 'rules/demo.yml: rule "demo", field "levels.sales": expected one of off, info, warning, error'],
    [{...valid, category: 'pushy'}, 'rules/demo.yml: rule "demo", field "category": expected one of urgency'],
    [{...valid, messages: {ja: '「{{actual}}」'}}, 'rules/demo.yml: rule "demo", field "messages.en": expected non-empty text'],
    [{...valid, patterns: {ja: [{regex: '('}], en: []}}, 'rules/demo.yml: rule "demo", field "patterns.ja[0].regex": invalid regular expression'],
    [{...valid, patterns: {ja: [{tokens: [{lemma: '買う'}]}], en: []}}, 'rules/demo.yml: rule "demo", field "patterns.ja[0].tokens[0].lemma": unknown token field'],
    [{...valid, id: 'Bad Id'}, 'rules/demo.yml: rule "Bad Id", field "id": expected a kebab-case id']
  ])('rejects bad data naming the file, rule and field (%#)', async (raw, message) => {
    const tokenizer = await loadTokenizer()
    expect(() => compileRule(raw, 'rules/demo.yml', tokenizer)).toThrow(RuleDataError)
    expect(() => compileRule(raw, 'rules/demo.yml', tokenizer)).toThrow(message)
  })
})
