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
import type {Section} from '../core/sections.js'
import type {Stage} from '../core/stages.js'
import type {ProseSentence} from '../core/text-model.js'
import type {NormalWord} from '../lang/en/words.js'
import type {Lang} from '../lang/script.js'
import {dedupe, NO_ASK, spanOf, type AskAnalysis} from './analysis.js'
import {analyzeEnglish, EN_GENERIC_ACTIONS} from './ask-en.js'
import {analyzeJapanese, JA_GENERIC_ACTIONS} from './ask-ja.js'
import {collectLinks, type LinkCandidate} from './links.js'
import {nonAskKind} from './non-ask.js'
import {scoreCta} from './score.js'
import {normalizeTarget} from './targets.js'
import type {Cta, CtaInventory, CtaPosition, CtaSpan, NonAskLink, SectionCtas} from './types.js'
import {isVagueText} from './vague.js'

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
  for (const section of input.sections) {
    const inSection = (offset: number) => offset >= section.start && offset < section.end
    const sectionGroups = groups.filter((group) => inSection(group.start))
    const ctas: Cta[] = []
    const nonAsks: NonAskLink[] = []
    const asked = new Set<SentenceGroup>()
    for (const link of links.filter((candidate) => inSection(candidate.start))) {
      const group = sectionGroups.find((candidate) => candidate.start < link.end && link.start < candidate.end)
      const found = classify(link, group, input)
      if (found.cta) {
        ctas.push(found.cta)
        if (group) asked.add(group)
      } else nonAsks.push(found.nonAsk)
    }
    for (const group of sectionGroups) {
      if (!group.ask.form || asked.has(group) || group.block.kind === 'heading') continue
      ctas.push(sentenceCta(group, input))
    }
    ctas.sort((a, b) => a.position.start.offset - b.position.start.offset)
    const targets = rankTargets(ctas.filter((cta) => cta.primary))
    // Only primary asks compete; a secondary one (詳しくはこちらをご覧ください) is not weakened by them.
    for (const cta of ctas) {
      const others = !cta.primary ? 0 : cta.target ? targets.filter((target) => target !== cta.target).length : Math.max(0, targets.length - 1)
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
  const vague = !link.autolink && isVagueText(link.text)
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
  const cta: Cta = {
    kind: link.kind,
    text: link.text,
    url: link.url,
    target: link.url ? normalizeTarget(link.url) : undefined,
    lang,
    stage,
    position,
    sentence: group ? spanOf(source, group.start, group.end) : undefined,
    action: ask.action,
    form: ask.form ?? (link.kind === 'button' ? 'action' : undefined),
    hedges: ask.hedges,
    vague,
    primary: link.kind === 'button' || isCommitment(ask),
    score: 0,
    reasons: []
  }
  store.set(cta, {ask, labelled: true, bareUrl: link.autolink, firstPerson: label.firstPerson})
  return {cta}
}

function sentenceCta(group: SentenceGroup, input: InventoryInput): Cta {
  const {source} = input
  const cta: Cta = {
    kind: 'sentence',
    text: textOf(group.block, group.start, group.end),
    url: undefined,
    target: undefined,
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
  store.set(cta, {ask: group.ask, labelled: false, bareUrl: false, firstPerson: false})
  return cta
}

/** An action that commits the reader (join, 申し込む), as opposed to looking or reading. */
function isCommitment(ask: AskAnalysis): boolean {
  if (!ask.lemma) return false
  return !JA_GENERIC_ACTIONS.has(ask.lemma) && !EN_GENERIC_ACTIONS.has(ask.lemma)
}

// Score inputs kept aside until the section's targets are known.
const store = new WeakMap<Cta, {ask: AskAnalysis; labelled: boolean; bareUrl: boolean; firstPerson: boolean}>()

function rescore(cta: Cta, otherTargets: number) {
  const kept = store.get(cta)!
  const {score, reasons} = scoreCta({...kept, vague: cta.vague, otherTargets})
  cta.score = score
  cta.reasons = reasons
}

/** Distinct targets, the main one first: the strongest ask, then the most repeated, then the earliest. */
function rankTargets(ctas: Cta[]): string[] {
  const stats = new Map<string, {best: number; count: number; first: number}>()
  for (const cta of ctas) {
    if (!cta.target) continue
    const strength = scoreCta({...store.get(cta)!, vague: cta.vague, otherTargets: 0}).score
    const entry = stats.get(cta.target)
    if (entry) {
      entry.best = Math.max(entry.best, strength)
      entry.count++
    } else stats.set(cta.target, {best: strength, count: 1, first: cta.position.start.offset})
  }
  return [...stats.entries()]
    .sort(([, a], [, b]) => b.best - a.best || b.count - a.count || a.first - b.first)
    .map(([target]) => target)
}

/** Analyse a link's own text with the tokens or words of the sentence it sits in; also its language. */
function labelAnalysis(link: LinkCandidate, group: SentenceGroup | undefined, source: string): {ask: AskAnalysis; lang: Lang} {
  if (!group) return {ask: fallbackLabel(link, source), lang: scriptLang(link.text)}
  const inside = (start: number, end: number) => start >= link.start && end <= link.end
  const tokens = group.sentences.flatMap((sentence) => sentence.tokens.filter((token) => inside(token.start, token.end)))
  const words = group.sentences.flatMap((sentence) => sentence.words.filter((word) => inside(word.start, word.end)))
  // A label mixing scripts (LINEで友だち追加する) goes by its Japanese tokens.
  if (tokens.length > 0 && tokens.length >= words.length) return {ask: analyzeJapanese(tokens, source, 'label'), lang: 'ja'}
  if (words.length > 0) return {ask: analyzeEnglish(relabel(words), source, 'label'), lang: 'en'}
  return {ask: NO_ASK, lang: langOfRange(group, link.start, link.end)}
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
    groups.push({sentences: current, block: first.block, start: first.start, end: last.end, ask: combine(analyses, source)})
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
  const text = textOf(group.block, group.start, link.start) + ' ' + textOf(group.block, link.end, group.end)
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
  let text = ''
  for (let index = 0; index < block.text.length; index++) {
    if (block.origin[index]! >= start && block.originEnd[index]! <= end) text += block.text[index]
  }
  return text.replace(/\uFFFC/g, ' ').replace(/\s+/g, ' ').trim()
}

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
