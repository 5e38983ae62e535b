import type {KuromojiToken} from '../lang/ja/tokenizer.js'
import type {CompiledRule, EnWordPattern, JaTokenPattern, JaTokenSpec, RegexPattern} from '../core/rule-types.js'
import {rawTokens, type ProseSentence} from '../core/text-model.js'
import {gatesFor, mayMatch, UNSAFE_WITHOUT_U, type RegexGate} from './regex-gates.js'
import {TrigramTable} from './trigrams.js'

/** A cue found in a sentence; offsets are source offsets. */
export interface CueMatch {
  start: number
  end: number
  /** Token (ja) or word (en) index range within the sentence; -1 for regex matches. */
  from: number
  to: number
  expected: string[] | undefined
}

interface JaIndex {
  tokens: Map<string, JaTokenPattern[]>
  any: JaTokenPattern[]
  regex: RegExp[]
  regexPatterns: RegexPattern[]
  gates: RegexGate[]
}

interface EnIndex {
  words: Map<string, EnWordPattern[]>
  regex: RegExp[]
  regexPatterns: RegexPattern[]
  gates: RegexGate[]
}

// Indexes are built once per rule object and language, never per call, and only for a
// language that a sentence has: an English draft never builds the Japanese expressions
// and gates (a tenth of a cold English run's CPU, issue 18).
const jaIndexes = new WeakMap<CompiledRule, JaIndex>()
const enIndexes = new WeakMap<CompiledRule, EnIndex>()

function jaIndexFor(rule: CompiledRule): JaIndex {
  let index = jaIndexes.get(rule)
  if (index) return index
  index = {tokens: new Map(), any: [], regex: [], regexPatterns: [], gates: []}
  for (const pattern of rule.patterns.ja) {
    if (pattern.kind === 'regex') {
      index.regex.push(new RegExp(pattern.regex, pattern.flags + 'gu'))
      index.regexPatterns.push(pattern)
      continue
    }
    const first = pattern.tokens[0]!
    const keys = first.optional ? undefined : (first.basic ?? first.surface)
    if (!keys) index.any.push(pattern)
    else for (const key of keys) push(index.tokens, key, pattern)
  }
  index.gates = gatesFor(index.regexPatterns)
  jaIndexes.set(rule, index)
  return index
}

