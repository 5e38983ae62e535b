import type {Stage} from '../core/stages.js'
import type {SectionCtas} from '../cta/types.js'
import {featureOf, featuresOf, logits, softmax, STAGES, stageOfFeature, toParameters, type Extent, type FeatureName, type Parameters, type StageModel} from './stage-model.js'
import {collectSignals, paidSignUps, type RawSignal, type SectionEvidence, type SectionText, type SignalName} from './stage-signals.js'
import weights from './stage-weights.json' with {type: 'json'}

export {collectSignals, sectionText, type RawSignal, type SectionEvidence, type SectionText, type SignalName} from './stage-signals.js'

/** One piece of evidence for a stage, with where it was found (source offsets). */
export interface StageSignal {
  /** What kind of evidence (docs/analyzer.md lists them). */
  name: SignalName
  /** The stage the fitted model says this kind of evidence speaks for. */
  stage: Stage
  /** What this occurrence adds to that stage's score over the others (log-odds; later occurrences of a kind add less). */
  weight: number
  start: number
  end: number
  /** The source text at start–end (NFKC-folded for pattern signals). */
  text: string
  /** More about it, e.g. the target URL of a link. */
  detail?: string
}

/** A section's stage as inferred, with the evidence behind it. */
export interface StageInference {
  inferred: Stage
  /** The model's probability for the inferred stage, 0–1 (calibration: docs/analyzer.md). */
  confidence: number
  /** Probability per stage. */
  scores: Record<Stage, number>
  signals: StageSignal[]
}

/** Tunable parts of the inference (docs/analyzer.md). */
export interface InferenceOptions {
  /** Added to each stage's fitted bias (log-odds): a positive value leans towards that stage. */
  priors: Record<Stage, number>
  /** Below this confidence, `stage: auto` falls back to the configured stage. */
  threshold: number
}

export const DEFAULT_INFERENCE: InferenceOptions = {
  priors: {education: 0, acquisition: 0, sales: 0},
  threshold: 0.5
}

const MODEL = weights as StageModel
const PARAMETERS: Parameters = toParameters(MODEL)
// The stage and separating weight of each kind of signal, computed once.
const SPEAKS_FOR = new Map<FeatureName, {stage: Stage; weight: number}>()
function speaksFor(name: FeatureName) {
  let found = SPEAKS_FOR.get(name)
  if (!found) SPEAKS_FOR.set(name, (found = stageOfFeature(PARAMETERS, name)))
  return found
}

/**
 * Infer the stage of one section from what it does: asks and where its links
 * go, prices and payment terms against free offers, the shape of an offer or
 * of a lesson. Pressure words are not evidence of a stage: that is what the
 * rules judge once the stage is known.
 */
export function inferSectionStage(section: SectionText, ctas: SectionCtas | undefined, options: InferenceOptions = DEFAULT_INFERENCE): StageInference {
  const evidence = collectSignals(section, ctas)
  return scoreSignals(evidence.signals, evidence.sentences, options, evidence)
}

/**
 * Infer a whole document's stage from its sections' evidence, without scanning
 * the text again: the document is what most of it does, so all of its
 * evidence counts together, with the length of the whole.
 */
export function inferDocumentStage(sections: SectionEvidence[], options: InferenceOptions = DEFAULT_INFERENCE): StageInference {
  return scoreSignals(documentSignals(sections), sections.reduce((sum, section) => sum + section.sentences, 0), options, documentExtent(sections))
}

/** The source range of a document's sections together. */
export function documentExtent(sections: SectionEvidence[]): Extent | undefined {
  if (sections.length === 0) return undefined
  return {start: Math.min(...sections.map((section) => section.start)), end: Math.max(...sections.map((section) => section.end))}
}

/** The evidence of a document: its sections' signals, with one `no-ask` when nothing in it asks. */
export function documentSignals(sections: SectionEvidence[]): RawSignal[] {
  const raw = paidSignUps(sections.flatMap((section) => section.signals.filter((signal) => signal.name !== 'no-ask')), 'document')
  const asks = sections.reduce((sum, section) => sum + section.asks, 0)
  const sentences = sections.reduce((sum, section) => sum + section.sentences, 0)
  if (asks === 0 && sentences >= 3) {
    const first = sections.flatMap((section) => section.signals).find((signal) => signal.name === 'no-ask')
    if (first) raw.push(first)
  }
  return raw
}

/** Score evidence with the fitted model: the stage, its probability, and each signal's share. */
export function scoreSignals(raw: RawSignal[], sentences: number, options: InferenceOptions = DEFAULT_INFERENCE, extent?: Extent): StageInference {
  const probabilities = softmax(logits(PARAMETERS, featuresOf(raw, sentences, extent), options.priors))
  // Ties go to the stage with the strictest pressure rules: education, then acquisition.
  let best = STAGES.indexOf('education')
  for (const row of [STAGES.indexOf('acquisition'), STAGES.indexOf('sales')]) if (probabilities[row]! > probabilities[best]!) best = row
  const seen = new Map<FeatureName, number>()
  const signals: StageSignal[] = [...raw]
    .sort((a, b) => a.start - b.start)
    .map((signal) => {
      const feature = featureOf(signal, extent)
      const count = (seen.get(feature) ?? 0) + 1
      seen.set(feature, count)
      const {stage, weight} = speaksFor(feature)
      // The feature is log(1 + count): this occurrence adds the step from count − 1 to count.
      const step = Math.log1p(count) - Math.log1p(count - 1)
      return {...signal, stage, weight: round(weight * step)}
    })
  return {
    inferred: STAGES[best]!,
    confidence: round(probabilities[best]!),
    scores: Object.fromEntries(STAGES.map((stage, row) => [stage, round(probabilities[row]!)])) as Record<Stage, number>,
    signals
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
