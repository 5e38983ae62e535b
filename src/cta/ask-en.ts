/**
 * English asks, read from the normalised words already on each sentence
 * (contractions expanded, clause starts marked). An ask is an action verb
 * used as an imperative ("Join the course", "Please book a call"), a label
 * that opens with one ("Reserve my seat"), "let's" + verb, or a hedged
 * suggestion ("feel free to join", "consider joining", "why not book").
 */
import {inflections, type NormalWord} from '../lang/en/words.js'
import {dedupe, NO_ASK, spanOf, type AskAnalysis, type AskMode} from './analysis.js'
import type {AskForm, CtaSpan} from './types.js'

/** Verbs that name something the reader can do for the offer. */
export const EN_ACTION_VERBS = [
  'join',
  'book',
  'get',
  'start',
  'reserve',
  'download',
  'buy',
  'register',
  'claim',
  'grab',
  'order',
  'subscribe',
  'enroll',
  'enrol',
  'try',
  'save',
  'secure',
  'schedule',
  'apply',
  'shop',
  'upgrade',
  'reply',
  'read',
  'watch',
  'listen',
  'request',
  'contact',
  'call',
  'unlock',
  'access',
  'begin',
  'attend',
  'purchase',
  'preorder',
  'pre-order',
  'redeem',
  'activate',
  'rsvp',
  'enter',
  'send',
  'sign',
  'check',
  'take',
  'hit',
  'pick',
  'explore',
  'discover',
  'become',
  'upgrade',
  'learn',
  'see',
  'visit'
]

/** Actions that only look or read: secondary asks that do not compete with the main one. */
export const EN_GENERIC_ACTIONS = new Set(['read', 'watch', 'listen', 'see', 'learn', 'visit', 'check', 'take', 'explore', 'discover', 'contact', 'call', 'reply', 'hit', 'send'])

/** Verbs that only ask together with a particle: "sign up", "check it out", "take a look", "hit reply", "pick up". */
const NEEDS: Record<string, string[]> = {
  sign: ['up'],
  check: ['out'],
  take: ['a', 'part', 'the', 'your', 'my'],
  hit: ['reply'],
  pick: ['up']
}

// Every inflected form → its base, for "consider joining" and "joined" (not an imperative).
const BASE = new Map<string, string>()
for (const verb of EN_ACTION_VERBS) for (const form of inflections(verb)) if (!BASE.has(form)) BASE.set(form, verb)

/** Words after a clause-initial verb that show it is not an imperative ("Book clubs are…", "Start is…"). */
const NOT_IMPERATIVE_AFTER = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'clubs', 'club', 'of'])

/** Words that never count as the object or outcome of an ask. */
const NOT_SPECIFIC = new Set([
  'the', 'a', 'an', 'your', 'my', 'our', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'it', 'them', 'us',
  'me', 'you', 'here', 'there', 'now', 'today', 'up', 'in', 'out', 'on', 'at', 'to', 'for', 'of', 'with', 'and', 'or',
  'please', 'more', 'link', 'page', 'site', 'website', 'button', 'info', 'details', 'look', 'reply', 'if', 'want', 'like',
  'maybe', 'just', 'by', 'from', 'via', 'when', 'then', 'so', 'is', 'are', 'be', 'do', 'not', 'would', 'will', 'can', 'could',
  'one', 'some', 'any', 'all', 'right', 'away', 'again', 'below', 'above', 'anytime', 'chance', 'get', 'interested', 'click', 'tap'
])

/** Hedge phrases (DOMAIN.md §4), as normalised word sequences. `just` counts only before an action verb. */
const HEDGES: string[][] = [
  'maybe', 'perhaps', 'if you want to', 'if you want', 'if you would like to', 'if you would like', 'if you are interested',
  'if you are curious', 'if you feel like it', 'if it sounds good', 'only if you want', 'feel free to', 'you might want to',
  'you may want to', 'you might', 'you could', 'consider', 'why not', 'when you get a chance', 'whenever you get a chance',
  'no pressure but', 'no pressure', 'i think you will like', 'i think you would like', 'hopefully', 'kind of', 'sort of'
].map((phrase) => phrase.split(' '))

