import {readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {location as locate} from 'vfile-location'
import {parse} from 'yaml'
import {loadTokenizer, type JapaneseTokenizer} from '../lang/ja/tokenizer.js'
import type {Lang} from '../lang/script.js'
import {judgeCues} from './cue-judge.js'
import {createCueFilter} from './mentions.js'
import type {ProseBlock} from './prose.js'
import {compileEn, compileJa, type Fail} from './rule-pack.js'
import type {CompiledRule, EnPattern, JaPattern} from './rule-types.js'
import {buildSentences, planSentences} from './text-model.js'

/**
 * A user phrase pack (docs/user-packs.md), as written in YAML:
 *
 * ```yaml
 * name: acme-house-words
 * accept: [今すぐ英会話, Act Now Coffee]
 * cues:
 *   urgency:
 *     ja:
 *       - text: 今すぐ買う
 *         flag: [今すぐ買ってください]
 *         pass: [昨日買いました]
 *     en:
 *       - {words: grab it now, flag: [Grab it now.]}
 * ```
 */
export interface UserPack {
  name?: string
  accept?: string[]
  cues?: Record<string, {ja?: unknown[]; en?: unknown[]}>
}

/** One cue of a pack: where it goes, its compiled pattern (once compiled) and self-tests. */
export interface PackEntry {
  ruleId: string
  lang: Lang
  /** `cues.urgency.ja[0]`, for messages. */
  field: string
  raw: unknown
  /** Unset until the Japanese dictionary compiles a plain-text entry. */
  pattern: JaPattern | EnPattern | undefined
  flag: string[]
  pass: string[]
}

/** A pack checked for shape; English entries compiled and self-tested. */
export interface ParsedPack {
  name: string
  accept: string[]
  entries: PackEntry[]
}

/** A pack that does not load: names the pack, the entry and the problem. */
export class PackError extends Error {
  constructor(pack: string, field: string, problem: string) {
    super(`Pack "${pack}", ${field}: ${problem}`)
    this.name = 'PackError'
  }
}

/**
 * Read and check packs at option time (synchronously): shape, rule ids,
 * patterns that need no dictionary, regex safety, and English self-tests.
 * Japanese plain text waits for {@link effectiveRules}.
 */
export function readPacks(packs: (string | UserPack)[], rules: CompiledRule[]): ParsedPack[] {
  return packs.map((given, index) => {
    const raw = typeof given === 'string' ? readPackFile(given) : given
    const name = typeof given === 'string' ? given : (isRecord(raw) && typeof raw.name === 'string' ? raw.name : `packs[${index}]`)
    const pack = parsePack(raw, name, rules)
    for (const entry of pack.entries) if (entry.lang === 'en') selfTest(pack, entry, rules, undefined)
    return pack
  })
}

function readPackFile(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new PackError(file, '(file)', `cannot be read: ${(error as Error).message}`)
  }
  try {
    return parse(text, {logLevel: 'error'})
  } catch (error) {
    throw new PackError(file, '(yaml)', (error as Error).message.split('\n')[0]!)
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stringList(value: unknown, name: string, field: string): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new PackError(name, field, 'expected a list of strings')
  return value as string[]
}

function parsePack(raw: unknown, name: string, rules: CompiledRule[]): ParsedPack {
  if (!isRecord(raw)) throw new PackError(name, '(root)', 'expected a mapping with cues: and/or accept:')
  for (const key of Object.keys(raw)) {
    if (!['name', 'accept', 'cues'].includes(key)) throw new PackError(name, key, 'unknown key; expected name, accept, cues')
  }
  const accept = stringList(raw.accept, name, 'accept')
  const entries: PackEntry[] = []
  if (raw.cues !== undefined && !isRecord(raw.cues)) throw new PackError(name, 'cues', 'expected a mapping from rule id to ja:/en: lists')
  for (const [ruleId, byLang] of Object.entries((raw.cues ?? {}) as Record<string, unknown>)) {
    // Archive rules judge a sequence of drafts, not phrases: they take no cues.
    const rule = rules.find((candidate) => candidate.id === ruleId && candidate.scope !== 'archive')
    if (!rule) {
      const phraseRules = rules.filter((candidate) => candidate.scope !== 'archive').map((candidate) => candidate.id)
      throw new PackError(name, `cues.${ruleId}`, `unknown rule; expected one of ${phraseRules.join(', ')}`)
    }
    if (!isRecord(byLang)) throw new PackError(name, `cues.${ruleId}`, 'expected a mapping with ja: and/or en: lists')
    for (const [lang, list] of Object.entries(byLang)) {
      if (lang !== 'ja' && lang !== 'en') throw new PackError(name, `cues.${ruleId}.${lang}`, 'expected ja or en')
      if (!Array.isArray(list)) throw new PackError(name, `cues.${ruleId}.${lang}`, 'expected a list')
      list.forEach((item, index) => {
        const field = `cues.${ruleId}.${lang}[${index}]`
        const tests = isRecord(item) ? item : {}
        const entry: PackEntry = {
          ruleId,
          lang,
          field,
          raw: item,
          pattern: undefined,
          flag: stringList(tests.flag, name, `${field}.flag`),
          pass: stringList(tests.pass, name, `${field}.pass`)
        }
        // Plain Japanese text needs the dictionary: compiled lazily at the first lint.
        if (lang === 'en' || !needsDictionary(item)) entry.pattern = compileEntry(name, entry, undefined)
        entries.push(entry)
      })
    }
  }
  return {name, accept, entries}
}

function needsDictionary(item: unknown): boolean {
  return typeof item === 'string' || (isRecord(item) && typeof item.text === 'string')
}

function compileEntry(name: string, entry: PackEntry, tokenizer: JapaneseTokenizer | undefined): JaPattern | EnPattern {
  const fail: Fail = (field, problem) => {
    throw new PackError(name, `${entry.field}${field.slice(field.indexOf(']') + 1)} (${describe(entry.raw)})`, problem)
  }
  return entry.lang === 'ja' ? compileJa(entry.raw, entry.field, tokenizer, fail) : compileEn(entry.raw, entry.field, fail)
}

function describe(raw: unknown): string {
  if (typeof raw === 'string') return raw
  if (isRecord(raw)) return String(raw.text ?? raw.words ?? raw.regex ?? 'tokens')
  return String(raw)
}

/** Run an entry's `flag:`/`pass:` examples; throws a {@link PackError} naming the entry. */
function selfTest(pack: ParsedPack, entry: PackEntry, rules: CompiledRule[], tokenizer: JapaneseTokenizer | undefined) {
  const rule = rules.find((candidate) => candidate.id === entry.ruleId)!
  const pattern = entry.pattern!
  const single: CompiledRule = {
    ...rule,
    patterns: entry.lang === 'ja' ? {ja: [pattern as JaPattern], en: []} : {ja: [], en: [pattern as EnPattern]}
  }
  const check = (example: string, want: boolean) => {
    const flagged = exampleFlags(single, example, entry.lang, pack.accept, tokenizer)
    if (flagged !== want) {
      const what = want ? 'must be flagged but is not' : 'must not be flagged but is'
      throw new PackError(pack.name, `${entry.field} (${describe(entry.raw)})`, `self-test failed: "${example}" ${what}`)
    }
  }
  for (const example of entry.flag) check(example, true)
  for (const example of entry.pass) check(example, false)
}

/** Does a rule flag an example sentence (negation, mentions and accept list applied)? */
export function exampleFlags(
  rule: CompiledRule,
  text: string,
  lang: Lang,
  accept: string[],
  tokenizer: JapaneseTokenizer | undefined
): boolean {
  const node = {
    type: 'paragraph' as const,
    children: [],
    position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: text.length + 1, offset: text.length}}
  }
  const block: ProseBlock = {
    kind: 'paragraph',
    node,
    text,
    origin: Int32Array.from({length: text.length}, (_, index) => index),
    originEnd: Int32Array.from({length: text.length}, (_, index) => index + 1),
    start: 0,
    end: text.length,
    headingDepth: undefined,
    inBlockquote: false,
    links: []
  }
  const location = locate(new VFile(text))
  const sentences = buildSentences(planSentences([block], lang), () => 'education', location, tokenizer)
  const filter = createCueFilter({type: 'root', children: [node]}, [block], accept)
  return sentences.some((sentence) => judgeCues(rule, sentence, filter, false).length > 0)
}

