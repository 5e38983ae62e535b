/**
 * Scoring of trustlint's reports against the labelled real-copy set
 * (../shared/realcopy, its GUIDE.md). Pure functions: the harness
 * (bench/accuracy.ts) runs the CLI and hands the reports in, so that the
 * counting rules can be read and tested apart from the process plumbing.
 */
import {createHash} from 'node:crypto'

export type Stage = 'education' | 'sales' | 'acquisition'
export type Family = 'pushy' | 'cta'
export type Half = 'tune' | 'check'

/** One labelled excerpt, as a line of `*.jsonl`. */
export interface RealCase {
  id: string
  lang: 'ja' | 'en' | 'mixed'
  stage: Stage
  source: string
  text: string
  mustFlag: Array<{quote: string; kind: string}>
  mustNotFlag: string[]
  cta: 'strong' | 'weak' | 'none' | 'n/a'
}

/** One message of the CLI's JSON output, with offsets moved into `text`. */
export interface Report {
  ruleId: string
  severity: 'error' | 'warning' | 'info'
  start: number
  end: number
  actual: string
}

/** What each labelled kind is called among trustlint's rules. */
const KIND_OF_RULE: Record<string, string> = {
  urgency: 'urgency',
  countdown: 'urgency', // a deadline pushed at the reader is the editor's "urgency"
  scarcity: 'scarcity',
  fomo: 'fomo',
  'hard-sell': 'hard-sell',
  hype: 'hype',
  'social-proof': 'social-proof', // no labelled kind: never agrees exactly
  'price-push': 'price-push',
  'pressure-punctuation': 'exclamation',
  'weak-cta': 'weak-cta',
  'vague-link': 'vague-link',
  'competing-cta': 'competing-cta',
  'no-cta': 'no-cta',
  'buried-cta': 'buried-cta'
}

const CTA_KINDS = new Set(['weak-cta', 'vague-link', 'competing-cta', 'no-cta', 'buried-cta'])
export const PUSHY_KINDS = ['urgency', 'scarcity', 'fomo', 'hard-sell', 'hype', 'price-push', 'exclamation'] as const
export const CTA_LABEL_KINDS = ['weak-cta', 'vague-link', 'competing-cta', 'no-cta'] as const

export function kindOfRule(ruleId: string): string | undefined {
  return KIND_OF_RULE[ruleId]
}

export function familyOfKind(kind: string): Family {
  return CTA_KINDS.has(kind) ? 'cta' : 'pushy'
}

export function familyOfRule(ruleId: string): Family | undefined {
  const kind = kindOfRule(ruleId)
  return kind === undefined ? undefined : familyOfKind(kind)
}

/**
 * The half a case belongs to. Cases are split by where they come from (the
 * repository, or the web site) rather than by id, so that two excerpts of one
 * author never sit in both halves: the `check` half then says whether a change
 * carries over to writers it was not tuned on.
 */
export function halfOf(source: string): Half {
  const digest = createHash('sha256').update(sourceOrigin(source)).digest()
  return digest[0]! % 2 === 0 ? 'tune' : 'check'
}

export function sourceOrigin(source: string): string {
  const web = /^web page:\s*(\S+)/.exec(source)
  if (web) {
    try {
      return new URL(web[1]!).hostname.replace(/^www\./, '')
    } catch {
      return web[1]!
    }
  }
  // owner/repo:path@commit
  return source.split(':')[0]!
}

interface Span {
  start: number
  end: number
}

/** Every place `quote` occurs in `text` (labels are exact substrings; a repeated quote labels each). */
export function spansOf(text: string, quote: string): Span[] {
  const spans: Span[] = []
  if (quote === '') return spans
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) spans.push({start: at, end: at + quote.length})
  return spans
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end

/** Warnings and errors count as reports; info messages are shown apart. */
export const counts = (report: Report) => report.severity !== 'info'

