import {createSourceJudge} from './claim-sources.js'
import type {Check} from './types.js'

/**
 * `unsupported-claim` (景品表示法 第5条 優良誤認・有利誤認 and 第7条第2項;
 * 消費者庁「No.1表示に関する実態調査報告書」2024 and 価格表示ガイドライン; FTC Act §5
 * and 16 CFR Part 233; EU UCPD Annex I and Directive 98/6/EC Art. 6a): a No.1,
 * first-in-industry, lowest-price or satisfaction-rate claim, or a comparison
 * with a regular price, with no source or basis in its section. The cues are
 * data (rules/unsupported-claim.yml); this check only asks for the note.
 */
export const unsupportedClaim: Check = (context, rule) => {
  const sourced = createSourceJudge(context, rule)
  for (const {sentence, cue} of context.cues(rule)) {
    if (sourced(cue)) continue
    context.report(rule, {start: cue.start, end: cue.end, stage: sentence.stage, lang: sentence.lang, expected: cue.expected ?? rule.expected[sentence.lang]})
  }
}
