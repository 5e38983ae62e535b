import {ctaInventory} from '../cta/inventory.js'
import {ruleMessage} from '../cta/report.js'
import type {Check} from './types.js'

// Footer links whose sentence names their purpose (配信停止は[こちら]) pass: WCAG 2.4.4
// accepts that context and the footer wording is conventional.
const FOOTER = new Set(['unsubscribe', 'preferences', 'legal', 'social'])

/**
 * `vague-link`: link or button text that does not say where it goes (こちら,
 * "click here", "Submit"), on calls to action and on reference links alike;
 * footer links only when their sentence gives no context either. Plain-prose
 * こちら is never looked at: only link and button text is.
 */
export const vagueLink: Check = (context, rule) => {
  for (const section of ctaInventory(context).sections) {
    const vague = [
      ...section.ctas.filter((cta) => cta.vague),
      ...section.nonAsks.filter((link) => link.vague && !(FOOTER.has(link.kind) && link.hasContext))
    ]
    for (const link of vague) {
      const pointer = 'pointer' in link ? link.pointer : undefined
      const start = pointer?.start ?? link.position.start.offset
      const end = pointer?.end ?? link.position.end.offset
      const actual = context.source.slice(start, end)
      context.report(rule, {
        start,
        end,
        stage: link.stage,
        lang: link.lang,
        reason: ruleMessage(context, rule, link.lang, {actual})
      })
    }
  }
}
