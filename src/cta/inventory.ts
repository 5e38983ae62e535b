/**
 * The CTA inventory: every call to action of a document, by section, with a
 * strength score and the reasons behind it. Built once per tree from what a
 * code-backed check sees (CheckContext) and shared by the five CTA rules; it is
 * also left on `file.data.trustlintCtas` for the analyzer and the public API.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Location} from 'vfile-location'
import type {ProseBlock} from '../core/prose.js'
import {bySection, type Section} from '../core/sections.js'
import type {Stage} from '../core/stages.js'
import type {ProseSentence} from '../core/text-model.js'
import type {NormalWord} from '../lang/en/words.js'
import type {Lang} from '../lang/script.js'
import {dedupe, NO_ASK, spanOf, type AskAnalysis} from './analysis.js'
import {analyzeEnglish, EN_GENERIC_ACTIONS, EN_READING_ACTIONS} from './ask-en.js'
import {analyzeJapanese, JA_GENERIC_ACTIONS, JA_READING_ACTIONS} from './ask-ja.js'
import {collectLinks, type LinkCandidate} from './links.js'
import {nonAskKind} from './non-ask.js'
import {actionClass, actionOffer} from './offers.js'
import {scoreCta} from './score.js'
import {normalizeTarget} from './targets.js'
import type {Cta, CtaInventory, CtaPosition, CtaSpan, NonAskLink, SectionCtas} from './types.js'
import {isDanglingLabel, isVagueText} from './vague.js'

declare module 'vfile' {
  interface DataMap {
    /** The CTA inventory of the last lint run (src/cta/). */
    trustlintCtas: CtaInventory
  }
}

/** What the inventory is built from: a subset of CheckContext. */
export interface InventoryInput {
  file?: VFile
  source: string
  tree: Root
  location: Location
  sentences: ProseSentence[]
  sections: Section[]
  stageAt(offset: number): Stage
}

/** Sentences of one block that read as one: a Japanese sentence with an English phrase inside is split into runs. */
interface SentenceGroup {
  sentences: ProseSentence[]
  block: ProseBlock
  start: number
  end: number
  ask: AskAnalysis
}

const cache = new WeakMap<Root, CtaInventory>()

/** The inventory of a linted tree (computed once, then cached). */
export function ctaInventory(input: InventoryInput): CtaInventory {
  let inventory = cache.get(input.tree)
  if (!inventory) {
    inventory = buildInventory(input)
    cache.set(input.tree, inventory)
  }
  if (input.file) input.file.data.trustlintCtas = inventory
  return inventory
}

