import type {NormalWord} from './words.js'

/**
 * How an English cue is negated (DOMAIN.md §2; contractions are already expanded):
 * `calm` — "no need to hurry", "you will never miss an issue";
 * `threat` — "if you don't act now";
 * `purpose` — "so you don't miss out", "to make sure you never fall behind";
 * `prohibition` — "Don't miss out", "Never miss a deal" (an order);
 * `none` — not negated.
 */
export type EnglishPolarity = 'none' | 'calm' | 'threat' | 'purpose' | 'prohibition'

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nothing', 'nobody', 'none'])
const CONDITIONS = new Set(['if', 'unless', 'or'])
const PURPOSES = new Set(['so', 'to', 'that', 'lest'])
const WINDOW = 4
// Words after which the next word is marked clause-initial but the clause goes on (so you…).
const CONTINUERS = new Set(['please', 'so', 'just', 'and', 'but', 'now', 'then', 'oh', 'hey', 'well'])

/** Look back a few words from the cue for a negation, and before it for a condition or purpose. */
export function englishPolarity(words: NormalWord[], start: number): EnglishPolarity {
  for (let index = start - 1; index >= 0 && index >= start - WINDOW; index--) {
    // A negation in an earlier clause ("No, I don't feel lucky") is not this cue's.
    if (words[index + 1]!.clauseStart && !CONTINUERS.has(words[index]!.norm)) break
    const word = words[index]!
    if (!NEGATORS.has(word.norm)) continue
    // "Don't miss out" (do + not at the clause start), "Never miss a deal".
    if (word.norm === 'never' && word.clauseStart) return 'prohibition'
    if (word.norm === 'not' && words[index - 1]?.norm === 'do' && words[index - 1]!.clauseStart) return 'prohibition'
    for (let before = index - 1; before >= 0 && before >= index - WINDOW; before--) {
      const norm = words[before]!.norm
      if (CONDITIONS.has(norm)) return 'threat'
      if (PURPOSES.has(norm)) return 'purpose'
    }
    return 'calm'
  }
  return 'none'
}
