import {ruleMessage} from '../cta/report.js'
import type {Lang} from '../lang/script.js'
import {endOfDocument, footerLaw, footerLang, hasTarget, TARGET, placeholderKinds, wordMatcher, wordsOption} from './footer.js'
import type {Check} from './types.js'

/**
 * `unsubscribe` (特定電子メール法 第4条: the opt-out address or URL with a
 * sentence saying the reader can opt out, placed right before or after it;
 * CAN-SPAM §7704(a)(3), (a)(5)(A)(ii): a clear opt-out mechanism). Present when
 * a block with opt-out wording carries a link, URL or address, or its
 * neighbour does ("right before or after"); or when an ESP unsubscribe
 * placeholder is in the source. Otherwise one message on the last character.
 */
export const unsubscribe: Check = (context, rule) => {
  if (!context.email || context.footerByService) return
  const place = endOfDocument(context.source)
  if (!place) return
  if (placeholderKinds(context.source, rule).has('unsubscribe')) return
  const wording = wordMatcher(wordsOption(rule, 'words'))
  const blocks = context.blocks
  const found = blocks.some((block, index) => {
    if (!wording?.test(block.text)) return false
    if (block.links.some((link) => wording.test(block.text.slice(link.start, link.end)) || wording.test(link.url))) return true
    // Right before or after: from the previous block to the next one, taking in what is
    // between them that is not prose (a paragraph holding only a URL).
    const from = blocks[index - 1]?.start ?? block.start
    const to = blocks[index + 1]?.end ?? context.source.length
    return TARGET.test(context.source.slice(from, to)) || [blocks[index - 1], blocks[index + 1]].some((near) => near !== undefined && hasTarget(context, near))
  })
  if (found) return
  const lang = footerLang(context)
  context.report(rule, {
    ...place,
    stage: context.stageAt(place.start),
    lang,
    reason: ruleMessage(context, rule, lang, {law: footerLaw(lang, context.localeFor(lang), '§7704(a)(3), (a)(5)')})
  })
}