/** Build the inventory (uncached). */
export function buildInventory(input: InventoryInput): CtaInventory {
  const {source} = input
  const links = collectLinks(input.tree, source)
  const groups = groupSentences(input.sentences, source)
  const sections: SectionCtas[] = []
  // Each section's groups and links, handed out in one pass (not filtered once per section).
  const groupsBySection = bySection(groups, input.sections, (group) => group.start)
  const linksBySection = bySection(links, input.sections, (entry) => entry.start)
  for (const [index, section] of input.sections.entries()) {
    const sectionGroups = groupsBySection[index]!
    const ctas: Cta[] = []
    const nonAsks: NonAskLink[] = []
    const asked = new Set<SentenceGroup>()
    // Groups whose ask a following link may take over (an asking line, then the URL or a list of links).
    const offers = new Map<SentenceGroup, {ask: AskAnalysis; offer: string | undefined}>()
    const groupStarts = sectionGroups.map((group) => group.start)
    const groupEnds = sectionGroups.map((group) => group.end)
    for (const candidate of linksBySection[index]!) {
      const group = groupAround(sectionGroups, groupStarts, candidate)
      const link = group ? withVagueLeadIn(candidate, group, source) : candidate
      let found = classify(link, group, input)
      const before = !found.cta && (found.nonAsk.kind === 'citation' || found.nonAsk.kind === 'contact') ? askingLineBefore(link, group, sectionGroups, groupEnds, offers, source) : undefined
      // A paragraph that is only a URL has no prose sentence: it stands alone.
      if (before && (!group || standsAlone(group, link, source))) {
        const entry = offers.get(before) ?? {ask: before.ask, offer: undefined}
        found = {cta: inheritedCta(link, before, entry.ask, input)}
        found.cta.offer = entry.offer ??= found.cta.offer
        offers.set(before, entry)
        if (group) offers.set(group, entry)
        asked.add(before)
      }
      if (found.cta) {
        ctas.push(found.cta)
        if (group) {
          asked.add(group)
          const shared = offers.get(group)
          // "Leave a review on [Amazon] or [Goodreads]": links that share their sentence's
          // ask and name no action of their own are one offer, in several places.
          if (shared?.offer && !store.get(found.cta)!.ownAction) found.cta.offer = shared.offer
          if (!shared) offers.set(group, {ask: store.get(found.cta)!.ask, offer: found.cta.offer})
        }
      } else nonAsks.push(found.nonAsk)
    }
    for (const group of sectionGroups) {
      if (group.block.kind !== 'heading' && !asked.has(group) && isDanglingLabel(textOf(group.block, group.start, group.end))) {
        nonAsks.push(danglingLabel(group, input))
        continue
      }
      if (!group.ask.form || asked.has(group) || group.block.kind === 'heading') continue
      ctas.push(sentenceCta(group, input))
    }
    ctas.sort((a, b) => a.position.start.offset - b.position.start.offset)
    samePlatformOffers(ctas)
    const targets = rankOffers(ctas)
    // Only primary asks compete; a secondary one (詳しくはこちらをご覧ください) is not weakened by them.
    const offerFor = offersOf(ctas)
    for (const cta of ctas) {
      const others = !cta.primary ? 0 : targets.filter((target) => target !== offerFor(cta)).length
      rescore(cta, others)
    }
    const heading = section.heading
    sections.push({
      heading: heading ? spanOf(source, heading.origin[firstLetter(heading.text)]!, heading.originEnd[lastLetter(heading.text)]!) : undefined,
      start: section.start,
      end: section.end,
      stage: section.stage,
      ctas,
      nonAsks,
      targets,
      sentences: sectionGroups.filter((group) => group.block.kind !== 'heading').map((group) => spanOf(source, group.start, group.end))
    })
  }
  return {sections}
}

type Classified = {cta: Cta; nonAsk?: undefined} | {cta?: undefined; nonAsk: NonAskLink}

/** A link is an ask, or set aside with the reason why. */
function classify(link: LinkCandidate, group: SentenceGroup | undefined, input: InventoryInput): Classified {
  const {source} = input
  const labelled = labelAnalysis(link, group, source)
  const lang = labelled.lang
  const stage = input.stageAt(link.start)
  const position = positionOf(input.location, link.start, link.end)
  const vague = isVagueLink(link)
  const label = link.autolink ? NO_ASK : labelled.ask
  const sentenceAsk = group?.ask ?? NO_ASK
  const clause = vague && group ? clauseAround(source, group, link) : ''
  const context = group ? hasContext(group, link) : false
  const setAside = (kind: NonAskLink['kind']): Classified => ({
    nonAsk: {kind, text: link.text, url: link.url, position, vague, hasContext: context, lang, stage}
  })
  const excluded = nonAskKind(link.text, link.url, clause)
  if (excluded) return setAside(excluded)
  // A vague link with nothing around it (詳しくは[こちら], [Read more]) is itself the ask;
  // with real context (元の論文は[こちら]で読めます) it is a reference (WCAG 2.4.4 accepts it).
  const asks = link.kind === 'button' || !!label.form || !!sentenceAsk.form || (vague && !context)
  if (!asks || (link.inBlockquote && !label.form)) {
    if (link.url?.startsWith('#')) return setAside('anchor')
    if (link.url?.startsWith('mailto:')) return setAside('contact')
    return setAside('citation')
  }
  const ask: AskAnalysis = label.form
    ? {...label, specific: label.specific ?? sentenceAsk.specific, hedges: mergeSpans([...label.hedges, ...sentenceAsk.hedges], source)}
    : {
        ...sentenceAsk,
        specific: label.specific ?? sentenceAsk.specific,
        hedges: mergeSpans([...label.hedges, ...sentenceAsk.hedges], source)
      }
  const cta = linkCta(link, ask, {
    lang,
    stage,
    position,
    sentence: group ? spanOf(source, group.start, group.end) : undefined,
    vague,
    firstPerson: label.firstPerson,
    ownAction: !!label.action
  })
  return {cta}
}

