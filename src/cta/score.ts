/**
 * The strength score of a call to action: a base plus one weight per
 * component, clamped to 0–1 (docs/cta-inventory.md explains each one and
 * cites the guidance behind it).
 */
import type {AskAnalysis} from './analysis.js'
import type {CtaReason} from './types.js'

export const SCORE_WEIGHTS = {
  base: 0.2,
  /** An action verb (join, reserve, 申し込む, 参加する). */
  actionVerb: 0.3,
  /** Verb first (English) / one action phrase ending in its verb (Japanese). */
  actionLeads: 0.15,
  /** The object or outcome is named (the checklist, 講座, 席). */
  specificObject: 0.2,
  /** A link or button whose text says where it goes. */
  descriptiveText: 0.15,
  /** "Reserve my seat": the reader's own voice on the button. */
  firstPerson: 0.05,
  /** Per hedge, counted at most twice. */
  hedge: -0.25,
  /** Link text that says nothing (こちら, "click here"). */
  vagueText: -0.2,
  /** Per other distinct target in the same section, counted at most twice. */
  competing: -0.1
} as const

/** What the score is computed from. */
export interface ScoreInput {
  ask: AskAnalysis
  /** The CTA has link or button text (not a sentence-only ask). */
  labelled: boolean
  vague: boolean
  /** Link text that is the URL itself (an autolink): neither descriptive nor vague. */
  bareUrl: boolean
  firstPerson: boolean
  /** Distinct targets in the section other than this CTA's. */
  otherTargets: number
}

/** Score a CTA and list the reasons. */
export function scoreCta(input: ScoreInput): {score: number; reasons: CtaReason[]} {
  const reasons: CtaReason[] = [{code: 'base', delta: SCORE_WEIGHTS.base}]
  const {ask} = input
  if (ask.action) reasons.push({code: 'action-verb', delta: SCORE_WEIGHTS.actionVerb, evidence: ask.action.text})
  if (ask.action && ask.actionLeads) reasons.push({code: 'action-leads', delta: SCORE_WEIGHTS.actionLeads, evidence: ask.action.text})
  if (ask.specific) reasons.push({code: 'specific-object', delta: SCORE_WEIGHTS.specificObject, evidence: ask.specific.text})
  if (input.labelled && !input.vague && !input.bareUrl) reasons.push({code: 'descriptive-text', delta: SCORE_WEIGHTS.descriptiveText})
  if (input.firstPerson) reasons.push({code: 'first-person', delta: SCORE_WEIGHTS.firstPerson})
  for (const hedge of ask.hedges.slice(0, 2)) reasons.push({code: 'hedge', delta: SCORE_WEIGHTS.hedge, evidence: hedge.text})
  if (input.vague) reasons.push({code: 'vague-text', delta: SCORE_WEIGHTS.vagueText})
  if (input.otherTargets > 0) {
    reasons.push({code: 'competing', delta: round(SCORE_WEIGHTS.competing * Math.min(2, input.otherTargets))})
  }
  const sum = reasons.reduce((total, reason) => total + reason.delta, 0)
  return {score: round(Math.min(1, Math.max(0, sum))), reasons}
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
