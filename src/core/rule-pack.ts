import type {JapaneseTokenizer, KuromojiToken} from '../lang/ja/tokenizer.js'
import {POS} from '../lang/ja/pos.js'
import {inflections, phraseWords} from '../lang/en/words.js'
import {isLevel, type StageLevels} from './levels.js'
import {regexHazard} from './safe-regex.js'
import {STAGES, type Stage} from './stages.js'
import {
  CATEGORIES,
  type Category,
  type CompiledRule,
  type EnPattern,
  type JaPattern,
  type JaTokenSpec,
  type Bilingual,
  type NegationEffect,
  type RegexPattern
} from './rule-types.js'

/** A rule file that does not validate: names the file, the rule and the field. */
export class RuleDataError extends Error {
  constructor(file: string, rule: string | undefined, field: string, problem: string) {
    super(`${file}: rule "${rule ?? '?'}", field "${field}": ${problem}`)
    this.name = 'RuleDataError'
  }
}

const NEGATION_EFFECTS: NegationEffect[] = ['cancel', 'keep', 'frame', 'ignore']
const TOKEN_FIELDS = ['surface', 'basic', 'pos', 'posDetail1', 'conjForm'] as const
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

/**
 * Validate one rule as read from YAML and compile its patterns. Japanese
 * entries written as plain text are tokenised, so 今すぐ買う becomes a lemma
 * pattern that also matches 今すぐ買って; English entries accept inflections.
 */
export function compileRule(
  raw: unknown,
  file: string,
  tokenizer: JapaneseTokenizer | undefined
): CompiledRule {
  const fail = (field: string, problem: string): never => {
    throw new RuleDataError(file, isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined, field, problem)
  }
  if (!isRecord(raw)) return fail('(root)', 'expected a mapping')
  const id = raw.id
  if (typeof id !== 'string' || !ID.test(id)) return fail('id', 'expected a kebab-case id such as "urgency"')
  const category = raw.category ?? id
  if (!(CATEGORIES as readonly string[]).includes(category as string)) {
    fail('category', `expected one of ${CATEGORIES.join(', ')}`)
  }
  const description = bilingual(raw.description, 'description', fail)
  const messages = bilingual(raw.messages, 'messages', fail)
  let stageMessages: Partial<Record<Stage, Bilingual>> | undefined
  if (raw.stageMessages !== undefined) {
    if (!isRecord(raw.stageMessages)) fail('stageMessages', `expected a mapping of ${STAGES.join(', ')} to {ja, en}`)
    stageMessages = {}
    for (const [key, value] of Object.entries(raw.stageMessages as Record<string, unknown>)) {
      if (!(STAGES as readonly string[]).includes(key)) fail(`stageMessages.${key}`, `unknown stage; expected ${STAGES.join(', ')}`)
      stageMessages[key as Stage] = bilingual(value, `stageMessages.${key}`, fail)
    }
  }
  const levels = stageLevels(raw.levels, fail)
  const negation = (raw.negation ?? 'ignore') as NegationEffect
  if (!NEGATION_EFFECTS.includes(negation)) fail('negation', `expected one of ${NEGATION_EFFECTS.join(', ')}`)
  const expected = optionalLists(raw.expected, 'expected', fail)
  if (!isRecord(raw.patterns)) return fail('patterns', 'expected a mapping with ja: and en: lists')
  const ja = list(raw.patterns.ja, 'patterns.ja', fail).map((entry, index) =>
    compileJa(entry, `patterns.ja[${index}]`, tokenizer, fail)
  )
  const en = list(raw.patterns.en, 'patterns.en', fail).map((entry, index) =>
    compileEn(entry, `patterns.en[${index}]`, fail)
  )
  if (raw.check !== undefined && (typeof raw.check !== 'string' || !ID.test(raw.check))) {
    fail('check', 'expected the name of a check in src/checks/')
  }
  if (raw.options !== undefined && !isRecord(raw.options)) fail('options', 'expected a mapping')
  if (raw.judge !== undefined && (raw.judge !== 'check' || !raw.check)) fail('judge', 'expected "check", on a rule that names its check')
  if (raw.scope !== undefined && raw.scope !== 'archive') fail('scope', 'expected "archive" (or leave it out for a rule on one draft)')
  return {
    ...(raw.scope ? {scope: 'archive' as const} : {}),
    ...(raw.check ? {check: raw.check as string} : {}),
    ...(raw.judge ? {judge: 'check' as const} : {}),
    ...(stageMessages ? {stageMessages} : {}),
    ...(raw.options ? {options: raw.options as Record<string, unknown>} : {}),
    id,
    category: category as Category,
    description,
    levels,
    negation,
    messages,
    expected,
    patterns: {ja, en}
  }
}