/** Link text that says nothing about where it goes; a bare URL is neither vague nor descriptive, unless vague words lead into it. */
function isVagueLink(link: LinkCandidate): boolean {
  return link.leadIn === true || (!link.autolink && isVagueText(link.text))
}

/** A link or button CTA from the ask it carries, its score inputs stored for later. */
function linkCta(
  link: LinkCandidate,
  ask: AskAnalysis,
  parts: Pick<Cta, 'lang' | 'stage' | 'position' | 'sentence' | 'vague'> & {firstPerson: boolean; ownAction: boolean}
): Cta {
  const target = link.url ? normalizeTarget(link.url) : undefined
  const cta: Cta = {
    kind: link.kind,
    text: link.text,
    url: link.url,
    target,
    offer: target ?? actionOffer(ask),
    lang: parts.lang,
    stage: parts.stage,
    position: parts.position,
    sentence: parts.sentence,
    action: ask.action,
    form: ask.form ?? (link.kind === 'button' ? 'action' : undefined),
    hedges: ask.hedges,
    vague: parts.vague,
    primary: link.kind === 'button' || isCommitment(ask),
    score: 0,
    reasons: []
  }
  store.set(cta, {ask, labelled: true, bareUrl: link.autolink, firstPerson: parts.firstPerson, ownAction: parts.ownAction})
  return cta
}

function sentenceCta(group: SentenceGroup, input: InventoryInput): Cta {
  const {source} = input
  const cta: Cta = {
    kind: 'sentence',
    text: textOf(group.block, group.start, group.end),
    url: undefined,
    target: undefined,
    offer: actionOffer(group.ask),
    lang: group.sentences[0]!.lang,
    stage: input.stageAt(group.start),
    position: positionOf(input.location, group.start, group.end),
    sentence: spanOf(source, group.start, group.end),
    action: group.ask.action,
    form: group.ask.form,
    hedges: group.ask.hedges,
    vague: false,
    primary: isCommitment(group.ask),
    score: 0,
    reasons: []
  }
  const pointer = DANGLING_POINTER.exec(source.slice(group.start, group.end))
  if (pointer) {
    cta.pointer = spanOf(source, group.start + pointer.index, group.start + pointer.index + pointer[0].length)
    cta.vague = true
  }
  store.set(cta, {ask: group.ask, labelled: false, bareUrl: false, firstPerson: false})
  return cta
}

// "Click here" with no link: plain-text and converted email lose the link and
// keep the words, which then say neither where nor what.
const DANGLING_POINTER = /\b(?:click|tap) (?:here|below)\b|(?:ここ|こちら)をクリック|こちらから\s*[>＞》→]/iu

/** Whether a CTA only asks the reader to read, look or listen (not to sign up, buy or get in touch). */
export function isReadingAsk(cta: Cta): boolean {
  const lemma = store.get(cta)?.ask.lemma
  return lemma !== undefined && (JA_READING_ACTIONS.has(lemma) || EN_READING_ACTIONS.has(lemma))
}

/** An action that commits the reader (join, 申し込む), as opposed to looking or reading. */
function isCommitment(ask: AskAnalysis): boolean {
  if (!ask.lemma) return false
  return !JA_GENERIC_ACTIONS.has(ask.lemma) && !EN_GENERIC_ACTIONS.has(ask.lemma) && actionClass(ask) !== 'contact'
}

// Score inputs kept aside until the section's targets are known; `ownAction`: the link text names an action.
const store = new WeakMap<Cta, {ask: AskAnalysis; labelled: boolean; bareUrl: boolean; firstPerson: boolean; ownAction?: boolean}>()

