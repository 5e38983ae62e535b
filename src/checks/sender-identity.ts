import {ruleMessage} from '../cta/report.js'
import type {ProseBlock} from '../core/prose.js'
import type {Lang} from '../lang/script.js'
import {blockSource, endOfDocument, footerLaw, footerLang, placeholderKinds, wordMatcher, wordsOption, type PlaceholderKind} from './footer.js'
import type {Check, CheckContext} from './types.js'

type Item = Exclude<PlaceholderKind, 'unsubscribe'>
const ITEMS: readonly Item[] = ['name', 'address', 'contact']

// Shapes that words alone cannot express; the labels and legal-form words are data (rules/sender-identity.yml).
const SHAPES: Record<Item, RegExp[]> = {
  name: [
    // © 2026 Example Inc. / Copyright Example
    /(?:©|\(c\)|copyright)\s{0,3}(?:\d{4}\s{0,3})?\S/iu
  ],
  address: [
    // 〒150-0001; 東京都渋谷区…, 大阪府大阪市…, 北海道札幌市…
    /〒\s?\d{3}[-‐－ー]?\d{4}/u,
    /(?:東京都|北海道|(?:京都|大阪)府|\p{Script=Han}{2,3}県)\p{Script=Han}{1,6}[市区町村郡]/u,
    // 123 Main Street, 55 Example Ave, Suite 400
    /\b\d{1,6}\s{1,3}(?:[A-Z0-9][\w.'-]{0,30}\s{1,3}){0,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Suite|Ste|Square|Sq|Parkway|Pkwy|Highway|Hwy)\b/u,
    // PO Box 123
    /\bP\.?\s?O\.?\s{1,3}Box\s{1,3}\d/iu,
    // State and ZIP: CA 94105, NY 10001-1234
    /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/u
  ],
  contact: [
    // An email address, written out or as mailto:.
    /[\w.+-]{1,64}@[\w-]{1,63}\.[\w-]|mailto:/iu,
    // Telephone numbers: 03-1234-5678, 0120-123-456, (555) 123-4567, +1 555 123 4567
    /\b0\d{1,4}[-‐－]\d{1,4}[-‐－]\d{3,4}\b|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\+\d{1,3}[\s-]\d[\d\s-]{7,20}\d/u
  ]
}

/**
 * `sender-identity` (特定電子メール法 第4条 and its 施行規則; CAN-SPAM
 * 15 U.S.C. §7704(a)(5)): an email must show who sends it, a postal address and
 * an inquiry contact. Which items are required depends on the document's
 * language (`required` option: Japanese law asks for all three, CAN-SPAM for
 * the postal address). What is missing is one message on the document's last
 * character, naming the items and the law.
 */
export const senderIdentity: Check = (context, rule) => {
  if (!context.email || context.footerByService) return
  const place = endOfDocument(context.source)
  if (!place) return
  const lang = footerLang(context)
  const required = wordsOption(rule, 'required', lang).filter((item): item is Item => (ITEMS as readonly string[]).includes(item))
  if (required.length === 0) return
  const placeholders = placeholderKinds(context.source, rule)
  const missing = required.filter((item) => !placeholders.has(item) && !present(context, rule, item))
  if (missing.length === 0) return
  const locale = context.localeFor(lang)
  const names = wordsOption(rule, locale === 'ja' ? 'itemNamesJa' : 'itemNamesEn')
  const label = (item: Item) => names[ITEMS.indexOf(item)] ?? item
  context.report(rule, {
    ...place,
    stage: context.stageAt(place.start),
    lang,
    reason: ruleMessage(context, rule, lang, {
      missing: missing.map(label).join(locale === 'ja' ? '、' : ', '),
      law: footerLaw(lang, locale, '§7704(a)(5)')
    })
  })
}


/**
 * Is the item shown anywhere in the document's prose (labels and shapes), or as a labelled link?
 * In a saved email the From header's display name is shown on the reader's screen, which is
 * where 特定電子メール法 第4条 asks the name to be shown, so it counts as the name.
 */
function present(context: CheckContext, rule: Parameters<Check>[1], item: Item): boolean {
  if (item === 'name' && context.file.data.trustlintSenderName) return true
  const labels = wordMatcher(wordsOption(rule, item + 'Words'))
  const links = wordMatcher(wordsOption(rule, item + 'Links'))
  for (const block of context.blocks) {
    const text = block.text
    if (labels?.test(text)) return true
    if (SHAPES[item].some((shape) => shape.test(text) || (item === 'contact' && shape.test(blockSource(context, block))))) return true
    // 住所は「会社概要」へのリンクでもよい (a link to it counts in Japan); a "Contact us" link is an inquiry contact.
    if (links && linked(block, links)) return true
  }
  return false
}

function linked(block: ProseBlock, words: RegExp): boolean {
  return block.links.some((link) => link.url.trim() !== '' && (words.test(block.text.slice(link.start, link.end)) || words.test(link.url)))
}
