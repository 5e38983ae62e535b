/**
 * Link targets normalised for comparison, so that a P.S. repeating the main
 * link with other tracking parameters counts as the same target.
 */
import {memoize} from '../core/memo.js'

const TRACKING = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|_hsenc|_hsmi|ref|source)$/i

/** The target a link points at, for "is this the same destination?". */
export const normalizeTarget = memoize(normalizeUncached)

function normalizeUncached(url: string): string {
  const trimmed = url.trim()
  let parsed: URL
  try {
    parsed = new URL(trimmed)
  } catch {
    // Relative or odd URLs: compare as written, minus the fragment.
    return trimmed.replace(/#.*$/, '').replace(/\/+$/, '')
  }
  parsed.hash = ''
  for (const key of [...parsed.searchParams.keys()]) if (TRACKING.test(key)) parsed.searchParams.delete(key)
  parsed.searchParams.sort()
  const search = parsed.searchParams.toString()
  const path = parsed.pathname.replace(/\/+$/, '')
  const host = parsed.host.toLowerCase().replace(/^www\./, '')
  return `${parsed.protocol}//${host}${path}${search ? '?' + search : ''}`
}
