/**
 * Links that are not calls to action: unsubscribe and preference links,
 * social profiles, legal and footer links. They are recognised by their
 * target or by their text and the clause around it (配信停止は[こちら]).
 * Contact (mailto:), in-page anchors and inline citations are decided in the
 * inventory, because they depend on whether the text asks.
 */
import {memoize} from '../core/memo.js'
import type {NonAskKind} from './types.js'

const UNSUBSCRIBE_URL = /unsubscribe|unsub\b|opt[-_]?out|optout|haishin[-_]?teishi/i
const UNSUBSCRIBE_TEXT =
  /配信停止|配信解除|購読解除|登録解除|購読停止|メール(?:の)?(?:配信)?(?:を)?(?:停止|解除)|unsubscribe|opt[- ]?out|stop receiving|no longer (?:wish|want) to receive/i
const PREFERENCES_URL = /preferences|manage[-_]?(?:subscription|email|preferences)|email[-_]?settings|update[-_]?profile|profile\/edit/i
const PREFERENCES_TEXT =
  /配信設定|メール設定|受信設定|配信(?:先|アドレス)(?:の)?変更|登録情報(?:の)?変更|preferences|manage (?:your )?(?:subscription|email)|update (?:your )?profile|change (?:your )?(?:email )?settings/i
const LEGAL_URL = /privacy|\/terms|\/legal|tokushoho|tokutei|\/law\b|imprint|cookie|disclaimer|\/company\b|\/about\b/i
const LEGAL_TEXT =
  /特定商取引法|特商法|プライバシー|個人情報|利用規約|規約|会社概要|運営会社|運営者情報|免責|privacy|terms of (?:service|use)|\bterms\b|legal|imprint|cookie|disclaimer|view (?:this email |it )?in (?:your )?browser|web ?版|ブラウザで(?:見る|表示|閲覧|読む)/i
const SOCIAL_HOSTS = new Set([
  'twitter.com', 'x.com', 'facebook.com', 'fb.com', 'instagram.com', 'linkedin.com', 'youtube.com', 'tiktok.com',
  'threads.net', 'bsky.app', 'pinterest.com', 'mastodon.social', 'note.com', 'ameblo.jp'
])
const SOCIAL_TEXT = /^(?:twitter|x|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|note|pinterest)$|フォロー|follow (?:us|me)/i

/**
 * Why a link is not an ask, or undefined when it may be one. `clause` is the
 * text around the link up to the nearest clause boundary; it is passed only
 * when the link text itself says nothing (配信停止は[こちら]), so that a real
 * ask next to a legal note (利用規約に同意のうえ[申し込む]) is not set aside.
 */
export function nonAskKind(text: string, url: string | undefined, clause = ''): NonAskKind | undefined {
  const target = url ?? ''
  if (UNSUBSCRIBE_URL.test(target) || UNSUBSCRIBE_TEXT.test(text) || UNSUBSCRIBE_TEXT.test(clause)) return 'unsubscribe'
  if (PREFERENCES_URL.test(target) || PREFERENCES_TEXT.test(text) || PREFERENCES_TEXT.test(clause)) return 'preferences'
  if (isSocialProfile(target) || SOCIAL_TEXT.test(text.trim())) return 'social'
  if (LEGAL_URL.test(pathOf(target)) || LEGAL_TEXT.test(text) || LEGAL_TEXT.test(clause)) return 'legal'
  return undefined
}

/** A profile page on a social network (a post or video page may still be an ask: "Watch the replay"). */
const isSocialProfile = memoize((url: string): boolean => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  const host = parsed.host.toLowerCase().replace(/^(?:www|m|mobile)\./, '')
  if (!SOCIAL_HOSTS.has(host)) return false
  const segments = parsed.pathname.split('/').filter(Boolean)
  if (segments.length === 0) return true
  // youtube.com/watch?v=…, instagram.com/p/…, x.com/i/… are content, not profiles.
  if (/^(?:watch|shorts|playlist|live|events|reel|reels|p|posts|hashtag|search|share|i|status)$/i.test(segments[0]!)) return false
  return segments.length === 1 || /^(?:in|company|channel|c|user|@[^/]+)$/.test(segments[0]!)
})

const pathOf = memoize((url: string): string => {
  try {
    const parsed = new URL(url)
    return parsed.pathname + parsed.search
  } catch {
    return url
  }
})