/** Words (of a sentence or of a link label) analysed for an ask. */
export function analyzeEnglish(given: NormalWord[], source: string, mode: AskMode): AskAnalysis {
  if (given.length === 0) return NO_ASK
  const words = afterPostscript(given)
  const hedges = englishHedges(words, source)
  const found = findAsk(words, mode)
  const actionIndex = found?.index ?? words.findIndex((word, index) => isActionAt(words, index))
  const action = actionIndex >= 0 ? actionSpan(words, actionIndex, source) : undefined
  let specific: CtaSpan | undefined
  if (actionIndex >= 0) {
    for (let at = actionIndex + 1; at < Math.min(words.length, actionIndex + 7); at++) {
      const word = words[at]!
      if (word.start < (action?.end ?? 0)) continue
      if (/^[a-z0-9][a-z0-9'-]*$/.test(word.norm) && !NOT_SPECIFIC.has(word.norm)) {
        specific = spanOf(source, word.start, word.end)
        break
      }
    }
  }
  return {
    form: found?.form,
    action,
    lemma: actionIndex >= 0 ? BASE.get(words[actionIndex]!.norm) : undefined,
    actionLeads: found?.leads ?? false,
    specific,
    firstPerson: mode === 'label' && words.some((word) => word.norm === 'my' || word.norm === 'me'),
    hedges
  }
}

/** "P.S. Sign up…": the word after a postscript mark starts a clause. */
function afterPostscript(words: NormalWord[]): NormalWord[] {
  const norms = words.slice(0, 3).map((word) => word.norm)
  // parse-english keeps "P.S." as one word; other spellings split.
  const skip = /^p\.?p?\.?s\.?$/.test(norms[0] ?? '') ? 1 : norms[0] === 'p' && norms[1] === 's' ? 2 : 0
  if (skip === 0 || !words[skip]) return words
  return words.map((word, index) => (index === skip ? {...word, clauseStart: true} : word))
}

/** Hedge phrases of a word list, as source spans. */
export function englishHedges(words: NormalWord[], source: string): CtaSpan[] {
  const spans: CtaSpan[] = []
  for (let at = 0; at < words.length; at++) {
    if (words[at]!.norm === 'just' && isActionAt(words, at + 1)) {
      spans.push(spanOf(source, words[at]!.start, words[at]!.end))
      continue
    }
    for (const phrase of HEDGES) {
      if (phrase.every((word, offset) => words[at + offset]?.norm === word)) {
        spans.push(spanOf(source, words[at]!.start, words[at + phrase.length - 1]!.end))
        at += phrase.length - 1
        break
      }
    }
  }
  return dedupe(spans, source)
}

interface FoundAsk {
  form: AskForm
  index: number
  leads: boolean
}

function findAsk(words: NormalWord[], mode: AskMode): FoundAsk | undefined {
  if (mode === 'label' && isActionAt(words, 0) && BASE.get(words[0]!.norm) === words[0]!.norm) {
    return {form: 'action', index: 0, leads: true}
  }
  for (let at = 0; at < words.length; at++) {
    const word = words[at]!.norm
    const previous = words[at - 1]?.norm
    if (isActionAt(words, at) && BASE.get(word) === word && words[at]!.clauseStart && !NOT_IMPERATIVE_AFTER.has(words[at + 1]?.norm ?? '')) {
      if (previous === 'please') return {form: 'request', index: at, leads: true}
      if (previous === 'just' || previous === 'maybe' || previous === 'perhaps') return {form: 'suggestion', index: at, leads: false}
      return {form: 'action', index: at, leads: true}
    }
    if (word === 'please' && isActionAt(words, at + 1)) return {form: 'request', index: at + 1, leads: true}
    if (word === 'let' && words[at + 1]?.norm === 'us' && isActionAt(words, at + 2)) return {form: 'volitional', index: at + 2, leads: false}
    const suggestion = suggestionAt(words, at)
    if (suggestion >= 0) return {form: 'suggestion', index: suggestion, leads: false}
  }
  return undefined
}

/** "feel free to V", "you might want to V", "why not V", "consider V-ing": index of V or -1. */
function suggestionAt(words: NormalWord[], at: number): number {
  const norms = words.slice(at, at + 5).map((word) => word.norm)
  const lead = [
    ['feel', 'free', 'to'],
    ['you', 'might', 'want', 'to'],
    ['you', 'may', 'want', 'to'],
    ['why', 'not'],
    ['you', 'could'],
    ['you', 'might'],
    ['maybe'],
    ['perhaps']
  ].find((phrase) => phrase.every((word, offset) => norms[offset] === word))
  if (lead && isActionAt(words, at + lead.length)) return at + lead.length
  if (norms[0] === 'consider' && words[at + 1]?.norm.endsWith('ing') && isActionAt(words, at + 1)) return at + 1
  return -1
}

/** An action verb at `at`, with its particle where it needs one. */
function isActionAt(words: NormalWord[], at: number): boolean {
  const word = words[at]
  if (!word) return false
  const base = BASE.get(word.norm)
  if (!base) return false
  const needs = NEEDS[base]
  if (!needs) return true
  return words.slice(at + 1, at + 4).some((next) => needs.includes(next.norm))
}

function actionSpan(words: NormalWord[], at: number, source: string): CtaSpan {
  const word = words[at]!
  const needs = NEEDS[BASE.get(word.norm) ?? '']
  let end = word.end
  if (needs) {
    const particle = words.slice(at + 1, at + 4).find((next) => needs.includes(next.norm))
    if (particle && particle.norm !== 'a' && particle.norm !== 'the' && particle.norm !== 'your' && particle.norm !== 'my') end = particle.end
  }
  return spanOf(source, word.start, end)
}

/** The base form of an action verb form ("joining" → "join"), if it is one. */
export function actionBase(word: string): string | undefined {
  return BASE.get(word)
}
