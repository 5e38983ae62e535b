import {ctaInventory} from '../cta/inventory.js'
import {ruleMessage} from '../cta/report.js'
import {stageStretches} from '../cta/stretches.js'
import type {Check} from './types.js'

/**
 * `no-cta`: a stretch of sections in one stage (a sales part, or a whole sales
 * document) without any call to action. Consecutive sections of the same stage
 * are judged together, so an offer split over several headings needs one ask,
 * not one per heading. Reported at the first heading of the stretch, or at its
 * last sentence when it has no heading.
 */
export const noCta: Check = (context, rule) => {
  for (const run of stageStretches(ctaInventory(context).sections)) {
    const stage = run[0]!.stage
    if (context.levelOf(rule.id, stage) === 'off') continue
    if (run.some((section) => section.ctas.length > 0)) continue
    const heading = run.find((section) => section.heading)?.heading
    const lastSentence = run.flatMap((section) => section.sentences).pop()
    const place = heading ?? lastSentence
    if (!place) continue
    const sentence = context.sentences.find((candidate) => candidate.start <= place.start && place.start < candidate.end)
    const lang = sentence?.lang ?? (/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(place.text) ? 'ja' : 'en')
    context.report(rule, {
      start: place.start,
      end: place.end,
      stage,
      lang,
      reason: ruleMessage(context, rule, lang, {actual: place.text})
    })
  }
}
