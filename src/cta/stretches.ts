import type {SectionCtas} from './types.js'

/**
 * Consecutive sections in one stage: one part of a draft (a sales close split
 * over several headings, or a whole sales document). `no-cta` and
 * `competing-cta` judge a part as a whole, so an offer under several headings
 * needs one ask, and asks under different headings can compete.
 */
export function stageStretches(sections: SectionCtas[]): SectionCtas[][] {
  const stretches: SectionCtas[][] = []
  for (const section of sections) {
    const last = stretches[stretches.length - 1]
    if (last && last[0]!.stage === section.stage) last.push(section)
    else stretches.push([section])
  }
  return stretches
}
