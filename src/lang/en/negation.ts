import type {NormalWord} from './words.js'

/** `calm`: "no need to hurry"; `threat`: "if you don't act now"; `none`: not negated. */
export type EnglishPolarity = 'none' | 'calm' | 'threat'

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nothing', 'nobody', 'none'])
const CONDITIONS = new Set(['if', 'unless', 'or'])
const WINDOW = 4

/** Look back a few words from the cue for a negation, and before it for a condition. */
export function englishPolarity(words: NormalWord[], start: number): EnglishPolarity {
  for (let index = start - 1; index >= 0 && index >= start - WINDOW; index--) {
    if (!NEGATORS.has(words[index]!.norm)) continue
    for (let before = index - 1; before >= 0 && before >= index - WINDOW; before--) {
      if (CONDITIONS.has(words[before]!.norm)) return 'threat'
    }
    return 'calm'
  }
  return 'none'
}
