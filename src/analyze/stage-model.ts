import type {Stage} from '../core/stages.js'
import {SIGNAL_NAMES, type RawSignal, type SignalName} from './stage-signals.js'

/**
 * A multinomial logistic regression over stage signals, small enough to read.
 *
 * Features: for each signal name, log(1 + count) (the first price says much,
 * the tenth little more), plus `length`, log(1 + sentences) / 3, so that a long
 * article with one price weighs differently from a short offer; the opt-in
 * signals in the last 40% of the text count apart (CLOSING_SIGNALS). A stage's
 * score is its bias plus Σ weight × feature; the probabilities are the softmax
 * of the scores, and the inferred stage's probability is the confidence.
 *
 * The weights are fit (fitStageModel) by bench/fit-stage-weights.ts on labelled
 * sections and kept in stage-weights.json; nothing here is set by hand.
 */

export const STAGES: readonly Stage[] = ['acquisition', 'education', 'sales']

/**
 * Signals that mean one thing as what a page is about and another in its last
 * stretch: a sign-up box or a free download after a lesson is how education
 * posts end, while an opt-in page asks from the top (issue 11). They count as
 * their own features (`opt-in-ask@end`) past this share of the text.
 */
export const CLOSING_SIGNALS = ['free', 'free-offer', 'list-host-link', 'opt-in-ask', 'opt-in-link', 'opt-in-offer'] as const satisfies readonly SignalName[]
export const CLOSING_SHARE = 0.6
const CLOSING_FEATURES = CLOSING_SIGNALS.map((name) => `${name}@end` as const)

/** Feature names: one per signal, the context term, then the closing-stretch signals. */
export const FEATURES = [...SIGNAL_NAMES, 'length', ...CLOSING_FEATURES] as const
export type FeatureName = (typeof FEATURES)[number]

/** The source range evidence comes from (a section, or the whole document). */
export interface Extent {
  start: number
  end: number
}

/** The feature a signal counts towards: its name, or `<name>@end` for a closing signal in the last stretch of `extent`. */
export function featureOf(signal: {name: SignalName; start?: number}, extent?: Extent): FeatureName {
  if (!extent || signal.start === undefined || !CLOSING.has(signal.name)) return signal.name
  return signal.start >= extent.start + CLOSING_SHARE * (extent.end - extent.start) ? `${signal.name as (typeof CLOSING_SIGNALS)[number]}@end` : signal.name
}

const CLOSING = new Set<SignalName>(CLOSING_SIGNALS)

export interface StageModel {
  /** What the file is and how to regenerate it. */
  about: string
  stages: Stage[]
  features: FeatureName[]
  bias: Record<Stage, number>
  /** weights[feature][stage]. */
  weights: Record<FeatureName, Record<Stage, number>>
  /** How it was fit and how well it does (leave-one-source-out). */
  training?: unknown
}

/** The feature vector of a body of evidence (a section, or a whole document, spanning `extent`). */
export function featuresOf(signals: readonly (Pick<RawSignal, 'name'> & {start?: number})[], sentences: number, extent?: Extent): Float64Array {
  const counts = new Float64Array(FEATURES.length)
  for (const signal of signals) counts[INDEX[featureOf(signal, extent)]]! += 1
  for (let index = 0; index < FEATURES.length; index++) counts[index] = Math.log1p(counts[index]!)
  counts[LENGTH] = Math.log1p(sentences) / 3
  return counts
}

const INDEX = Object.fromEntries(FEATURES.map((name, index) => [name, index])) as Record<FeatureName, number>
const LENGTH = INDEX.length

/** Dense parameters: row per stage, bias last. */
export interface Parameters {
  /** [stage][feature], with the bias at index FEATURES.length. */
  w: Float64Array[]
}

export function toParameters(model: StageModel): Parameters {
  return {
    w: STAGES.map((stage) => {
      const row = new Float64Array(FEATURES.length + 1)
      FEATURES.forEach((name, index) => (row[index] = model.weights[name]?.[stage] ?? 0))
      row[FEATURES.length] = model.bias[stage]
      return row
    })
  }
}

