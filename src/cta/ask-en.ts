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
  'visit',
  'support',
  'sponsor',
  'donate',
  'pledge',
  'volunteer',
  'submit',
  'review',
  'share',
  'spread',
  'tweet',
  'tell',
  'leave',
  'help',
  'come',
  'confirm',
  'gift',
  'email',
  'write',
  'create'
]

/** Actions that only look or read: secondary asks that do not compete with the main one. */
export const EN_READING_ACTIONS = new Set(['read', 'watch', 'listen', 'see', 'learn', 'visit', 'check', 'explore', 'discover'])

/** Actions that are secondary: reading and looking, and getting in touch. */
export const EN_GENERIC_ACTIONS = new Set([...EN_READING_ACTIONS, 'take', 'contact', 'call', 'reply', 'hit', 'send', 'email', 'write'])

/**
 * What kind of action an ask requests (see JA_ACTION_CLASSES): asks to take
 * the offer are one class; supporting, contributing and spreading the word are
 * others. `become` goes by its object (a sponsor, a speaker, a member).
 */
export const EN_ACTION_CLASSES: Record<string, string> = {
  support: 'support', sponsor: 'support', donate: 'support', pledge: 'support', help: 'support',
  volunteer: 'contribute', submit: 'contribute', apply: 'contribute',
  review: 'share', share: 'share', spread: 'share', tweet: 'share', tell: 'share', leave: 'share'
}

/** Verbs that only ask together with a particle: "sign up", "check it out", "take a look", "hit reply", "pick up". */
const NEEDS: Record<string, string[]> = {
  sign: ['up', 'on'],
  check: ['out'],
  take: ['a', 'part', 'the', 'your', 'my'],
  hit: ['reply'],
  pick: ['up'],
  come: ['along', 'to', 'and', 'join', 'see', 'say', 'by', 'meet', 'celebrate', 'visit'],
  leave: ['a', 'an', 'your', 'us', 'me', 'feedback', 'comment', 'comments', 'review', 'reviews', 'note', 'message'],
  tell: ['your', 'friends', 'everyone', 'others', 'people', 'colleagues'],
  spread: ['the', 'word'],
  help: ['us', 'me', 'support', 'fund', 'keep', 'make'],
  write: ['to', 'us', 'me', 'in', 'back'],
  gift: ['a', 'an', 'it', 'this', 'the', 'your', 'someone', 'them'],
  // "Create your account", "create a free account": not "create better headlines".
  create: ['account', 'profile', 'login']
}

/**
 * Words that lead into the real action: "Click here to register", "Go get your
 * copy", "Head over to the store and grab one", "Be sure to book". The ask is
 * the action verb that follows within a few words (after `to` or `and`, or at once).
 */
const LEADS: string[][] = [
  ['click'], ['tap'], ['go'], ['go', 'ahead', 'and'], ['head'], ['be', 'sure', 'to'], ['make', 'sure', 'to'], ['do', 'not', 'forget', 'to'],
  ['remember', 'to'], ['come', 'and'], ['stop', 'by', 'and'], ['use']
]

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
  'no pressure but', 'no pressure', 'i think you will like', 'i think you would like', 'hopefully', 'kind of', 'sort of',
  // Asks put only to readers who happen to want them (DOMAIN.md §4: conditional asks).
  'if you like', 'if you liked', 'if you enjoy', 'if you enjoyed', 'if you love', 'if you loved', 'if you wish',
  'if you fancy', 'if you are so inclined', 'if you are inclined', 'if so inclined', 'if you can spare', 'if you have time',
  'if you have a moment', 'if you get a chance', 'if this sounds', 'if that sounds', 'if it sounds', 'if you find this',
  'if you find it', 'if you think', 'if you are keen', 'i would be grateful', 'i would appreciate', 'would be grateful',
  'would really appreciate', 'it would mean a lot', 'would you consider', 'even just', 'for those who want',
  'for those who would like', 'for anyone who wants', 'those of you who want', 'it will not hurt', 'it does not hurt',
  'it can not hurt'
].map((phrase) => phrase.split(' '))