function rescore(cta: Cta, otherTargets: number) {
  const kept = store.get(cta)!
  const {score, reasons} = scoreCta({...kept, vague: cta.vague, otherTargets})
  cta.score = score
  cta.reasons = reasons
}

/**
 * The offer each CTA counts for among `ctas`: its own, except that an ask
 * without a link (`action:take`) joins a linked ask of the same kind of action,
 * so that "Register today." and "[Register now](…)" are one offer. The first
 * linked primary offer of each kind is found in one pass, so a part with
 * thousands of asks costs no more than one with ten.
 */
// Stores and platforms a product is offered on: [App Storeで入手する] and [Google Playで入手する],
// "Download for Mac" and "Download for Windows" are one offer in two places, not competing asks.
const PLATFORM = /\b(?:app store|google play|play store|ios|iphone|ipad|android|mac|macos|windows|linux|amazon|kindle|kobo|apple books|google books|spotify|apple podcasts|steam|chrome|firefox|edge|safari)\b|楽天(?:ブックス|kobo)?|アマゾン|紀伊國屋|ヨドバシ/giu

function samePlatformOffers(ctas: Cta[]): void {
  const byLabel = new Map<string, string>()
  for (const cta of ctas) {
    if (!cta.primary || !cta.url || !cta.offer) continue
    const label = cta.text.toLowerCase().replace(PLATFORM, '\u0000')
    // Only labels that name a platform, and say something besides it.
    if (!label.includes('\u0000') || !/[\p{L}\p{N}]/u.test(label)) continue
    const key = label.replace(/\s+/gu, ' ').trim()
    const first = byLabel.get(key)
    if (first) cta.offer = first
    else byLabel.set(key, cta.offer)
  }
}

export function offersOf(ctas: Cta[]): (cta: Cta) => string | undefined {
  const linkedByKind = new Map<string, string>()
  for (const other of ctas) {
    if (!other.primary || !other.offer || other.offer.startsWith('action:')) continue
    const kind = actionOffer(store.get(other)!.ask)
    if (!linkedByKind.has(kind)) linkedByKind.set(kind, other.offer)
  }
  return (cta) => (cta.offer?.startsWith('action:') ? linkedByKind.get(cta.offer) ?? cta.offer : cta.offer)
}

/**
 * Distinct offers of the primary CTAs among `ctas`, the main one first: an ask
 * to take the offer itself (buy, join, register) before asks to sponsor,
 * contribute or share, which are side asks of a sales part; then the strongest
 * ask, the most repeated (links), the earliest.
 */
export function rankOffers(ctas: Cta[]): string[] {
  const stats = new Map<string, {take: boolean; best: number; count: number; first: number}>()
  const offerFor = offersOf(ctas)
  for (const cta of ctas) {
    const offer = cta.primary ? offerFor(cta) : undefined
    if (!offer) continue
    const kept = store.get(cta)!
    const strength = scoreCta({...kept, vague: cta.vague, otherTargets: 0}).score
    const take = actionClass(kept.ask) === 'take'
    // Repetition counts links only: a sentence announcing an offer and its link are one ask.
    const linked = cta.url ? 1 : 0
    const entry = stats.get(offer)
    if (entry) {
      entry.take ||= take
      entry.best = Math.max(entry.best, strength)
      entry.count += linked
    } else stats.set(offer, {take, best: strength, count: linked, first: cta.position.start.offset})
  }
  return [...stats.entries()]
    .sort(([, a], [, b]) => Number(b.take) - Number(a.take) || b.best - a.best || b.count - a.count || a.first - b.first)
    .map(([offer]) => offer)
}

/** A button label standing alone without its link (VIEW MORE): reported by vague-link as a link that says nothing. */
function danglingLabel(group: SentenceGroup, input: InventoryInput): NonAskLink {
  return {
    kind: 'citation',
    text: textOf(group.block, group.start, group.end),
    url: undefined,
    position: positionOf(input.location, group.start, group.end),
    vague: true,
    hasContext: false,
    lang: group.sentences[0]!.lang,
    stage: input.stageAt(group.start)
  }
}

