import {ctaInventory} from '../cta/inventory.js'
import {ruleMessage} from '../cta/report.js'
import {confidentVersion} from '../cta/rewrite.js'
import type {Check} from './types.js'

/**
 * `weak-cta`: a call to action whose sentence hedges the ask (もしよろしければ,
 * ご検討ください, "if you want", "feel free to"). One message per sentence, on
 * the whole sentence, with the confident version of it in `expected`.
 */
export const weakCta: Check = (context, rule) => {
  const seen = new Set<number>()
  for (const section of ctaInventory(context).sections) {
    for (const cta of section.ctas) {
      if (cta.hedges.length === 0) continue
      const place = cta.sentence ?? {text: cta.text, start: cta.position.start.offset, end: cta.position.end.offset}
      if (seen.has(place.start)) continue
      seen.add(place.start)
      const actual = context.source.slice(place.start, place.end)
      const better = confidentVersion(actual, cta.lang)
      context.report(rule, {
        start: place.start,
        end: place.end,
        stage: cta.stage,
        lang: cta.lang,
        reason: ruleMessage(context, rule, cta.lang, {actual, hedge: cta.hedges.map((hedge) => hedge.text).join(context.localeFor(cta.lang) === 'ja' ? '」「' : '”, “')}),
        ...(better ? {expected: [better]} : {})
      })
    }
  }
}