/** Reports a bad field and throws. */
export type Fail = (field: string, problem: string) => never

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function bilingual(value: unknown, field: string, fail: Fail) {
  if (!isRecord(value)) return fail(field, 'expected a mapping with ja: and en:')
  for (const lang of ['ja', 'en'] as const) {
    if (typeof value[lang] !== 'string' || !(value[lang] as string).trim()) fail(`${field}.${lang}`, 'expected non-empty text')
  }
  return {ja: value.ja as string, en: value.en as string}
}

function stageLevels(value: unknown, fail: Fail): StageLevels {
  if (!isRecord(value)) return fail('levels', `expected a level for each of ${STAGES.join(', ')}`)
  const levels = {} as StageLevels
  for (const stage of STAGES) {
    const level = value[stage]
    if (!isLevel(level)) fail(`levels.${stage}`, 'expected one of off, info, warning, error')
    levels[stage] = level as StageLevels[typeof stage]
  }
  for (const key of Object.keys(value)) {
    if (!(STAGES as readonly string[]).includes(key)) fail(`levels.${key}`, `unknown stage; expected ${STAGES.join(', ')}`)
  }
  return levels
}

function optionalLists(value: unknown, field: string, fail: Fail) {
  if (value === undefined) return {}
  if (!isRecord(value)) return fail(field, 'expected a mapping with ja: and/or en: lists')
  const result: {ja?: string[]; en?: string[]} = {}
  for (const lang of ['ja', 'en'] as const) {
    if (value[lang] !== undefined) result[lang] = strings(value[lang], `${field}.${lang}`, fail)
  }
  return result
}

function list(value: unknown, field: string, fail: Fail): unknown[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) return fail(field, 'expected a list')
  return value
}

function strings(value: unknown, field: string, fail: Fail): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) return fail(field, 'expected a list of strings')
  return value as string[]
}

function compileRegex(entry: Record<string, unknown>, field: string, fail: Fail): RegexPattern {
  const source = entry.regex
  const flags = entry.flags ?? ''
  if (typeof source !== 'string' || !source) return fail(`${field}.regex`, 'expected a regular expression')
  if (typeof flags !== 'string' || !/^[imsu]*$/.test(flags)) return fail(`${field}.flags`, 'expected flags from i, m, s, u')
  try {
    new RegExp(source, flags + 'gu')
  } catch (error) {
    fail(`${field}.regex`, `invalid regular expression: ${(error as Error).message}`)
  }
  const hazard = regexHazard(source)
  if (hazard) fail(`${field}.regex`, `unsafe regular expression (could backtrack catastrophically): ${hazard}`)
  const pattern: RegexPattern = {kind: 'regex', regex: source, flags, source}
  return withExpected(pattern, entry, field, fail)
}

function withExpected<T extends {expected?: string[]}>(pattern: T, entry: Record<string, unknown>, field: string, fail: Fail): T {
  if (entry.expected !== undefined) pattern.expected = strings(entry.expected, `${field}.expected`, fail)
  return pattern
}