/** A link that takes over the ask of the line before it (`asking`, which is also its `sentence`). */
function inheritedCta(link: LinkCandidate, asking: SentenceGroup, ask: AskAnalysis, input: InventoryInput): Cta {
  const {source} = input
  const labelled = labelAnalysis(link, undefined, source)
  return linkCta(link, ask, {
    // A bare URL or a label without an action of its own speaks the asking line's language.
    lang: labelled.ask.action ? labelled.lang : asking.sentences[0]!.lang,
    stage: input.stageAt(link.start),
    position: positionOf(input.location, link.start, link.end),
    sentence: spanOf(source, asking.start, asking.end),
    vague: isVagueLink(link),
    firstPerson: labelled.ask.firstPerson,
    ownAction: !!labelled.ask.action
  })
}

/**
 * The asking line right before a link's line ("Please follow the link below:",
 * 「お申し込みは下記URLからどうぞ。」, "Get the book:" over a list), or the
 * previous item of a list that already took one over; undefined when the line
 * before does not ask or is not adjacent (at most one blank line between).
 */
function askingLineBefore(
  link: LinkCandidate,
  group: SentenceGroup | undefined,
  groups: SentenceGroup[],
  ends: number[],
  offers: Map<SentenceGroup, unknown>,
  source: string
): SentenceGroup | undefined {
  const start = group?.start ?? link.start
  const previous = groups[firstAtOrAfter(ends, start + 1) - 1]
  if (!previous || previous.block.kind === 'heading') return undefined
  // Within one paragraph, only a link that starts a line of its own (a URL under the asking line).
  if (previous.block === group?.block && !source.slice(previous.end, start).includes('\n')) return undefined
  if ((source.slice(previous.end, start).match(/\n/g) ?? []).length > 2) return undefined
  return offers.has(previous) || previous.ask.form ? previous : undefined
}

/** The link is (nearly) all there is on its line: a bare URL, a list item, "Or [the audiobook](…)". */
function standsAlone(group: SentenceGroup, link: LinkCandidate, source: string): boolean {
  // Only the link's own line: a URL line and the sentence after it can be one prose sentence.
  const lineStart = lineStartWithin(source, Math.max(group.start, link.start - CONTEXT_REACH), link.start)
  const lineEnd = source.slice(link.end, Math.min(group.end, link.end + CONTEXT_REACH)).indexOf('\n')
  const end = lineEnd < 0 ? Math.min(group.end, link.end + CONTEXT_REACH) : link.end + lineEnd
  const rest = (textOf(group.block, lineStart, link.start) + ' ' + textOf(group.block, link.end, end)).replace(/[\s\p{P}\p{S}]+/gu, ' ').trim()
  return rest.length <= 12 && rest.split(' ').filter(Boolean).length <= 3
}

/** The start of the line holding `offset`, looking back no further than `floor`. */
function lineStartWithin(source: string, floor: number, offset: number): number {
  const cut = source.slice(floor, offset).lastIndexOf('\n')
  return cut < 0 ? floor : floor + cut + 1
}

// Vague words right before a bare URL: "click here: https://…", 「ここをクリック→ https://…」.
const LEAD_IN_FILLER_JA = /^(?:詳しくは|詳細は|続きは|お申し込みは|お申込みは)?$/u

/**
 * A bare URL introduced by vague words is a link whose text is those words:
 * the reader sees "click here" and an address, not where it goes. The link's
 * range is widened to start at the vague words.
 */
function withVagueLeadIn(link: LinkCandidate, group: SentenceGroup, source: string): LinkCandidate {
  if (!link.autolink) return link
  const lineStart = lineStartWithin(source, Math.max(group.start, link.start - CONTEXT_REACH), link.start)
  const before = source.slice(lineStart, link.start)
  const clause = /[^,;.。、，；!?！？]*$/u.exec(before)![0]
  const words = clause.replace(/[\s:：→⇒>＞»\-–—]+$/u, '')
  const lead = words.trimStart()
  if (!lead) return link
  let vagueAt = -1
  if (isVagueText(lead)) vagueAt = 0
  else {
    for (let cut = 1; cut < lead.length; cut++) {
      if (LEAD_IN_FILLER_JA.test(lead.slice(0, cut)) && isVagueText(lead.slice(cut))) {
        vagueAt = cut
        break
      }
    }
  }
  if (vagueAt < 0) return link
  const start = link.start - clause.length + (clause.length - clause.trimStart().length) + vagueAt
  return {...link, text: source.slice(start, link.end), start, autolink: false, leadIn: true}
}

