import type {VFileMessage} from 'vfile-message'
import type {Category} from '../core/rule-types.js'

/** How pushiness is computed (docs/analyzer.md). Every part can be overridden. */
export interface PushinessOptions {
  /** Weight of one finding per category; categories not listed count 0 (CTA rules are not pressure). */
  weights: Partial<Record<Category, number>>
  /** Multiplier by the finding's level in its stage. */
  severity: {error: number; warning: number; info: number}
  /** Weighted findings per 1,000 characters at which the score reaches 63 (1 − 1/e). */
  saturation: number
  /** Texts shorter than this count as this long, so one cue in a one-line section does not max out. */
  minChars: number
}

export const DEFAULT_PUSHINESS: PushinessOptions = {
  weights: {
    'hard-sell': 3,
    fomo: 2.5,
    urgency: 2,
    scarcity: 2,
    countdown: 2,
    hype: 2,
    'price-push': 1.5,
    'social-proof': 1.5,
    'pressure-punctuation': 1
  },
  severity: {error: 1.5, warning: 1, info: 0.5},
  saturation: 6,
  minChars: 300
}

/** A 0–100 pushiness score and the findings behind it. */
export interface Pushiness {
  score: number
  /** Weighted findings per 1,000 characters. */
  density: number
  findings: VFileMessage[]
}

/**
 * score = round(100 × (1 − e^(−density / saturation))), where density is the sum
 * of weight(category) × severity(level) over the pressure findings, per 1,000
 * characters of prose. It grows fast for the first cues and never passes 100.
 */
export function pushinessOf(messages: VFileMessage[], chars: number, options: PushinessOptions = DEFAULT_PUSHINESS): Pushiness {
  const findings = messages.filter((message) => message.category && (options.weights[message.category] ?? 0) > 0)
  let weighted = 0
  for (const message of findings) {
    const level = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
    weighted += (options.weights[message.category!] ?? 0) * options.severity[level]
  }
  const density = (weighted / Math.max(chars, options.minChars)) * 1000
  return {
    score: Math.round(100 * (1 - Math.exp(-density / options.saturation))),
    density: Math.round(density * 100) / 100,
    findings
  }
}