/** Words (of a sentence or of a link label) analysed for an ask. */
export function analyzeEnglish(given: NormalWord[], source: string, mode: AskMode): AskAnalysis {
  if (given.length === 0) return NO_ASK
  const words = afterPostscript(given)
  const hedges = englishHedges(words, source)
  const found = findAsk(words, mode)
  const opened = found || mode === 'label' ? -1 : openedAt(words)
  if (opened >= 0) {
    const subject = words.find((word) => OPENED_SUBJECT.has(word.norm) || word.norm === 'call') ?? words[opened]!
    const contribute = ['applications', 'submissions', 'cfp', 'call'].includes(subject.norm)
    const [from, to] = subject.start < words[opened]!.start ? [subject, words[opened]!] : [words[opened]!, subject]
    return {form: 'invitation', action: spanOf(source, from.start, to.end), lemma: contribute ? 'submit' : 'get', actionLeads: false, specific: undefined, firstPerson: false, hedges}
  }
  const available = found || mode === 'label' ? -1 : availabilityAt(words)
  if (available >= 0) {
    hedges.push(spanOf(source, words[available - 1]!.start, words[available + 1]!.end))
    return {form: 'suggestion', action: spanOf(source, words[available]!.start, words[available]!.end), lemma: 'get', actionLeads: false, specific: undefined, firstPerson: false, hedges}
  }
  const permitted = found || mode === 'label' ? -1 : permissionAt(words, source)
  if (permitted >= 0) {
    return {form: 'suggestion', action: actionSpan(words, permitted, source), lemma: BASE.get(words[permitted]!.norm), actionLeads: false, specific: undefined, firstPerson: false, hedges}
  }
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
    lemma: found?.lemma ?? (actionIndex >= 0 ? BASE.get(words[actionIndex]!.norm) : undefined),
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

// Imperatives that carry their action in a by-phrase.
const BY_LEADS = new Set(['show', 'support', 'help', 'back', 'join', 'thank', 'celebrate'])
const BY_WINDOW = 10
const SUPPORT_LEADS = new Set(['support', 'back'])

// The hedges by first word, in their order above (the first that matches wins): one lookup per word.
const HEDGES_BY_FIRST = new Map<string, string[][]>()
for (const phrase of HEDGES) HEDGES_BY_FIRST.set(phrase[0]!, [...(HEDGES_BY_FIRST.get(phrase[0]!) ?? []), phrase])
const NO_HEDGES: string[][] = []

/** Hedge phrases of a word list, as source spans. */
export function englishHedges(words: NormalWord[], source: string): CtaSpan[] {
  const spans: CtaSpan[] = []
  for (let at = 0; at < words.length; at++) {
    if (words[at]!.norm === 'just' && isActionAt(words, at + 1)) {
      spans.push(spanOf(source, words[at]!.start, words[at]!.end))
      continue
    }
    for (const phrase of HEDGES_BY_FIRST.get(words[at]!.norm) ?? NO_HEDGES) {
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
  /** What the ask is for when it is not its action word ("Show your support by buying…" asks for support). */
  lemma?: string
}

function findAsk(words: NormalWord[], mode: AskMode): FoundAsk | undefined {
  if (mode === 'label' && isActionAt(words, 0) && BASE.get(words[0]!.norm) === words[0]!.norm) {
    return {form: 'action', index: 0, leads: true}
  }
  for (let at = 0; at < words.length; at++) {
    const word = words[at]!.norm
    const previous = words[at - 1]?.norm
    if (isActionAt(words, at) && BASE.get(word) === word && words[at]!.clauseStart && !NOT_IMPERATIVE_AFTER.has(words[at + 1]?.norm ?? '') && !inVerbList(words, at)) {
      if (previous === 'please') return {form: 'request', index: at, leads: true}
      if (previous === 'just' || previous === 'maybe' || previous === 'perhaps') return {form: 'suggestion', index: at, leads: false}
      return {form: 'action', index: at, leads: true}
    }
    if (word === 'please' && isActionAt(words, at + 1)) return {form: 'request', index: at + 1, leads: true}
    // "please do leave a review"
    if (word === 'please' && words[at + 1]?.norm === 'do' && isActionAt(words, at + 2)) return {form: 'request', index: at + 2, leads: true}
    // "To register, click here": the action first, the way to it to be clicked.
    if (word === 'to' && words[at]!.clauseStart && isActionAt(words, at + 1) && clickFollows(words, at + 2)) return {form: 'action', index: at + 1, leads: false}
    const led = leadAt(words, at, mode)
    if (led >= 0) return {form: previous === 'please' || word === 'please' ? 'request' : 'action', index: led, leads: true}
    // "We encourage you to donate", "we invite you to submit a talk": an indirect ask.
    const invited = invitationAt(words, at)
    if (invited >= 0) return {form: 'invitation', index: invited, leads: false}
    if (word === 'let' && words[at + 1]?.norm === 'us' && isActionAt(words, at + 2)) return {form: 'volitional', index: at + 2, leads: false}
    // "Show your support by buying a ticket", "Help us by sharing the post": the action rides on by.
    if (word === 'by' && isActionAt(words, at + 1) && BY_LEADS.has(words[0]!.norm) && words[0]!.clauseStart && at <= BY_WINDOW) {
      // Buying to show support asks for support: a side ask beside the offer itself.
      const supports = SUPPORT_LEADS.has(words[0]!.norm) || words.slice(1, at).some((word) => word.norm === 'support')
      return {form: 'action', index: at + 1, leads: false, lemma: supports ? 'support' : undefined}
    }
    const suggestion = suggestionAt(words, at)
    if (suggestion >= 0) return {form: 'suggestion', index: suggestion, leads: false}
  }
  return undefined
}

// Verbs that take the offer itself, for "you can V": reading, contact and generic verbs
// ("you can read the notes", "you can get a sense of it", "you can save time") tell the reader
// what is possible and ask nothing.
const PERMITTED_COMMITMENTS = new Set([
  'join', 'book', 'reserve', 'buy', 'register', 'order', 'subscribe', 'enroll', 'enrol', 'purchase', 'preorder', 'pre-order',
  'apply', 'rsvp', 'download', 'claim', 'grab', 'secure', 'attend', 'donate', 'sponsor', 'sign'
])
const PERMISSION_ADVERBS = new Set(['now', 'also', 'still', 'easily', 'simply', 'already'])

/**
 * "You can order the book from the shop page", "For one week only, you can grab 40% off": an
 * ask put as what the reader may do. It asks (a sales piece that closes so has a call to
 * action), and "you can" is no hedge: real sales copy closes this way with confidence
 * (docs/cta-inventory.md). Only at a clause start and with a verb that takes the offer.
 * Index of the verb, or -1.
 */
export function permissionAt(words: NormalWord[], source: string): number {
  for (let at = 0; at + 2 < words.length; at++) {
    if (words[at]!.norm !== 'you' || !words[at]!.clauseStart || words[at + 1]!.norm !== 'can') continue
    const verb = PERMISSION_ADVERBS.has(words[at + 2]!.norm) ? at + 3 : at + 2
    const base = words[verb] && BASE.get(words[verb]!.norm)
    if (base && base === words[verb]!.norm && PERMITTED_COMMITMENTS.has(base) && isActionAt(words, verb) && saysWhere(words, verb + 1, source)) return verb
  }
  return -1
}

const WHERE_WORDS = new Set(['here', 'below', 'above', 'today', 'now', 'online'])
const WHERE_PLACES = new Set(['shop', 'store', 'site', 'website', 'page', 'link', 'links', 'form', 'app', 'event', 'checkout'])
const WHERE_PREPOSITIONS = new Set(['on', 'from', 'at', 'via', 'through', 'in'])
const WHERE_DETERMINERS = new Set(['the', 'our', 'my', 'this', 'that'])

/**
 * Whether the rest of the sentence says where or when to act: "here", "below", "today", or
 * "on Amazon", "from the shop page", "via our site". Without it "you can buy them at a big
 * discount" explains what is possible, as a lesson does, and asks nothing.
 */
function saysWhere(words: NormalWord[], from: number, source: string): boolean {
  for (let at = from; at < words.length; at++) {
    const word = words[at]!.norm
    if (WHERE_WORDS.has(word)) return true
    if (!WHERE_PREPOSITIONS.has(word)) continue
    const next = words[at + 1]
    // A preposition that ends the words: what follows is a link or an address, which is not a word.
    if (!next) return true
    // A name ("on Amazon", "at Bookshop.org") or our shop, the site, this page.
    if (/^\p{Lu}/u.test(source.charAt(next.start)) && next.norm !== 'i') return true
    // An address: "at https://…", "at example.com".
    if (/^(?:https?|www)$/.test(next.norm) || /\w\.\w/.test(next.norm)) return true
    const place = WHERE_DETERMINERS.has(next.norm) ? words[at + 2] : undefined
    if (place && (WHERE_PLACES.has(place.norm) || WHERE_PLACES.has(words[at + 3]?.norm ?? ''))) return true
  }
  return false
}

/**
 * "Tickets are available at the links above", "the book is now available on
 * Amazon": where to act, said as a fact. It asks, softly; the phrase is its
 * hedge (weak-cta). Index of "available", or -1.
 */
export function availabilityAt(words: NormalWord[]): number {
  for (let at = 1; at < words.length; at++) {
    if (words[at]!.norm !== 'available') continue
    const be = words[at - 1]!.norm === 'now' ? words[at - 2]?.norm : words[at - 1]!.norm
    if ((be === 'is' || be === 'are') && ['at', 'from', 'on', 'via', 'here', 'below', 'above', 'through'].includes(words[at + 1]?.norm ?? '')) return at
    // "we have a variety of tickets available"
    if (OFFERED.has(words[at - 1]!.norm) && words.slice(Math.max(0, at - 6), at - 1).some((word) => word.norm === 'have' || word.norm === 'has')) return at
  }
  return -1
}

const OFFERED = new Set(['tickets', 'seats', 'spots', 'places', 'copies', 'plans', 'passes'])
const OPENED_SUBJECT = new Set(['registration', 'registrations', 'tickets', 'ticket', 'sales', 'applications', 'submissions', 'enrollment', 'enrolment', 'pre-orders', 'preorders', 'cfp', 'signups', 'sign-ups', 'booking', 'bookings'])

// The subject of an opening may stand this many words before it.
const OPENED_WINDOW = 9

/**
 * "Tickets are now on sale", "registration is open": the offer announced as
 * open, an ask without a hedge. Index of "sale"/"open", or -1.
 */
export function openedAt(words: NormalWord[]): number {
  for (let at = 2; at < words.length; at++) {
    const word = words[at]!.norm
    // "We have opened a CFP", "we've opened registration"
    if (word === 'opened' && (words[at - 1]!.norm === 'have' || words[at - 1]!.norm === 'has')) {
      if (words.slice(at + 1, at + 4).some((entry) => OPENED_SUBJECT.has(entry.norm) || entry.norm === 'call')) return at
      continue
    }
    const onSale = word === 'sale' && words[at - 1]!.norm === 'on'
    if (!onSale && word !== 'open') continue
    // The subject may carry a date: "Tickets for BookCamp 2025 on 12 April are on sale".
    const before = words.slice(Math.max(0, at - OPENED_WINDOW), onSale ? at - 1 : at).map((entry) => entry.norm)
    if (!before.some((norm) => norm === 'is' || norm === 'are')) continue
    if (before.some((norm) => norm === 'not' || norm === 'no')) continue
    if (before.some((norm) => OPENED_SUBJECT.has(norm))) return at
  }
  return -1
}

/** A lead word at a clause start ("Click here to register"): index of the action it leads to, or -1. */
function leadAt(words: NormalWord[], at: number, mode: AskMode): number {
  if (!words[at]!.clauseStart && !(mode === 'label' && at === 0)) return -1
  const lead = LEADS.find((phrase) => phrase.every((word, offset) => words[at + offset]?.norm === word))
  if (!lead) return -1
  const from = at + lead.length
  for (let next = from; next < Math.min(words.length, from + 8); next++) {
    const norm = words[next]!.norm
    const opens = next === from || words[next - 1]!.norm === 'to' || words[next - 1]!.norm === 'and'
    if (opens && isActionAt(words, next) && BASE.get(norm) === norm) return next
    if (norm === 'if' || norm === 'when' || norm === 'because') return -1
  }
  return -1
}

/** "we encourage you to V", "we invite everyone to V", "we would love (for) you to V": index of V or -1. */
function invitationAt(words: NormalWord[], at: number): number {
  const norms = words.slice(at, at + 4).map((word) => word.norm)
  if (!['we', 'i'].includes(norms[0] ?? '')) return -1
  const verbAt = norms[1] === 'also' ? 2 : 1
  const verb = norms[verbAt]
  if (verb !== 'encourage' && verb !== 'invite' && !(verb === 'would' && norms[verbAt + 1] === 'love')) return -1
  for (let next = at + verbAt + 1; next < Math.min(words.length, at + verbAt + 7); next++) {
    if (words[next - 1]!.norm === 'to' && isActionAt(words, next) && BASE.get(words[next]!.norm) === words[next]!.norm) return next
  }
  return -1
}

// Openings of a hedged suggestion, before its verb. Built once: suggestionAt runs on every word.
const SUGGESTION_LEADS: string[][] = [
  ['feel', 'free', 'to'],
  ['you', 'might', 'want', 'to'],
  ['you', 'may', 'want', 'to'],
  ['why', 'not'],
  ['you', 'could'],
  ['you', 'might'],
  ['if', 'you', 'would'],
  // "a Patreon page for those who want to donate": an ask put to whoever wants it.
  ['for', 'those', 'who', 'want', 'to'],
  ['for', 'those', 'who', 'would', 'like', 'to'],
  ['for', 'anyone', 'who', 'wants', 'to'],
  ['those', 'of', 'you', 'who', 'want', 'to'],
  ['would', 'you'],
  // "It won't hurt you to sign on": an ask by litotes.
  ['it', 'will', 'not', 'hurt', 'you', 'to'],
  ['it', 'will', 'not', 'hurt', 'to'],
  ['it', 'does', 'not', 'hurt', 'to'],
  ['it', 'can', 'not', 'hurt', 'to'],
  ['maybe'],
  ['perhaps']
]
// The leads by first word, in list order (the first that matches wins): one lookup per word.
const LEADS_BY_FIRST = new Map<string, string[][]>()
for (const lead of SUGGESTION_LEADS) LEADS_BY_FIRST.set(lead[0]!, [...(LEADS_BY_FIRST.get(lead[0]!) ?? []), lead])

/** "feel free to V", "you might want to V", "why not V", "consider V-ing": index of V or -1. */
function suggestionAt(words: NormalWord[], at: number): number {
  const lead = LEADS_BY_FIRST.get(words[at]!.norm)?.find((phrase) => phrase.every((word, offset) => words[at + offset]?.norm === word))
  if (lead) {
    // "You could also become a volunteer"
    const verb = words[at + lead.length]?.norm === 'also' ? at + lead.length + 1 : at + lead.length
    if (isActionAt(words, verb)) return verb
  }
  if (words[at]!.norm === 'consider' && words[at + 1]?.norm.endsWith('ing') && isActionAt(words, at + 1)) return at + 1
  return -1
}

const CLICK_WINDOW = 6

function clickFollows(words: NormalWord[], from: number): boolean {
  for (let at = from; at < words.length && at < from + CLICK_WINDOW; at++) {
    if (words[at]!.clauseStart && (words[at]!.norm === 'click' || words[at]!.norm === 'tap')) return true
  }
  return false
}

// "As a member you can save recipes, leave notes, and share your own", "we have eleven weeks to
// budget, book, and shop": verbs listed after a modal or an infinitive's `to` share its subject
// or its purpose, so none of them is an imperative. Only a list of three or more that closes with
// `and` or `or` counts: in "You can read the syllabus, and join us on Friday!" the second clause
// asks. A `to` that opens the clause is a purpose ("To register, fill in the form, and book your
// seat" orders), so it heads no list.
const MODALS = new Set(['can', 'will', 'could', 'may', 'might', 'would', 'should', "'ll"])
const CONJUNCTIONS = new Set(['and', 'or'])
// A clause opened by one of these is no item of the list: "you can read the notes, but please book…".
const LIST_BREAKERS = new Set(['but', 'so', 'then', 'please', 'just', 'yet', 'now', 'if', 'when', 'also'])

function inVerbList(words: NormalWord[], at: number): boolean {
  let head = -1
  for (let index = at - 1; index >= 0 && head < 0; index--) {
    const word = words[index]!
    if (MODALS.has(word.norm) || (word.norm === 'to' && !word.clauseStart)) head = index
  }
  // "If you want to, book your seat…": a head followed by a comma governs nothing.
  if (head < 0 || head + 1 >= at || words[head + 1]!.clauseStart) return false
  // The items: the word after the head, then the first word of each clause that follows it.
  const items = [head + 1]
  let closed = false
  for (let index = head + 2; index < words.length; index++) {
    const word = words[index]!
    if (!word.clauseStart || CONJUNCTIONS.has(word.norm)) continue
    if (LIST_BREAKERS.has(word.norm)) return false
    items.push(index)
    if (CONJUNCTIONS.has(words[index - 1]!.norm)) {
      closed = true
      break
    }
  }
  return closed && items.length >= 3 && items.includes(at)
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
