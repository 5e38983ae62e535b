import {ctaInventory, isReadingAsk} from '../cta/inventory.js'
import {ruleMessage} from '../cta/report.js'
import {confidentVersion} from '../cta/rewrite.js'
import type {Check} from './types.js'

// "Feel free" / お気軽に on a free step is reassurance, not a hedge: in
// acquisition content it lowers a real barrier honestly (docs/rules/weak-cta.md).
const REASSURANCE = /気軽|feel free/iu

// A reason or concession clause before the ask (「少人数の会ですので、」「席はまだありますから、」,
// "Since the room is small, …"):
// it states facts, the hedge belongs to the ask that follows.
const REASON = /(?:ので|から|けど|けれど|ですが|ますが)[、，,]\s*|^\s*(?:since|because|as)\b[^,.;]*,\s*/giu

/** Where the hedged ask starts when a reason clause comes first in its sentence; undefined otherwise. */
function afterReason(source: string, start: number, hedgeStart: number): number | undefined {
  let found: number | undefined
  for (const match of source.slice(start, hedgeStart).matchAll(REASON)) found = start + match.index + match[0].length
  return found
}

// Where the reader can look, said as a fact: ご確認いただけます, ご覧になれます, "you can read".
const WHERE_TO_READ = /(?:いただけ|でき|になれ)ます[。．.]?\s*$|\byou can (?:also )?(?:read|see|find|view|look|check|browse)\b/iu

/**
 * The end of a sentence without a last line that is only a URL: plain-text
 * mail puts the address under the asking line, and the sentence splitter, seeing
 * no capital after the full stop, keeps them together.
 */
function withoutUrlLine(source: string, start: number, end: number): number {
  const text = source.slice(start, end)
  const cut = text.lastIndexOf('\n')
  if (cut < 0 || !/^\s*<?(?:https?:\/\/|mailto:|www\.)\S+>?\s*$/iu.test(text.slice(cut + 1))) return end
  return start + text.slice(0, cut).trimEnd().length
}

/**
 * `weak-cta`: a call to action whose sentence hedges the ask (もしよろしければ,
 * ご検討ください, "if you want", "feel free to"). One message per sentence, on
 * the whole sentence, with the confident version of it in `expected`.
 */
export const weakCta: Check = (context, rule) => {
  const seen = new Set<number>()
  for (const section of ctaInventory(context).sections) {
    for (const cta of section.ctas) {
      const hedges = cta.stage === 'acquisition' ? cta.hedges.filter((hedge) => !REASSURANCE.test(hedge.text)) : cta.hedges
      if (hedges.length === 0) continue
      // In acquisition content the opt-in and getting in touch (lead capture) must be
      // confident; a soft invitation to read or look (ご興味ある方はぜひご覧ください) is the
      // trust-safe form there.
      if (cta.stage === 'acquisition' && isReadingAsk(cta)) continue
      // Beside a primary ask, a statement of where the details can be read (詳しい内容は申込ページで
      // ご確認いただけます, "you can read the syllabus on the course page") is not the call to action,
      // in any stage; a hedged order to look ("Maybe check out the course") still is.
      const told = cta.sentence?.text ?? cta.text
      if (!cta.primary && isReadingAsk(cta) && WHERE_TO_READ.test(told) && section.ctas.some((other) => other.primary)) continue
      const sentence = cta.sentence ?? {text: cta.text, start: cta.position.start.offset, end: cta.position.end.offset}
      // A sentence that opens with a link starts at its text: take the bracket too, so the finding is balanced Markdown.
      const close = context.source.indexOf('](', sentence.start)
      const opened = context.source[sentence.start - 1] === '[' && close >= 0 && close < sentence.end
      const start = afterReason(context.source, sentence.start, hedges[0]!.start) ?? (opened ? sentence.start - 1 : sentence.start)
      const place = {start, end: withoutUrlLine(context.source, sentence.start, sentence.end)}
      if (seen.has(place.start)) continue
      seen.add(place.start)
      const actual = context.source.slice(place.start, place.end)
      const better = confidentVersion(actual, cta.lang)
      context.report(rule, {
        start: place.start,
        end: place.end,
        stage: cta.stage,
        lang: cta.lang,
        reason: ruleMessage(context, rule, cta.lang, {actual, hedge: hedges.map((hedge) => hedge.text).join(context.localeFor(cta.lang) === 'ja' ? '」「' : '”, “')}),
        ...(better ? {expected: [better]} : {})
      })
    }
  }
}
