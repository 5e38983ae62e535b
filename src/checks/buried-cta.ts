import {ctaInventory} from '../cta/inventory.js'
import {numberOption, ruleMessage} from '../cta/report.js'
import type {Check} from './types.js'

/**
 * `buried-cta`: in a long section (at least `minSentences` prose sentences,
 * default 8) whose asks all go to one place, the last ask is followed by more
 * than `maxSentencesAfter` sentences (default 4), so a reader who reaches the
 * end has to scroll back to act. Sections with competing targets are left to
 * `competing-cta`.
 */
export const buriedCta: Check = (context, rule) => {
  const minSentences = numberOption(rule, 'minSentences', 8)
  const maxAfter = numberOption(rule, 'maxSentencesAfter', 4)
  for (const section of ctaInventory(context).sections) {
    if (section.ctas.length === 0 || section.targets.length > 1) continue
    if (section.sentences.length < minSentences) continue
    const last = section.ctas[section.ctas.length - 1]!
    const lastEnd = last.sentence?.end ?? last.position.end.offset
    const after = section.sentences.filter((sentence) => sentence.start >= lastEnd).length
    if (after <= maxAfter) continue
    const start = last.position.start.offset
    const end = last.position.end.offset
    const actual = context.source.slice(start, end)
    context.report(rule, {
      start,
      end,
      stage: section.stage,
      lang: last.lang,
      reason: ruleMessage(context, rule, last.lang, {actual, after})
    })
  }
}
