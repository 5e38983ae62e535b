import {createSourceJudge} from './claim-sources.js'
import {wordMatcher, wordsOption} from './footer.js'
import type {Check} from './types.js'

/**
 * `health-claims` (医薬品医療機器等法 第66–68条 and 医薬品等適正広告基準; FTC
 * Health Products Compliance Guidance 2022): a drug-like efficacy claim (治る,
 * 若返る, シミが消える, 痩せる, "cures", "clinically proven") in a sentence that
 * is about a product being taken or applied (the rule's `contexts` words), so
 * that "風邪は寝ていれば治る" in an essay stays quiet. A Japanese claim is
 * reported whatever its source (a cosmetic or a food may not claim a drug's
 * effect at all); an English one is dropped when its section cites a source.
 */
export const healthClaims: Check = (context, rule) => {
  const products = {ja: wordMatcher(wordsOption(rule, 'contexts', 'ja')), en: wordMatcher(wordsOption(rule, 'contexts', 'en'))}
  const sourced = createSourceJudge(context, rule)
  for (const {sentence, cue} of context.cues(rule)) {
    if (!products[sentence.lang]?.test(sentence.normalized.text)) continue
    if (sentence.lang === 'en' && sourced(cue)) continue
    context.report(rule, {start: cue.start, end: cue.end, stage: sentence.stage, lang: sentence.lang, expected: cue.expected ?? rule.expected[sentence.lang]})
  }
}
