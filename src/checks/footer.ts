/**
 * What the footer rules (`sender-identity`, `unsubscribe`) share: the place of
 * a "missing" finding, ESP placeholders, and the text, links and addresses of
 * prose blocks. Everything works on ProseBlock[] and the document source, never
 * on Markdown nodes, so HTML and .eml bodies are read the same way.
 */
import type {ProseBlock} from '../core/prose.js'
import type {CompiledRule} from '../core/rule-types.js'
import {documentLang} from '../core/notices.js'
import type {Lang} from '../lang/script.js'
import type {CheckContext} from './types.js'

/** What an ESP placeholder stands for once the service fills it in. */
export type PlaceholderKind = 'unsubscribe' | 'address' | 'name' | 'contact'

/**
 * Placeholder syntaxes of email services: Mailchimp `*|UNSUB|*`, SendGrid
 * `<%asm_group_unsubscribe_raw_url%>` and its bare `<% %>`, Liquid/Handlebars
 * `{{ unsubscribe_url }}` and `{% unsubscribe_link %}` (Buttondown, Dittofeed, Mailcoach, Plunk…),
 * `%%unsubscribe%%`, Mailgun `%unsubscribe_url%`, Mailcoach `::unsubscribeUrl::`, Campaign Monitor
 * `[unsubscribe]` and `<unsubscribe>`, bracket and brace tokens (`[UNSUBSCRIBE_URL]`,
 * `[*link.unsub_url*]`, `{UNSUBSCRIBE_URL}`). The captured name is classified by the rule's
 * `placeholders` option (data), so a `[word]` or `{word}` that names nothing counts for nothing.
 */
const PLACEHOLDER =
  /\*\|([A-Za-z0-9_:]{1,60})\|\*|<%\s?([A-Za-z0-9_.]{0,60})\s?%>|\{\{\s*([A-Za-z0-9_.]{1,60})[^{}]{0,40}\}\}|\{%-?\s*([A-Za-z0-9_]{1,60})[^{}%]{0,40}%\}|%%([A-Za-z0-9_.]{1,60})%%|%([a-z]+(?:_[a-z]+)+)%|::([A-Za-z]{1,60})::|<(unsubscribe)\b|\[\*?([A-Za-z][A-Za-z0-9_.:]{0,40})\*?\]|\{([A-Za-z][A-Za-z0-9_]{0,40})\}/gu

/** Kinds of the ESP placeholders in the document source (also those inside an href). */
export function placeholderKinds(source: string, rule: CompiledRule): Set<PlaceholderKind> {
  const words = (rule.options?.placeholders ?? {}) as Partial<Record<PlaceholderKind, string[]>>
  const kinds = new Set<PlaceholderKind>()
  for (const match of source.matchAll(PLACEHOLDER)) {
    const name = match.slice(1).find((group) => group !== undefined)!.toLowerCase().replace(/[^a-z0-9]/g, '')
    // SendGrid's bare `<% %>` is its subscription-tracking (unsubscribe) tag.
    if (name === '' && match[0].startsWith('<%')) {
      kinds.add('unsubscribe')
      continue
    }
    // The recipient's own address ({{email_address}}) is not the sender's.
    if (name.includes('email')) continue
    for (const kind of Object.keys(words) as PlaceholderKind[]) {
      if (words[kind]!.some((word) => name.includes(word.toLowerCase().replace(/[^a-z0-9]/g, '')))) kinds.add(kind)
    }
  }
  return kinds
}

/**
 * The language whose law the footer answers to: the main language of the
 * document's prose (not of its source, which for HTML email is mostly markup).
 */
export function footerLang(context: CheckContext): Lang {
  return documentLang(context.blocks.length > 0 ? context.blocks.map((block) => block.text).join('\n') : context.source)
}

/**
 * Where a "missing" finding goes: the last character of the document (not
 * trailing white space), so it is one message at the end, never one per block.
 */
export function endOfDocument(source: string): {start: number; end: number} | undefined {
  let end = source.length
  while (end > 0 && /\s/.test(source[end - 1]!)) end--
  if (end === 0) return
  // A trailing character reference (&#x1F525;, &nbsp;) is one character: never cut it in half.
  const reference = REFERENCE_AT_END.exec(source.slice(Math.max(0, end - 40), end))
  if (reference) return {start: end - reference[0].length, end}
  // A surrogate pair is one character; a lone half is one of its own.
  const low = source.charCodeAt(end - 1)
  const high = end >= 2 ? source.charCodeAt(end - 2) : 0
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff
  return {start: pair ? end - 2 : end - 1, end}
}

const REFERENCE_AT_END = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});$/

/** The source of a block (its raw text, with link targets and HTML attributes). */
export function blockSource(context: CheckContext, block: ProseBlock): string {
  return context.source.slice(block.start, block.end)
}

/** A URL or an email address in source text. */
// Bounded parts: an unbounded local part would rescan a long run of word characters from every start.
export const TARGET = /https?:\/\/|mailto:|\bwww\.[a-z0-9-]{1,63}\.|[\w.+-]{1,64}@[\w-]{1,63}\.[\w-]/iu

/** Does the block carry a link, a URL or an email address (written out or as a link target)? */
export function hasTarget(context: CheckContext, block: ProseBlock): boolean {
  return block.links.some((link) => link.url.trim() !== '') || TARGET.test(blockSource(context, block))
}

/** A case-insensitive matcher for a list of plain words (data from the rule's options). */
export function wordMatcher(words: readonly string[]): RegExp | undefined {
  const escaped = words.filter((word) => word.trim()).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*'))
  return escaped.length > 0 ? new RegExp(escaped.join('|'), 'iu') : undefined
}

/** A rule option holding a list of words per language. */
export function wordsOption(rule: CompiledRule, name: string, lang?: Lang): string[] {
  const value = rule.options?.[name]
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
  if (value && typeof value === 'object') {
    const lists = value as Partial<Record<Lang, unknown>>
    const pick = lang ? [lists[lang]] : [lists.ja, lists.en]
    return pick.flatMap((list) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []))
  }
  return []
}

/** The law a footer finding names: Japan's for a Japanese document, CAN-SPAM (with its sections) otherwise. */
export function footerLaw(lang: Lang, locale: Lang, canSpam: string): string {
  if (lang === 'ja') return locale === 'ja' ? '特定電子メール法 第4条・同施行規則' : 'the Japanese Act on Specified Electronic Mail, Art. 4 and its ordinance'
  return locale === 'ja' ? `米国 CAN-SPAM 法 15 U.S.C. ${canSpam}` : `CAN-SPAM, 15 U.S.C. ${canSpam}`
}
