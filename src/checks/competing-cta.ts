import {ctaInventory, offersOf, rankOffers} from '../cta/inventory.js'
import {numberOption, reportWithRelated, ruleMessage} from '../cta/report.js'
import {stageStretches} from '../cta/stretches.js'
import type {Check} from './types.js'

/**
 * `competing-cta`: more distinct primary offers in one closing part than the
 * `maxTargets` option allows (default 1). A part is a stretch of consecutive
 * sections in one stage, as for `no-cta`: a sales page that asks for tickets
 * under one heading and for sponsors under the next splits the reader's one
 * click as surely as one paragraph would. Offers are link targets, links listed
 * under one ask counting as one, and asks without a link by their kind of action
 * (docs/cta-inventory.md, "Offers"). The main offer is an ask to take the offer
 * itself, then the strongest, the most repeated and the first (rankOffers); each
 * other offer is reported once, at its first ask, with the main ask as the
 * message's related place. Links that are
 * not asks (unsubscribe, social, legal, citations) never count.
 */
export const competingCta: Check = (context, rule) => {
  const maxTargets = Math.max(1, numberOption(rule, 'maxTargets', 1))
  for (const stretch of stageStretches(ctaInventory(context).sections)) {
    const ctas = stretch.flatMap((section) => section.ctas)
    const offers = rankOffers(ctas)
    if (offers.length <= maxTargets) continue
    const offerOf = offersOf(ctas)
    const main = ctas.filter((cta) => offerOf(cta) === offers[0]).sort((a, b) => b.score - a.score)[0]!
    const firstAsk = new Map<string, (typeof ctas)[number]>()
    for (const cta of ctas) {
      const offer = cta.primary ? offerOf(cta) : undefined
      if (offer && !firstAsk.has(offer)) firstAsk.set(offer, cta)
    }
    for (const offer of offers.slice(maxTargets)) {
      // Its first ask: where the reader first meets the competing offer.
      const extra = firstAsk.get(offer)!
      // A link under an asking line ("Sponsors are welcome too:" then the URL) is reported at that line.
      const underAsk = extra.sentence !== undefined && extra.position.start.offset >= extra.sentence.end
      const start = underAsk ? extra.sentence!.start : extra.position.start.offset
      const end = underAsk ? extra.sentence!.end : extra.position.end.offset
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
