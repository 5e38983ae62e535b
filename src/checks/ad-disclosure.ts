import {documentLang} from '../core/notices.js'
import type {ProseBlock} from '../core/prose.js'
import type {CompiledRule} from '../core/rule-types.js'
import {ruleMessage} from '../cta/report.js'
import type {Lang} from '../lang/script.js'
import {blockSource, wordMatcher, wordsOption} from './footer.js'
import type {Check, CheckContext} from './types.js'

// Disclosure marks that are too short to be plain words: 【PR】, [PR], #PR, PR:,
// "#ad", "[Ad]", "Ad:" (a bare "PR" or "ad" inside prose is not a disclosure).
const MARKS = /[【\[［(（]\s*(?:PR|広告|AD|Ad|ad|Sponsored|sponsored|スポンサー|提供)\s*[】\]］)）]|#(?:PR|ad|sponsored|affiliate|広告|プロモーション)\b|(?:^|\s)(?:PR|Ad|AD)\s*[:：]/u
const URL = /https?:\/\/[^\s<>"'()\]）」]+/giu

/** An affiliate link or a sponsored mention found in a block: source offsets of what is flagged. */
interface AffiliateLink {
  block: number
  kind: 'link' | 'mention'
  start: number
  end: number
}

/**
 * `ad-disclosure` (景品表示法 第5条第3号の告示「一般消費者が事業者の表示であることを判別することが困難である表示」,
 * in force 2023-10-01, and 消費者庁's 運用基準; FTC Endorsement Guides, 16 CFR Part 255):
 * an affiliate link (known hosts, and hosts with an affiliate parameter such as
 * Amazon's `tag=`) with no disclosure (PR, 広告, "affiliate link", "I earn a
 * commission") near the top of the document or near the link (its block, or the
 * block before or after). One message per undisclosed link, on its text.
 */
export const adDisclosure: Check = (context, rule) => {
  const found = [...affiliateLinks(context, rule), ...sponsoredMentions(context, rule)].sort((a, b) => a.start - b.start)
  if (found.length === 0) return
  const words = wordMatcher(wordsOption(rule, 'disclosures'))
  const discloses = (block: ProseBlock | undefined) => !!block && (MARKS.test(block.text) || !!words?.test(block.text))
  const top = typeof rule.options?.topBlocks === 'number' ? rule.options.topBlocks : 3
  if (context.blocks.slice(0, top).some(discloses)) return
  for (const item of found) {
    if ([item.block - 1, item.block, item.block + 1].some((index) => discloses(context.blocks[index]))) continue
    const actual = context.source.slice(item.start, item.end)
    const lang = documentLang(actual) === 'ja' || documentLang(context.blocks[item.block]!.text) === 'ja' ? 'ja' : 'en'
    const what = kindName(rule, item.kind, context.localeFor(lang))
    context.report(rule, {start: item.start, end: item.end, stage: context.stageAt(item.start), lang, reason: ruleMessage(context, rule, lang, {actual, what})})
  }
}

/** The name of what was found, from the rule's `kinds` option (an affiliate link, a sponsored mention). */
function kindName(rule: CompiledRule, kind: AffiliateLink['kind'], lang: Lang): string {
  const names = rule.options?.kinds as Record<string, Partial<Record<Lang, string>>> | undefined
  return names?.[kind]?.[lang] ?? kind
}

/**
 * Sponsored mentions without a link: a gifted product, a referral or discount
 * code given out (「ご提供いただきました」, 紹介コード, "use my code", "gifted"). The
 * wording is data (the `mentions` option); the flagged span is the wording.
 */
function sponsoredMentions(context: CheckContext, rule: CompiledRule): AffiliateLink[] {
  const matcher = wordMatcher(wordsOption(rule, 'mentions'))
  if (!matcher) return []
  const every = new RegExp(matcher.source, 'giu')
  const found: AffiliateLink[] = []
  context.blocks.forEach((block, index) => {
    for (const match of block.text.matchAll(every)) {
      if (!match[0]) continue
      found.push({block: index, kind: 'mention', start: block.origin[match.index]!, end: block.originEnd[match.index + match[0].length - 1]!})
    }
  })
  return found
}

/** Affiliate links of the document: link targets, and bare URLs written in the text. */
function affiliateLinks(context: CheckContext, rule: CompiledRule): AffiliateLink[] {
  const hosts = wordsOption(rule, 'hosts').map((host) => host.toLowerCase())
  const hostParams = wordsOption(rule, 'hostParams').map((entry) => {
    const [host, param] = entry.toLowerCase().split('?')
    return {host: host!, param: param ?? ''}
  })
  const isAffiliate = (target: string): boolean => {
    let url: URL
    try {
      url = new globalThis.URL(target.trim())
    } catch {
      return false
    }
    const host = url.hostname.toLowerCase()
    const on = (domain: string) => host === domain || host.endsWith('.' + domain)
    if (hosts.some(on)) return true
    return hostParams.some(({host: domain, param}) => on(domain) && url.searchParams.has(param))
  }
  const found: AffiliateLink[] = []
  context.blocks.forEach((block, index) => {
    const targets = new Set<string>()
    for (const link of block.links) {
      targets.add(link.url.trim())
      if (link.end > link.start && isAffiliate(link.url)) {
        found.push({block: index, kind: 'link', start: block.origin[link.start]!, end: block.originEnd[link.end - 1]!})
      }
    }
    // Autolinks and URLs written out (plain text, <https://…>) are not link text: flag the URL itself.
    const source = blockSource(context, block)
    for (const match of source.matchAll(URL)) {
      if (targets.has(match[0]) || !isAffiliate(match[0])) continue
      const start = block.start + match.index
      if (found.some((link) => start >= link.start && start < link.end)) continue
      found.push({block: index, kind: 'link', start, end: start + match[0].length})
    }
  })
  return found
}