/** Scores (logits) per stage; `offsets` adds to each stage's bias. */
export function logits(parameters: Parameters, x: Float64Array, offsets?: Partial<Record<Stage, number>>): number[] {
  return STAGES.map((stage, row) => {
    const w = parameters.w[row]!
    let sum = w[FEATURES.length]! + (offsets?.[stage] ?? 0)
    for (let index = 0; index < x.length; index++) sum += w[index]! * x[index]!
    return sum
  })
}

export function softmax(scores: number[]): number[] {
  const top = Math.max(...scores)
  const exps = scores.map((score) => Math.exp(score - top))
  const total = exps.reduce((a, b) => a + b, 0)
  return exps.map((value) => value / total)
}

/** One labelled example for fitting. */
export interface Example {
  x: Float64Array
  stage: Stage
  /** How much the example counts (e.g. to balance stages). */
  weight?: number
}

export interface FitOptions {
  /** L2 penalty on the weights (not the biases), per example. */
  l2: number
  iterations: number
  /** Step size of the gradient descent. */
  rate: number
}

export const DEFAULT_FIT: FitOptions = {l2: 0.02, iterations: 3000, rate: 0.5}

/**
 * Fit by full-batch gradient descent on the weighted cross-entropy with an L2
 * penalty, from zero weights. Deterministic: the same examples in the same
 * order give the same parameters, so the weights file only changes when the
 * data or the signals do.
 */
export function fitStageModel(examples: Example[], options: FitOptions = DEFAULT_FIT): Parameters {
  const width = FEATURES.length + 1
  const w = STAGES.map(() => new Float64Array(width))
  const totalWeight = examples.reduce((sum, example) => sum + (example.weight ?? 1), 0)
  const gradient = STAGES.map(() => new Float64Array(width))
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    for (const row of gradient) row.fill(0)
    for (const example of examples) {
      const p = softmax(logits({w}, example.x))
      const weight = (example.weight ?? 1) / totalWeight
      STAGES.forEach((stage, row) => {
        const error = (p[row]! - (stage === example.stage ? 1 : 0)) * weight
        const g = gradient[row]!
        for (let index = 0; index < example.x.length; index++) g[index]! += error * example.x[index]!
        g[FEATURES.length]! += error
      })
    }
    for (let row = 0; row < STAGES.length; row++) {
      const g = gradient[row]!
      const weights = w[row]!
      for (let index = 0; index < width; index++) {
        const penalty = index < FEATURES.length ? options.l2 * weights[index]! : 0
        weights[index]! -= options.rate * (g[index]! + penalty)
      }
    }
  }
  return {w}
}

/** The model as data, rounded so that the JSON file is stable and readable. */
export function toModel(parameters: Parameters, about: string, training?: unknown): StageModel {
  const round = (value: number) => Math.round(value * 10000) / 10000 || 0
  const bias = Object.fromEntries(STAGES.map((stage, row) => [stage, round(parameters.w[row]![FEATURES.length]!)])) as Record<Stage, number>
  const weights = Object.fromEntries(
    FEATURES.map((name, index) => [name, Object.fromEntries(STAGES.map((stage, row) => [stage, round(parameters.w[row]![index]!)]))])
  ) as StageModel['weights']
  return {about, stages: [...STAGES], features: [...FEATURES], bias, weights, ...(training === undefined ? {} : {training})}
}

/** The stage a feature speaks for: the one its fitted weight favours most. */
export function stageOfFeature(parameters: Parameters, name: FeatureName): {stage: Stage; weight: number} {
  const index = INDEX[name]
  const values = STAGES.map((_, row) => parameters.w[row]![index]!)
  let best = 0
  for (let row = 1; row < values.length; row++) if (values[row]! > values[best]!) best = row
  // What it adds to its stage over the mean of the others: the part that separates.
  const others = values.filter((_, row) => row !== best)
  const margin = values[best]! - others.reduce((a, b) => a + b, 0) / others.length
  return {stage: STAGES[best]!, weight: margin}
}