function enIndexFor(rule: CompiledRule): EnIndex {
  let index = enIndexes.get(rule)
  if (index) return index
  index = {words: new Map(), regex: [], regexPatterns: [], gates: []}
  for (const pattern of rule.patterns.en) {
    if (pattern.kind === 'regex') {
      index.regex.push(new RegExp(pattern.regex, pattern.flags + 'gu'))
      index.regexPatterns.push(pattern)
      continue
    }
    for (const form of pattern.words[0]!) push(index.words, form, pattern)
  }
  index.gates = gatesFor(index.regexPatterns)
  enIndexes.set(rule, index)
  return index
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Find every cue of a rule in a sentence: longest first, never overlapping. */
export function findCues(rule: CompiledRule, sentence: ProseSentence): CueMatch[] {
  const found: CueMatch[] = []
  if (sentence.lang === 'ja') {
    const index = jaIndexFor(rule)
    // Look patterns up per token without building candidate arrays, and skip a rule
    // without Japanese patterns (a check-only rule) before touching the sentence.
    if (index.tokens.size > 0 || index.any.length > 0) {
      const tokens = sentence.tokens
      const raw = rawTokens(sentence)
      const tryAll = (patterns: JaTokenPattern[] | undefined, at: number) => {
        if (!patterns) return
        for (const pattern of patterns) {
          const matched = matchTokens(pattern.tokens, 0, raw, at)
          // Peeked trailing slots (a closing 。) are checked but not reported.
          const to = matched - peekCount(pattern)
          if (matched > at && to > at) found.push({start: tokens[at]!.start, end: tokens[to - 1]!.end, from: at, to, expected: pattern.expected})
        }
      }
      for (let at = 0; at < tokens.length; at++) {
        const token = tokens[at]!.token
        tryAll(index.tokens.get(token.basic_form), at)
        if (token.surface_form !== token.basic_form) tryAll(index.tokens.get(token.surface_form), at)
        tryAll(index.any, at)
      }
    }
    if (index.regex.length > 0) regexCues(index.regex, index.regexPatterns, index.gates, sentence, found)
  } else {
    const index = enIndexFor(rule)
    const words = sentence.words
    const numbered = index.words.get('{n}')
    const tryAll = (patterns: EnWordPattern[] | undefined, at: number) => {
      if (!patterns) return
      for (const pattern of patterns) {
        if (pattern.clauseStart && !words[at]!.clauseStart) continue
        const to = matchWords(pattern.words, sentence, at)
        if (to > at) found.push({start: words[at]!.start, end: words[to - 1]!.end, from: at, to, expected: pattern.expected})
      }
    }
    if (index.words.size > 0) {
      for (let at = 0; at < words.length; at++) {
        const norm = words[at]!.norm
        tryAll(index.words.get(norm), at)
        // A pattern that opens with a number ("{n} hours left") is looked up from any number.
        if (numbered && isNumberWord(norm)) tryAll(numbered, at)
      }
    }
    if (index.regex.length > 0) regexCues(index.regex, index.regexPatterns, index.gates, sentence, found)
  }
  return longestFirst(found)
}


function regexCues(regexes: RegExp[], patterns: RegexPattern[], gates: RegexGate[], sentence: ProseSentence, found: CueMatch[]) {
  const {normalized} = sentence
  const {text} = normalized
  let safe: boolean | undefined
  let foldsPlainly: boolean | undefined
  for (const regexGate of gates) {
    const {gate, fast, members, literalSets, ignoreCase} = regexGate
    // Every match holds a string of each of a member's literal sets, so a sentence that holds
    // no member's strings skips the gate; looked up through the sentence's trigrams, the
    // literals cost far less than the gates, which most sentences would run in vain (issue 18).
    // A case-insensitive literal is looked for in the lowercased text, which holds for text
    // without ſ (the one character that matches an ASCII letter under `iu` while its lowercase
    // is not that letter; checked over every code point) and, to be safe, K; other text runs
    // the gate. Astral characters do not matter here (they only make the gate run with `u`), so
    // a sentence with an emoji no longer compiles the slow `u` gates when it holds no member's
    // literals (issue 18).
    if (literalSets && (!ignoreCase || (foldsPlainly ??= !FOLDS_ONTO_ASCII.test(text)))) {
      const searched = ignoreCase ? lowercased(text) : text
      const table = ignoreCase ? lowerTrigrams : rawTrigrams
      table.load(searched)
      if (!mayMatch(literalSets, searched, table)) continue
    }
    if (fast && (safe ??= !UNSAFE_WITHOUT_U.test(text))) {
      if (!fast.test(text)) continue
    } else if (gate && !gate.test(text)) continue
    for (const index of members) {
      const regex = regexes[index]!
      regex.lastIndex = 0
      for (const match of text.matchAll(regex)) {
        if (!match[0]) continue
        const from = match.index
        const to = from + match[0].length
        // The maps are read only where a cue is found (a sentence's are made when first read).
        found.push({start: normalized.origin[from]!, end: normalized.originEnd[to - 1]!, from: -1, to: -1, expected: patterns[index]!.expected})
      }
    }
  }
}

// Characters that match an ASCII letter case-insensitively: ſ (s) lowercases to itself; K (k) is kept out too.
const FOLDS_ONTO_ASCII = /[\u017F\u212A]/

// The trigrams of the last sentence text asked about, as written and lowercased.
const rawTrigrams = new TrigramTable()
const lowerTrigrams = new TrigramTable()

// The last sentence text lowercased: every rule's gates of a sentence look in the same one.
let lastText = ''
let lastLowercased = ''

function lowercased(text: string): string {
  if (text !== lastText) {
    lastText = text
    lastLowercased = text.toLowerCase()
  }
  return lastLowercased
}

const peeks = new WeakMap<JaTokenPattern, number>()

/** How many trailing slots of a pattern only peek (validated: trailing and required). */
function peekCount(pattern: JaTokenPattern): number {
  let count = peeks.get(pattern)
  if (count === undefined) {
    count = 0
    for (let index = pattern.tokens.length - 1; index >= 0 && pattern.tokens[index]!.peek; index--) count++
    peeks.set(pattern, count)
  }
  return count
}

/** Match token specs from slot `slot` at token `at`; returns the end token index or -1. */
function matchTokens(specs: JaTokenSpec[], slot: number, tokens: KuromojiToken[], at: number): number {
  if (slot === specs.length) return at
  const spec = specs[slot]!
  if (at < tokens.length && tokenMatches(spec, tokens[at]!)) {
    const end = matchTokens(specs, slot + 1, tokens, at + 1)
    if (end >= 0) return end
  }
  if (spec.optional) return matchTokens(specs, slot + 1, tokens, at)
  return -1
}

function tokenMatches(spec: JaTokenSpec, token: KuromojiToken): boolean {
  return (
    (!spec.surface || spec.surface.includes(token.surface_form)) &&
    (!spec.basic || spec.basic.includes(token.basic_form)) &&
    (!spec.pos || spec.pos.includes(token.pos)) &&
    (!spec.posDetail1 || spec.posDetail1.includes(token.pos_detail_1)) &&
    (!spec.conjForm || spec.conjForm.includes(token.conjugated_form))
  )
}

const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'a', 'few'])

function isNumberWord(word: string): boolean {
  return /^\d[\d.,]*$/.test(word) || NUMBER_WORDS.has(word)
}

function matchWords(slots: string[][], sentence: ProseSentence, at: number): number {
  const words = sentence.words
  if (at + slots.length > words.length) return -1
  for (let slot = 0; slot < slots.length; slot++) {
    const word = words[at + slot]!.norm
    const forms = slots[slot]!
    if (forms[0] === '{n}') {
      if (!isNumberWord(word)) return -1
    } else if (!forms.includes(word)) return -1
  }
  return at + slots.length
}

/**
 * One cue per phrase: matches of a rule that overlap are merged into one span
 * (今すぐ申し込む and 申し込んでください give 今すぐ申し込んでください), keeping
 * the suggestion of the one that starts first.
 */
function longestFirst(matches: CueMatch[]): CueMatch[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: CueMatch[] = []
  for (const match of matches) {
    const last = kept[kept.length - 1]
    if (last && match.start < last.end) {
      if (match.end > last.end) {
        last.end = match.end
        // Index ranges merge only when both are token/word ranges (regex matches have none).
        if (last.from >= 0 && match.from >= 0) last.to = Math.max(last.to, match.to)
      }
      continue
    }
    kept.push({...match})
  }
  return kept
}
