/**
 * Offers: what an ask is for, so that asks can be told apart as one offer or
 * as competing ones (docs/cta-inventory.md, "Offers"). An ask with a link is
 * for its target; asks listed under one asking line share that line's offer
 * (formats or plans of one product); an ask without a link is for its kind of
 * action: taking the offer (buy, join, register, 申し込む…), supporting
 * (sponsor, donate, 応援), contributing (volunteer, speak, 登壇) or spreading
 * the word (review, share, 紹介). Reading, viewing and contact asks are not
 * primary and never compete.
 */
import type {AskAnalysis} from './analysis.js'
import {EN_ACTION_CLASSES} from './ask-en.js'
import {JA_ACTION_CLASSES} from './ask-ja.js'

/** The class of action an ask requests: `take`, `support`, `contribute`, `share`, or `contact` (never primary). */
export function actionClass(ask: AskAnalysis): string {
  const lemma = ask.lemma ?? ''
  const object = (ask.specific?.text ?? '').toLowerCase()
  // "Leave a comment" asks for a reply, "leave a review" spreads the word.
  if (lemma === 'leave' && /comment|note|message|question/.test(object)) return 'contact'
  // "Buy me a coffee", Ko-fi, tips: a donation in the words of a purchase.
  if (/\bcoffee\b|ko-?fi|\btips?\b|patreon/.test(object)) return 'support'
  if (lemma === 'become') {
    if (/sponsor|patron|supporter|backer|donor/.test(object)) return 'support'
    if (/volunteer|speaker|contributor|mentor/.test(object)) return 'contribute'
    return 'take'
  }
  if (Object.hasOwn(EN_ACTION_CLASSES, lemma)) return EN_ACTION_CLASSES[lemma]!
  if (Object.hasOwn(JA_ACTION_CLASSES, lemma)) return JA_ACTION_CLASSES[lemma]!
  // スポンサーに申し込む, 登壇者に応募する: the object names the class when the verb is general.
  for (const [noun, kind] of Object.entries(JA_ACTION_CLASSES)) if (object.includes(noun.toLowerCase())) return kind
  return 'take'
}

/** The offer key of an ask without a link. */
export function actionOffer(ask: AskAnalysis): string {
  return `action:${actionClass(ask)}`
}
