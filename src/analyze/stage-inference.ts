import type {Stage} from '../core/stages.js'
import type {Section} from '../core/sections.js'
import type {ProseSentence} from '../core/text-model.js'
import type {SectionCtas} from '../cta/types.js'
import {normalizeWithMap} from '../lang/normalize.js'

/** One piece of evidence for a stage, with where it was found (source offsets). */
export interface StageSignal {
  /** What kind of evidence (docs/stage-inference.md lists them). */
  name: SignalName
  stage: Stage
  /** What it adds to the stage's score. */
  weight: number
  start: number
  end: number
  /** The source text at start–end (NFKC-folded for pattern signals). */
  text: string
  /** More about it, e.g. the target URL of a checkout link. */
  detail?: string
}

export type SignalName =
  | 'purchase-ask'
  | 'opt-in-ask'
  | 'price'
  | 'payment-terms'
  | 'checkout-link'
  | 'opt-in-link'
  | 'deadline'
  | 'opt-in-offer'
  | 'explanation'
  | 'question'
  | 'citation'
  | 'no-ask'

/** A section's stage as inferred, with the evidence behind it. */
export interface StageInference {
  inferred: Stage
  /** Share of the evidence (with priors) that the inferred stage holds, 0–1. */
  confidence: number
  /** Score per stage, priors included. */
  scores: Record<Stage, number>
  signals: StageSignal[]
}

/** Tunable parts of the inference (docs/stage-inference.md). */
export interface InferenceOptions {
  /** Evidence every stage starts with; education leads, since an unmarked section most often teaches. */
  priors: Record<Stage, number>
  /** Below this confidence, `stage: auto` falls back to the configured stage. */
  threshold: number
}

export const DEFAULT_INFERENCE: InferenceOptions = {
  priors: {education: 0.8, acquisition: 0.4, sales: 0.4},
  threshold: 0.5
}

/** A pattern that signals a stage; `cap` bounds how much one kind of signal can add. */
interface CueSource {
  name: SignalName
  stage: Stage
  weight: number
  cap: number
  pattern: RegExp
}

/** A cue with its pattern split into a Japanese and an English half, each run only where its script occurs. */
interface Cue extends Omit<CueSource, 'pattern'> {
  ja: RegExp | undefined
  en: RegExp | undefined
}

const JAPANESE_TEXT = /[\u3040-\u30ff\u4e00-\u9fff]/
const LATIN_TEXT = /[A-Za-z]/

/**
 * Split a pattern's top-level alternatives by script: those with kana or kanji
 * form the Japanese half (no case folding needed), the rest the English half
 * (case-insensitive). A big case-insensitive Unicode alternation is slow on
 * long text; two smaller ones that often do not run at all are not.
 */
function splitByScript(source: CueSource): Cue {
  const body = source.pattern.source.replace(/^\(\?:/, '').replace(/\)$/, '')
  const alternatives: string[] = []
  let depth = 0
  let current = ''
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!
    if (char === '\\') {
      current += char + body[index + 1]
      index++
      continue
    }
    if (char === '(' || char === '[') depth++
    if (char === ')' || char === ']') depth--
    if (char === '|' && depth === 0) {
      alternatives.push(current)
      current = ''
      continue
    }
    current += char
  }
  alternatives.push(current)
  const ja = alternatives.filter((alternative) => JAPANESE_TEXT.test(alternative))
  const en = alternatives.filter((alternative) => !JAPANESE_TEXT.test(alternative))
  const {pattern, ...rest} = source
  void pattern
  return {
    ...rest,
    ja: ja.length > 0 ? new RegExp(`(?:${ja.join('|')})`, 'gu') : undefined,
    en: en.length > 0 ? new RegExp(`(?:${en.join('|')})`, 'giu') : undefined
  }
}