export interface CaseOutcome {
  id: string
  half: Half
  lang: RealCase['lang']
  stage: Stage
  cta: RealCase['cta']
  /** mustFlag items, each with whether a same-family report overlaps it and the rules that did. */
  flags: Array<{quote: string; kind: string; family: Family; hit: boolean; exact: boolean; rules: string[]}>
  /** mustNotFlag items, each with the counted reports that overlap it, by family. */
  notFlags: Array<{quote: string; violatedBy: Array<{ruleId: string; family: Family; actual: string}>}>
  /** Counted reports by family, each marked by what it overlaps. */
  reports: Array<{ruleId: string; family: Family; severity: Report['severity']; actual: string; start: number; onMustFlag: boolean; onMustNotFlag: boolean}>
  infos: number
  /** For sales and acquisition: whether the CTA family's verdict matches the `cta` label. */
  ctaCorrect?: boolean
  noCtaErrorOnStrong: boolean
}

/** Judge one case's reports against its labels. */
export function scoreCase(item: RealCase, reports: Report[]): CaseOutcome {
  const counted = reports.filter(counts)
  const labelled = item.mustFlag.map((flag) => ({...flag, family: familyOfKind(flag.kind), spans: spansOf(item.text, flag.quote)}))
  const forbidden = item.mustNotFlag.map((quote) => ({quote, spans: spansOf(item.text, quote)}))

  const flags = labelled.map((flag) => {
    const hitting = counted.filter((report) => {
      if (familyOfRule(report.ruleId) !== flag.family) return false
      // no-cta: "the quote is the anchor where the ask should be, and a
      // document-level finding counts" (GUIDE.md).
      if (flag.kind === 'no-cta' && report.ruleId === 'no-cta') return true
      return flag.spans.some((span) => overlaps(span, report))
    })
    return {
      quote: flag.quote,
      kind: flag.kind,
      family: flag.family,
      hit: hitting.length > 0,
      exact: hitting.some((report) => kindOfRule(report.ruleId) === flag.kind),
      rules: [...new Set(hitting.map((report) => report.ruleId))]
    }
  })

  const notFlags = forbidden.map((entry) => ({
    quote: entry.quote,
    violatedBy: counted
      .filter((report) => familyOfRule(report.ruleId) !== undefined && entry.spans.some((span) => overlaps(span, report)))
      .map((report) => ({ruleId: report.ruleId, family: familyOfRule(report.ruleId)!, actual: report.actual}))
  }))

  const scored = counted.flatMap((report) => {
    const family = familyOfRule(report.ruleId)
    if (family === undefined) return []
    const onMustFlag = labelled.some(
      (flag) => flag.family === family && ((flag.kind === 'no-cta' && report.ruleId === 'no-cta') || flag.spans.some((span) => overlaps(span, report)))
    )
    const onMustNotFlag = forbidden.some((entry) => entry.spans.some((span) => overlaps(span, report)))
    return [{ruleId: report.ruleId, family, severity: report.severity, actual: report.actual, start: report.start, onMustFlag, onMustNotFlag}]
  })

  let ctaCorrect: boolean | undefined
  if (item.stage !== 'education' && item.cta !== 'n/a') {
    const anyCta = scored.some((report) => report.family === 'cta')
    ctaCorrect = item.cta === 'strong' ? !anyCta : anyCta
  }

  return {
    id: item.id,
    half: halfOf(item.source),
    lang: item.lang,
    stage: item.stage,
    cta: item.cta,
    flags,
    notFlags,
    reports: scored,
    infos: reports.length - counted.length,
    ctaCorrect,
    noCtaErrorOnStrong: item.cta === 'strong' && counted.some((report) => report.ruleId === 'no-cta' && report.severity === 'error')
  }
}

export interface FamilyScore {
  mustFlag: number
  recalled: number
  recall: number | null
  /** Counted reports of the family that overlap a labelled span (mustFlag of the family, or mustNotFlag). */
  onLabelled: number
  onMustFlag: number
  precision: number | null
  f1: number | null
  /** mustNotFlag items in these cases, and those a report of the family overlaps. */
  mustNotFlag: number
  violated: number
  violatedShare: number | null
  /** Recalled items whose overlapping report has the labelled kind (countdown = urgency, pressure-punctuation = exclamation). */
  exactKind: number
  exactKindShare: number | null
}

function f1(recall: number | null, precision: number | null): number | null {
  if (recall === null || precision === null) return null
  return recall + precision === 0 ? 0 : round((2 * recall * precision) / (recall + precision))
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : round(part / whole))
export const round = (value: number) => Math.round(value * 1000) / 1000

