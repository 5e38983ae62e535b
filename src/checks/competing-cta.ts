import {ctaInventory} from '../cta/inventory.js'
import {numberOption, reportWithRelated, ruleMessage} from '../cta/report.js'
import type {Check} from './types.js'

/**
 * `competing-cta`: more distinct primary targets in one section than the
 * `maxTargets` option allows (default 1). The main target is the strongest
 * ask (then the most repeated, then the first); each other target is reported
 * once, at its first ask, with the main ask as the message's related place.
 * Links that are not asks (unsubscribe, social, legal, citations) never count,
 * and a P.S. repeating the main link is the same target.
 */
export const competingCta: Check = (context, rule) => {
  const maxTargets = Math.max(1, numberOption(rule, 'maxTargets', 1))
  for (const section of ctaInventory(context).sections) {
    if (section.targets.length <= maxTargets) continue
    const main = section.ctas.filter((cta) => cta.target === section.targets[0]).sort((a, b) => b.score - a.score)[0]!
    for (const target of section.targets.slice(maxTargets)) {
      const extra = section.ctas.find((cta) => cta.target === target)!
      const start = extra.position.start.offset
      const end = extra.position.end.offset
      const actual = context.source.slice(start, end)
      const mainText = context.source.slice(main.position.start.offset, main.position.end.offset)
      reportWithRelated(
        context,
        rule,
        {
          start,
          end,
          stage: extra.stage,
          lang: extra.lang,
          reason: ruleMessage(context, rule, extra.lang, {actual, main: mainText, line: main.position.start.line})
        },
        {
          start: main.position.start.offset,
          end: main.position.end.offset,
          reason: context.localeFor(extra.lang) === 'ja' ? `主な呼びかけ「${mainText}」` : `Main call to action: “${mainText}”`
        }
      )
    }
  }
}