/** The group a link overlaps (groups are sorted and do not overlap), by binary search. */
function groupAround(groups: SentenceGroup[], starts: number[], link: LinkCandidate): SentenceGroup | undefined {
  const index = firstAtOrAfter(starts, link.end) - 1
  for (let at = index; at >= 0 && at >= index - 1; at--) {
    const group = groups[at]!
    if (group.start < link.end && link.start < group.end) return group
  }
  return undefined
}

/** Analyse a link's own text with the tokens or words of the sentence it sits in; also its language. */
function labelAnalysis(link: LinkCandidate, group: SentenceGroup | undefined, source: string): {ask: AskAnalysis; lang: Lang} {
  if (!group) return {ask: fallbackLabel(link, source), lang: scriptLang(link.text)}
  // A note after the action (会員登録する（無料）, "Create your account (free)") is read apart from it.
  const label = {start: link.start, end: noteStart(source, link)}
  const tokens = group.sentences.flatMap((sentence) => within(sentence.tokens, label))
  const words = group.sentences.flatMap((sentence) => within(sentence.words, label))
  // A label mixing scripts (LINEで友だち追加する) goes by its Japanese tokens.
  if (tokens.length > 0 && tokens.length >= words.length) return {ask: analyzeJapanese(tokens, source, 'label'), lang: 'ja'}
  if (words.length > 0) return {ask: analyzeEnglish(relabel(words), source, 'label'), lang: 'en'}
  return {ask: NO_ASK, lang: langOfRange(group, link.start, link.end)}
}

// A short bracketed note closing a label: （無料）, (free), 【2分】, (PDF).
const TRAILING_NOTE = /\s*[（(【\[][^（(【\[）)】\]]{1,16}[）)】\]]\s*$/u

/** Where a label's trailing note starts (the label's end when it has none or is nothing but a note). */
function noteStart(source: string, link: Pick<LinkCandidate, 'start' | 'end'>): number {
  const text = source.slice(link.start, link.end)
  const note = TRAILING_NOTE.exec(text)
  return note && note.index > 0 ? link.start + note.index : link.end
}

/** The items (sorted by start) that lie inside a link's range, found by binary search. */
function within<T extends {start: number; end: number}>(items: T[], link: {start: number; end: number}): T[] {
  const found: T[] = []
  for (let index = lowerBound(items.length, (at) => items[at]!.start < link.start); index < items.length && items[index]!.start < link.end; index++) {
    if (items[index]!.end <= link.end) found.push(items[index]!)
  }
  return found
}

/** Words of a label start a clause of their own. */
function relabel(words: NormalWord[]): NormalWord[] {
  return words.map((word, index) => ({...word, clauseStart: index === 0}))
}

// Block HTML has no prose sentence (it is masked), so its label is read from
// its text with a light fallback instead of the tokenizer.
const JA_LABEL_ACTION =
  /(申し込む|申込む|お申し込み|登録する|予約する|参加する|ダウンロードする|購入する|受け取る|始める|確保する|進む|試す|購読する|受講する|注文する)$/