export function familyScore(outcomes: CaseOutcome[], family: Family, kind?: string): FamilyScore {
  const flags = outcomes.flatMap((outcome) => outcome.flags).filter((flag) => flag.family === family && (kind === undefined || flag.kind === kind))
  const reports = outcomes.flatMap((outcome) => outcome.reports).filter((report) => report.family === family && (kind === undefined || kindOfRule(report.ruleId) === kind))
  const labelled = reports.filter((report) => report.onMustFlag || report.onMustNotFlag)
  const good = labelled.filter((report) => report.onMustFlag)
  const recalled = flags.filter((flag) => flag.hit).length
  const recall = ratio(recalled, flags.length)
  const precision = ratio(good.length, labelled.length)
  const notFlags = outcomes.flatMap((outcome) => outcome.notFlags)
  const violated = notFlags.filter((entry) => entry.violatedBy.some((report) => report.family === family && (kind === undefined || kindOfRule(report.ruleId) === kind))).length
  const exactKind = flags.filter((flag) => flag.exact).length
  return {
    mustFlag: flags.length,
    recalled,
    recall,
    onLabelled: labelled.length,
    onMustFlag: good.length,
    precision,
    f1: f1(recall, precision),
    mustNotFlag: notFlags.length,
    violated,
    violatedShare: ratio(violated, notFlags.length),
    exactKind,
    exactKindShare: ratio(exactKind, recalled)
  }
}

export interface CtaScore {
  cases: number
  correct: number
  accuracy: number | null
  /** By label: how many cases, how many judged right. */
  byLabel: Record<string, {cases: number; correct: number}>
  noCtaErrorsOnStrong: number
}

export function ctaScore(outcomes: CaseOutcome[], stage: 'sales' | 'acquisition'): CtaScore {
  const judged = outcomes.filter((outcome) => outcome.stage === stage && outcome.ctaCorrect !== undefined)
  const byLabel: CtaScore['byLabel'] = {}
  for (const outcome of judged) {
    const entry = (byLabel[outcome.cta] ??= {cases: 0, correct: 0})
    entry.cases++
    if (outcome.ctaCorrect) entry.correct++
  }
  const correct = judged.filter((outcome) => outcome.ctaCorrect).length
  return {cases: judged.length, correct, accuracy: ratio(correct, judged.length), byLabel, noCtaErrorsOnStrong: judged.filter((outcome) => outcome.noCtaErrorOnStrong).length}
}

const STAGES: Stage[] = ['acquisition', 'education', 'sales']

export interface StageScore {
  cases: number
  correct: number
  accuracy: number | null
  /**
   * The 95% Wilson score interval of the accuracy: with a hundred documents it is about ±0.08, so a
   * change of one or two documents is no evidence either way (docs/analyzer.md, "Round 8").
   */
  interval: [number, number] | null
  /** Rows: the labelled stage; columns: the inferred one. */
  confusion: Record<Stage, Record<Stage, number>>
}

export function stageScore(pairs: Array<{expected: Stage; inferred: Stage}>): StageScore {
  const confusion = Object.fromEntries(STAGES.map((row) => [row, Object.fromEntries(STAGES.map((column) => [column, 0]))])) as StageScore['confusion']
  for (const pair of pairs) confusion[pair.expected][pair.inferred]++
  const correct = pairs.filter((pair) => pair.expected === pair.inferred).length
  return {cases: pairs.length, correct, accuracy: ratio(correct, pairs.length), interval: wilsonInterval(correct, pairs.length)?.map(round) as [number, number] | null, confusion}
}

/** The Wilson score interval of `correct` out of `cases` at `z` (1.96: 95%); null with no cases. */
export function wilsonInterval(correct: number, cases: number, z = 1.96): [number, number] | null {
  if (cases === 0) return null
  const share = correct / cases
  const z2 = z * z
  const centre = (share + z2 / (2 * cases)) / (1 + z2 / cases)
  const half = (z * Math.sqrt((share * (1 - share)) / cases + z2 / (4 * cases * cases))) / (1 + z2 / cases)
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}