// Patterns run over the NFKC text of the section's prose (full-width folded),
// case-insensitively. They look for what each stage does, not for pressure:
// a sales section names a price and how to pay; a lesson explains and asks
// the reader to think; an opt-in offers something free for an address.
const CUES: Cue[] = ([
  {
    name: 'price',
    stage: 'sales',
    weight: 0.9,
    cap: 1.8,
    pattern: /(?:[¥$€£]\s?\d[\d,.]*|\d[\d,.]*\s?(?:円|万円|ドル|dollars?)|税込|税抜|月額|年額|一括|\d+\s?%\s?(?:off|オフ|割引)|\bper (?:month|year)\b|\/(?:mo|month|yr)\b)/giu
  },
  {
    name: 'payment-terms',
    stage: 'sales',
    weight: 0.8,
    cap: 1.6,
    pattern: /(?:お支払い|支払い方法|決済|分割払い|クレジットカード|銀行振込|返金保証|全額返金|購入手続き|お申し込み(?:期限|締切|は)|受講料|参加費|料金|価格|\bcheckout\b|\bpayment\b|\brefund\b|money-back|\binstallments?\b|\bbilling\b|\bpricing\b|\benroll(?:ment)?\b|\btuition\b|\bseats?\b|\bfee\b)/giu
  },
  {
    name: 'deadline',
    stage: 'sales',
    weight: 0.7,
    cap: 1.4,
    pattern: /(?:締め?切り?|〆切|まで(?:の|に)?(?:お申し込み|募集|受付)|募集(?:期間|終了|は)|受付(?:期間|終了)|\d{1,2}月\d{1,2}日[^。\n]{0,8}まで|\bcloses?\b|\bdeadline\b|\bends? (?:on|at|tonight|today|friday|monday)\b|\buntil (?:midnight|friday)\b|\bby (?:midnight|friday|monday|\w+ \d{1,2})\b)/giu
  },
  {
    name: 'opt-in-offer',
    stage: 'acquisition',
    weight: 1.2,
    cap: 3,
    pattern: /(?:無料(?:で|の)?(?:受け取|プレゼント|ダウンロード|配布|登録|診断|セミナー|ウェビナー|ガイド|チェックリスト|テンプレート)|無料プレゼント|特典|メルマガ(?:登録|に登録|の登録)|LINE(?:登録|で友だち|友だち追加)|購読(?:する|登録)?|ご登録(?:いただく|いただいた|で|は|ありがとう)|診断(?:テスト|ツール|シート)?|配信(?:を|の)?(?:登録|希望|停止)|メールアドレス(?:を|の)?(?:登録|確認|入力)|\bfree (?:guide|checklist|ebook|e-book|webinar|workshop|template|class|masterclass|mini-course|email course|download|report|toolkit|cheat ?sheet)\b|\bsubscribe\b|\bsign(?:ing|ed)? up\b|\bmailing list\b|\bemail list\b|\bjoin the [\w' -]{1,30} list\b|\bjoin \d[\d,]* (?:readers|subscribers|others)\b|\bno credit card\b|\bopt[- ]in\b|\bdownload (?:the|your|our) free\b|\bconfirm (?:my|your) (?:email|address|subscription)\b|\bwelcome pack\b|\bquiz\b|\bwe'?ll (?:email|send) (?:it|you)\b|\binvite a friend\b|\breferral\b)/giu
  },
  {
    name: 'explanation',
    stage: 'education',
    weight: 0.4,
    cap: 3,
    pattern: /(?:なぜなら|つまり|例えば|たとえば|具体的には|ポイントは|理由は|というのも|その結果|そのうえで|まず(?:は)?、|次に、|最後に、|ステップ\d|手順|コツ|事例|ことで|ように(?:する|なり|なる)|のが(?:コツ|ポイント)|だからこそ|とはいえ|\bbecause\b|\bfor example\b|\bfor instance\b|\bin other words\b|\bhere'?s how\b|\bhow to\b|\bthe reason\b|\bthat means\b|\bthis means\b|\bthat'?s why\b|\bstep \d\b|\bfirst,|\bsecond,|\bnext,|\bthen\b|\bfinally,|\binstead of\b|\brather than\b|\bso that\b|\bthe (?:trick|key|mistake|problem)\b|\btip:)/giu
  },
  {
    name: 'citation',
    stage: 'education',
    weight: 0.7,
    cap: 2,
    pattern: /(?:出典|によると|調査(?:では|によれば|結果)|研究(?:では|によると)|論文|データ(?:では|によると)|\baccording to\b|\ba (?:study|survey|report) (?:by|from|of)\b|\bresearch (?:shows|suggests|from)\b|\bet al\.)/giu
  }
] as CueSource[]).map(splitByScript)

const CHECKOUT_URL = /(?:checkout|\/cart\b|\/buy\b|\/order|\/pricing|\/purchase|\/apply|\/enroll|\/join\b|\/book\b|\/booking|stripe\.com|buy\.stripe|gumroad|shopify|paypal|teachable|peatix|\/payment)/i
const OPT_IN_URL = /(?:\/subscribe|\/signup|\/sign-up|\/register|\/newsletter|\/free|\/download|\/optin|\/opt-in|\/lp\/|lin\.ee|line\.me|\/webinar)/i
const OPT_IN_TEXT = /(?:無料|プレゼント|ダウンロード|登録|購読|メルマガ|LINE|診断|受け取る|\bfree\b|\bsubscribe\b|\bsign up\b|\bdownload\b|\bnewsletter\b|\bwebinar\b|\bchecklist\b|\bguide\b|\bquiz\b|\bconfirm\b|\blist\b)/iu
// A free trial of a paid product is how a sale closes, not an opt-in.
const TRIAL = /(?:無料(?:体験|トライアル|お試し)|お試し|\bfree trial\b|\btrial\b)/iu

/** The prose of a section, NFKC-folded, with a map back to source offsets. */
export interface SectionText {
  text: string
  /** Source offset of each character of `text`. */
  origin: number[]
  /** Sentences of the section (source offsets), headings excluded. */
  sentences: {start: number; end: number; text: string}[]
}

/**
 * Infer the stage of one section from what it does (docs/stage-inference.md):
 * asks and their targets (from the CTA inventory), prices and payment terms,
 * deadlines, opt-in offers; or explanations, questions to the reader and
 * citations. Pressure words are not evidence of a stage: that is what the
 * rules judge once the stage is known.
 */
export function inferSectionStage(
  section: SectionText,
  ctas: SectionCtas | undefined,
  options: InferenceOptions = DEFAULT_INFERENCE
): StageInference {
  return scoreSignals(collectSignals(section, ctas), options)
}

/** Infer a whole document's stage from its sections' evidence, without scanning the text again. */
export function inferDocumentStage(
  sections: {signals: RawSignal[]; asks: number; sentences: number}[],
  options: InferenceOptions = DEFAULT_INFERENCE
): StageInference {
  const raw = sections.flatMap((section) => section.signals.filter((signal) => signal.name !== 'no-ask'))
  const asks = sections.reduce((sum, section) => sum + section.asks, 0)
  const sentences = sections.reduce((sum, section) => sum + section.sentences, 0)
  if (asks === 0 && sentences >= 3) {
    const first = sections.flatMap((section) => section.signals).find((signal) => signal.name === 'no-ask')
    if (first) raw.push(first)
  }
  return scoreSignals(raw, options)
}

/** A signal before caps are applied. */
export interface RawSignal extends StageSignal {
  cap: number
}

/** Every piece of evidence in a section, uncapped, with how many primary asks it has. */
export function collectSignals(section: SectionText, ctas: SectionCtas | undefined): RawSignal[] & {asks?: number} {
  const signals: RawSignal[] & {asks?: number} = []
  const text = section.text
  // The Japanese and English halves of each pattern run only on text in that script.
  const scripts = {ja: JAPANESE_TEXT.test(text), en: LATIN_TEXT.test(text)}
  for (const cue of CUES) {
    for (const script of ['ja', 'en'] as const) {
      const pattern = cue[script]
      if (!pattern || !scripts[script]) continue
      pattern.lastIndex = 0
      for (const match of text.matchAll(pattern)) {
        const start = section.origin[match.index]!
        const end = section.origin[match.index + match[0].length - 1]! + 1
        signals.push({name: cue.name, stage: cue.stage, weight: cue.weight, cap: cue.cap, start, end, text: match[0]})
      }
    }
  }

  // Questions to the reader: a sentence ending in ？/? or でしょうか/ますか, but
  // not an invitation to act (〜しませんか is how a soft close asks).
  for (const sentence of section.sentences) {
    const trimmed = sentence.text.trim()
    if (/(?:[?？]|でしょうか。?|ますか。?)$/u.test(trimmed) && !/ませんか[。？?]?$/u.test(trimmed)) {
      signals.push({name: 'question', stage: 'education', weight: 0.4, cap: 1.2, start: sentence.start, end: sentence.end, text: trimmed})
    }
  }

  let asks = 0
  for (const cta of ctas?.ctas ?? []) {
    const label = cta.text
    const url = cta.url ?? ''
    const start = cta.position.start.offset
    const end = cta.position.end.offset
    const optIn = !TRIAL.test(label) && (OPT_IN_TEXT.test(label) || OPT_IN_URL.test(url))
    if (cta.primary || cta.kind === 'button') asks++
    if (optIn) signals.push({name: 'opt-in-ask', stage: 'acquisition', weight: 0.6 + cta.score, cap: 2.4, start, end, text: label})
    else if (cta.primary) signals.push({name: 'purchase-ask', stage: 'sales', weight: 0.6 + cta.score, cap: 2.4, start, end, text: label})
    if (url && CHECKOUT_URL.test(url) && !optIn) signals.push({name: 'checkout-link', stage: 'sales', weight: 0.8, cap: 1.6, start, end, text: label, detail: url})
    else if (url && OPT_IN_URL.test(url)) signals.push({name: 'opt-in-link', stage: 'acquisition', weight: 0.8, cap: 1.6, start, end, text: label, detail: url})
  }
  for (const link of ctas?.nonAsks ?? []) {
    if (link.kind === 'citation') {
      signals.push({name: 'citation', stage: 'education', weight: 0.7, cap: 2, start: link.position.start.offset, end: link.position.end.offset, text: link.text})
    }
  }
  // A section of several sentences that asks for nothing is teaching.
  if (asks === 0 && section.sentences.length >= 3) {
    const first = section.sentences[0]!
    signals.push({name: 'no-ask', stage: 'education', weight: 1, cap: 1, start: first.start, end: first.end, text: first.text})
  }
  signals.asks = asks
  return signals
}

/** Apply caps in document order, add the priors, and pick the stage with its confidence. */
export function scoreSignals(raw: RawSignal[], options: InferenceOptions = DEFAULT_INFERENCE): StageInference {
  const signals: StageSignal[] = []
  const totals: Record<string, number> = {}
  for (const signal of [...raw].sort((a, b) => a.start - b.start)) {
    const used = totals[signal.name] ?? 0
    const weight = Math.min(signal.weight, signal.cap - used)
    if (weight <= 0) continue
    totals[signal.name] = used + weight
    const {cap, ...rest} = signal
    void cap
    signals.push({...rest, weight: round(weight)})
  }
  const scores = {...options.priors}
  for (const signal of signals) scores[signal.stage] += signal.weight
  const total = scores.education + scores.acquisition + scores.sales
  const ranked = (Object.keys(scores) as Stage[]).sort((a, b) => scores[b] - scores[a] || order(a) - order(b))
  const inferred = ranked[0]!
  signals.sort((a, b) => a.start - b.start || b.weight - a.weight)
  return {
    inferred,
    confidence: round(scores[inferred] / total),
    scores: {education: round(scores.education), acquisition: round(scores.acquisition), sales: round(scores.sales)},
    signals
  }
}

// Ties go to the stage with the strictest pressure rules.
function order(stage: Stage): number {
  return stage === 'education' ? 0 : stage === 'acquisition' ? 1 : 2
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

/** The prose of a section, NFKC-folded with a map to source offsets, for the inference patterns. */
export function sectionText(section: Pick<Section, 'start' | 'end' | 'blocks'>, sentences: ProseSentence[], source: string): SectionText {
  let text = ''
  const origin: number[] = []
  for (const block of section.blocks) {
    if (block.kind === 'heading') continue
    const normalized = normalizeWithMap(block.text)
    for (let index = 0; index < normalized.text.length; index++) origin.push(block.origin[normalized.origin[index]!]!)
    text += normalized.text
    text += '\n'
    origin.push(block.end)
  }
  return {
    text,
    origin,
    sentences: sentences
      .filter((sentence) => sentence.block.kind !== 'heading')
      .map((sentence) => ({start: sentence.start, end: sentence.end, text: source.slice(sentence.start, sentence.end)}))
  }
}