/** Compile one Japanese pattern entry (for user packs); `fail` names the field. */
export function compileJa(entry: unknown, field: string, tokenizer: JapaneseTokenizer | undefined, fail: Fail): JaPattern {
  if (typeof entry === 'string') return {kind: 'tokens', tokens: tokensFromText(entry, field, tokenizer, fail), source: entry}
  if (!isRecord(entry)) return fail(field, 'expected text, {text}, {tokens} or {regex}')
  if (entry.regex !== undefined) return compileRegex(entry, field, fail)
  if (typeof entry.text === 'string') {
    const pattern: JaPattern = {kind: 'tokens', tokens: tokensFromText(entry.text, field, tokenizer, fail), source: entry.text}
    return withExpected(pattern, entry, field, fail)
  }
  if (!Array.isArray(entry.tokens) || entry.tokens.length === 0) return fail(field, 'expected text, {text}, {tokens} or {regex}')
  const tokens = entry.tokens.map((spec, index) => tokenSpec(spec, `${field}.tokens[${index}]`, fail))
  if (tokens.every((spec) => spec.optional)) fail(`${field}.tokens`, 'at least one token must be required')
  // A peeked slot only checks what follows the match, so only trailing, required slots may peek.
  const firstPeek = tokens.findIndex((spec) => spec.peek)
  if (firstPeek >= 0 && (firstPeek === 0 || tokens.slice(firstPeek).some((spec) => !spec.peek || spec.optional))) {
    fail(`${field}.tokens`, 'peek is allowed on trailing, non-optional slots only')
  }
  const source = tokens.map((spec) => spec.surface?.[0] ?? spec.basic?.[0] ?? '*').join('')
  const pattern: JaPattern = {kind: 'tokens', tokens, source}
  return withExpected(pattern, entry, field, fail)
}

function tokenSpec(raw: unknown, field: string, fail: Fail): JaTokenSpec {
  if (!isRecord(raw)) return fail(field, 'expected a mapping of token fields')
  const spec: JaTokenSpec = {}
  let named = 0
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'optional' || key === 'peek') {
      if (typeof value !== 'boolean') fail(`${field}.${key}`, 'expected true or false')
      spec[key] = value as boolean
      continue
    }
    if (!(TOKEN_FIELDS as readonly string[]).includes(key)) {
      fail(`${field}.${key}`, `unknown token field; expected ${TOKEN_FIELDS.join(', ')}, optional, peek`)
    }
    const values = typeof value === 'string' ? [value] : strings(value, `${field}.${key}`, fail)
    if (values.length === 0) fail(`${field}.${key}`, 'expected at least one value')
    spec[key as (typeof TOKEN_FIELDS)[number]] = values
    named++
  }
  if (named === 0) fail(field, 'a token must name at least one field')
  return spec
}

/** Turn plain Japanese text into a lemma pattern: inflecting words match any conjugation. */
function tokensFromText(text: string, field: string, tokenizer: JapaneseTokenizer | undefined, fail: Fail): JaTokenSpec[] {
  if (!text.trim()) return fail(field, 'expected non-empty text')
  if (!tokenizer) return fail(field, 'plain-text Japanese patterns need the Japanese dictionary to compile')
  return tokenizer
    .tokenize(text.normalize('NFKC'))
    .filter((token) => token.pos !== POS.symbol || token.pos_detail_1 !== '空白')
    .map(specFromToken)
}

function specFromToken(token: KuromojiToken): JaTokenSpec {
  if (token.word_type === 'UNKNOWN' || token.basic_form === '*') return {surface: [token.surface_form]}
  if (token.pos === POS.verb || token.pos === POS.adjective) return {basic: [token.basic_form], pos: [token.pos]}
  return {basic: [token.basic_form]}
}

/** Compile one English pattern entry (for user packs); `fail` names the field. */
export function compileEn(entry: unknown, field: string, fail: Fail): EnPattern {
  if (typeof entry === 'string') return {kind: 'words', words: wordSlots(entry, field, fail), source: entry}
  if (!isRecord(entry)) return fail(field, 'expected a phrase, {words} or {regex}')
  if (entry.regex !== undefined) return compileRegex(entry, field, fail)
  if (typeof entry.words !== 'string') return fail(field, 'expected a phrase, {words} or {regex}')
  const pattern: EnPattern = {kind: 'words', words: wordSlots(entry.words, field, fail), source: entry.words}
  if (entry.clauseStart !== undefined) {
    if (typeof entry.clauseStart !== 'boolean') fail(`${field}.clauseStart`, 'expected true or false')
    pattern.clauseStart = entry.clauseStart as boolean
  }
  return withExpected(pattern, entry, field, fail)
}

/** `=word` matches that form only; `{n}` any number; other words any inflection. */
function wordSlots(phrase: string, field: string, fail: Fail): string[][] {
  const words = phraseWords(phrase)
  if (words.length === 0) fail(field, 'expected at least one word')
  return words.map((word) => {
    if (word === '{n}') return ['{n}']
    if (word.startsWith('=')) return [word.slice(1)]
    return inflections(word)
  })
}