function fallbackLabel(link: LinkCandidate, source: string): AskAnalysis {
  // Inner tags (<strong>) become spaces of the same length, so offsets still hold.
  const raw = source.slice(link.start, link.end).replace(/<[^>]*>/g, (tag) => ' '.repeat(tag.length))
  if (scriptLang(link.text) === 'ja') {
    const match = JA_LABEL_ACTION.exec(raw.replace(/[\s。！!]+$/u, ''))
    if (!match) return NO_ASK
    const start = link.start + match.index
    const action = spanOf(source, start, start + match[0].length)
    const object = raw.slice(0, match.index).replace(/[をにでへ]$/u, '')
    const before = object.replace(/^\s*(?:今すぐ|今|すぐに?)?\s*/u, '')
    return {
      form: 'action',
      action,
      lemma: match[0].replace(/^お/u, '').replace(/する$/u, ''),
      actionLeads: true,
      specific:
        /\p{L}/u.test(before) && !/^(?:こちら|ここ)/u.test(before)
          ? spanOf(source, link.start + object.length - before.length, link.start + object.length)
          : undefined,
      firstPerson: /(?:私|わたし|自分)の/u.test(raw),
      hedges: []
    }
  }
  const words: NormalWord[] = []
  for (const match of raw.matchAll(/[\p{L}\p{N}'’-]+/gu)) {
    const start = link.start + match.index
    words.push({norm: match[0].toLowerCase().replace(/’/g, "'"), start, end: start + match[0].length, clauseStart: words.length === 0})
  }
  return analyzeEnglish(words, source, 'label')
}

function groupSentences(sentences: ProseSentence[], source: string): SentenceGroup[] {
  const groups: SentenceGroup[] = []
  let current: ProseSentence[] = []
  const flush = () => {
    if (current.length === 0) return
    const first = current[0]!
    const last = current[current.length - 1]!
    const analyses = current.map((sentence) =>
      sentence.lang === 'ja'
        ? analyzeJapanese(sentence.tokens, source, 'sentence', sentence.normalized)
        : analyzeEnglish(sentence.words, source, 'sentence')
    )
    const ask = combine(analyses, source)
    groups.push({sentences: current, block: first.block, start: first.start, end: last.end, ask: isProcedural(source.slice(first.start, last.end)) ? {...ask, form: undefined} : ask})
    current = []
  }
  for (const sentence of sentences) {
    const previous = current[current.length - 1]
    if (previous && (previous.block !== sentence.block || endsSentence(source, previous))) flush()
    current.push(sentence)
  }
  flush()
  return groups
}

// Instructions for a case that may arise (changing a plan, needing an invoice,
// having a question) are procedure, not the ask: 「お支払い方法を変える場合は、
// 一度キャンセルしてから改めてお手続きください」, "If you need an invoice, contact billing".
const PROCEDURAL_EN =
  /\b(?:if|in case|should|when) you (?:need|have (?:any )?(?:questions?|problems?|issues?|trouble)|want to (?:change|cancel|update|switch|transfer)|wish to (?:change|cancel|update)|would like to (?:change|cancel|update)|are unable|cannot|can not|can't|lose|forget|run into|are having)\b|\bask (?:me|us) (?:any |a )?questions?\b|\bif (?:there are )?any (?:questions|problems)\b|\bfor (?:any )?(?:questions|help|support|billing|refunds?|invoices?)\b/iu
const PROCEDURAL_JA = /場合(?:は|に|には|でも|、)|の際(?:は|には)|必要な(?:方|場合)|ご不明な点|ご質問(?:は|が|など)|変更(?:したい|される|を希望される)/u

function isProcedural(text: string): boolean {
  // A footer line ("To unsubscribe, reply STOP") is not an ask either.
  const footer = nonAskKind(text, undefined)
  return PROCEDURAL_EN.test(text) || PROCEDURAL_JA.test(text) || footer === 'unsubscribe' || footer === 'preferences'
}

/** A language run that ends with a sentence terminator closes its group. */
function endsSentence(source: string, sentence: ProseSentence): boolean {
  return /[。．！？!?.…]["'」』）)\]*_]*\s*$/u.test(source.slice(sentence.start, sentence.end))
}

function combine(analyses: AskAnalysis[], source: string): AskAnalysis {
  const asking = analyses.find((analysis) => analysis.form)
  return {
    form: asking?.form,
    action: asking?.action ?? analyses.find((analysis) => analysis.action)?.action,
    lemma: asking?.lemma ?? analyses.find((analysis) => analysis.action)?.lemma,
    actionLeads: asking?.actionLeads ?? false,
    specific: asking?.specific ?? analyses.find((analysis) => analysis.specific)?.specific,
    firstPerson: false,
    hedges: mergeSpans(analyses.flatMap((analysis) => analysis.hedges), source)
  }
}

function mergeSpans(spans: CtaSpan[], source: string): CtaSpan[] {
  return dedupe([...spans].sort((a, b) => a.start - b.start || b.end - a.end), source)
}

/** The language of the tokens or words inside a range of a group. */
function langOfRange(group: SentenceGroup, start: number, end: number): Lang {
  const hit = group.sentences.find((sentence) => sentence.start < end && sentence.end > start)
  return (hit ?? group.sentences[0]!).lang
}

function scriptLang(text: string): Lang {
  return /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(text) ? 'ja' : 'en'
}

// Words around a link that say nothing about where it goes (詳しくは[こちら]をご覧ください, "Read more [here]").
const FILLER_JA = /詳しく|詳細|続き|もっと|こちら|ここ|から|より|ご覧|ください|下さい|クリック|タップ|して|押して|どうぞ|ぜひ|リンク|ページ|[をはのでにへと]/gu
const FILLER_EN =
  /\b(?:click|tap|see|for|more|details?|info(?:rmation)?|read|learn|here|there|the|this|that|link|page|please|go|to|find|out|check|visit|full|story|at|on|via|and|or|a|an|it|is)\b/giu

/** Text of the sentence outside the link: does it say anything about where the link goes? */
function hasContext(group: SentenceGroup, link: LinkCandidate): boolean {
  const before = textOf(group.block, Math.max(group.start, link.start - CONTEXT_REACH), link.start)
  const text = before + ' ' + textOf(group.block, link.end, Math.min(group.end, link.end + CONTEXT_REACH))
  return /\p{L}/u.test(text.replace(FILLER_JA, '').replace(FILLER_EN, ''))
}

/** Up to 40 characters of the clause before and after a link (delimited by 、。,;:|/・ and line breaks). */
function clauseAround(source: string, group: SentenceGroup, link: LinkCandidate): string {
  const before = textOf(group.block, Math.max(group.start, link.start - 60), link.start)
  const after = textOf(group.block, link.end, Math.min(group.end, link.end + 60))
  const boundary = /[、。，,;；:：|｜/／・\n]/u
  const head = before.split(boundary).pop() ?? ''
  const tail = after.split(boundary)[0] ?? ''
  return head.slice(-40) + link.text + tail.slice(0, 40)
}

/** The prose text (markup dropped) of a block between two source offsets. */
function textOf(block: ProseBlock, start: number, end: number): string {
  // origin is non-decreasing: find the first character at or after `start`, then walk
  // only the range, so per-link work does not rescan a long paragraph.
  let text = ''
  for (let index = firstAtOrAfter(block.origin, start); index < block.text.length && block.origin[index]! < end; index++) {
    if (block.originEnd[index]! <= end) text += block.text[index]
  }
  return text.replace(/\uFFFC/g, ' ').replace(/\s+/g, ' ').trim()
}

/** The first index whose value is ≥ `value` in a non-decreasing array (its length when none is). */
function firstAtOrAfter(values: ArrayLike<number>, value: number): number {
  return lowerBound(values.length, (at) => values[at]! < value)
}

/** The first index in 0…count where `before` turns false (it must be true, then false, in order). */
function lowerBound(count: number, before: (index: number) => boolean): number {
  let low = 0
  let high = count
  while (low < high) {
    const middle = (low + high) >>> 1
    if (before(middle)) low = middle + 1
    else high = middle
  }
  return low
}

/** How far around a link its context is read: a sentence of 50,000 links must stay linear. */
const CONTEXT_REACH = 200

function positionOf(location: Location, start: number, end: number): CtaPosition {
  const from = location.toPoint(start)!
  const to = location.toPoint(end)!
  return {start: {line: from.line, column: from.column, offset: start}, end: {line: to.line, column: to.column, offset: end}}
}

function firstLetter(text: string): number {
  const index = text.search(/[^\s\uFFFC]/u)
  return index < 0 ? 0 : index
}

function lastLetter(text: string): number {
  for (let index = text.length - 1; index >= 0; index--) if (!/[\s\uFFFC]/u.test(text[index]!)) return index
  return Math.max(0, text.length - 1)
}