// The merged rule set per resolved options, built once at the first lint.
const prepared = new WeakMap<object, Promise<CompiledRule[]>>()

/**
 * The rules with every pack's cues added. Loads the Japanese dictionary only
 * when a pack has Japanese plain text or Japanese self-tests; runs those tests.
 */
export function effectiveRules(options: {rules: CompiledRule[]; packs: ParsedPack[]; dictPath: string | undefined}): Promise<CompiledRule[]> {
  if (options.packs.length === 0) return Promise.resolve(options.rules)
  let result = prepared.get(options)
  if (!result) {
    result = mergePacks(options)
    prepared.set(options, result)
  }
  return result
}

async function mergePacks(options: {rules: CompiledRule[]; packs: ParsedPack[]; dictPath: string | undefined}): Promise<CompiledRule[]> {
  const needsJa = options.packs.some((pack) => pack.entries.some((entry) => entry.lang === 'ja'))
  const tokenizer = needsJa ? await loadTokenizer(options.dictPath) : undefined
  for (const pack of options.packs) {
    for (const entry of pack.entries) {
      if (entry.lang !== 'ja') continue
      entry.pattern ??= compileEntry(pack.name, entry, tokenizer)
      selfTest(pack, entry, options.rules, tokenizer)
    }
  }
  return options.rules.map((rule) => {
    const added = options.packs.flatMap((pack) => pack.entries.filter((entry) => entry.ruleId === rule.id))
    if (added.length === 0) return rule
    return {
      ...rule,
      patterns: {
        ja: [...rule.patterns.ja, ...added.filter((entry) => entry.lang === 'ja').map((entry) => entry.pattern as JaPattern)],
        en: [...rule.patterns.en, ...added.filter((entry) => entry.lang === 'en').map((entry) => entry.pattern as EnPattern)]
      }
    }
  })
}

/**
 * Load and fully check one pack now (all self-tests, both languages), for
 * tools that want to validate a pack before linting with it.
 */
export async function loadPack(pack: string | UserPack, rules: CompiledRule[], dictPath?: string): Promise<ParsedPack> {
  const [parsed] = readPacks([pack], rules)
  await mergePacks({rules, packs: [parsed!], dictPath})
  return parsed!
}
