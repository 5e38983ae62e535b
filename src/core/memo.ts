/**
 * Remember the results of a pure function of one string. A run meets the same link
 * targets again and again (newsletter footers), and parsing a URL costs more than
 * everything else done with it. Bounded, so a long-lived process (a dev server with
 * the remark plugin) keeps at most `limit` entries: when full, it starts over.
 */
export function memoize<T>(fn: (key: string) => T, limit = 4096): (key: string) => T {
  const cache = new Map<string, T>()
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T
    const value = fn(key)
    if (cache.size >= limit) cache.clear()
    cache.set(key, value)
    return value
  }
}
