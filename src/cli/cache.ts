import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import type {PlainMessage} from './serialize.js'
import {ENGINE_KEY} from './version.js'
import {writeAtomic} from './write-atomic.js'

interface CacheEntry {
  content: string
  config: string
  messages: PlainMessage[]
}

interface CacheData {
  engine: string
  files: Record<string, CacheEntry>
}

/** Default cache file, in the working folder (add it to .gitignore). */
export const DEFAULT_CACHE_LOCATION = '.trustlintcache'

/** A hash of a file's decoded text. */
export function contentHash(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

/**
 * The lint cache: findings per file, valid while the file's content hash, its
 * effective config hash and trustlint's version (with its rule set) are the same.
 */
export class LintCache {
  private data: CacheData = {engine: ENGINE_KEY, files: {}}
  private readonly seen = new Set<string>()
  /** Only a run that linted something rewrites the cache file. */
  private dirty = false

  private constructor(readonly location: string) {}

  /** Load the cache file; a missing, unreadable or outdated one starts empty. */
  static async open(location: string): Promise<LintCache> {
    const cache = new LintCache(location)
    try {
      const data = JSON.parse(await readFile(location, 'utf8')) as CacheData
      if (data.engine === ENGINE_KEY && data.files && typeof data.files === 'object') cache.data = data
      else cache.dirty = true
    } catch {
      // No cache yet, or a broken one: start empty (and write it).
      cache.dirty = true
    }
    return cache
  }

  get(file: string, content: string, config: string): PlainMessage[] | undefined {
    const entry = this.data.files[file]
    this.seen.add(file)
    return entry && entry.content === content && entry.config === config ? entry.messages : undefined
  }

  set(file: string, content: string, config: string, messages: PlainMessage[]) {
    this.seen.add(file)
    this.data.files[file] = {content, config, messages}
    this.dirty = true
  }

  /** Write atomically (temp file, then rename), so an interrupted run never leaves half a cache. */
  async save(): Promise<void> {
    if (!this.dirty) return
    const sorted: Record<string, CacheEntry> = {}
    for (const key of Object.keys(this.data.files).sort()) sorted[key] = this.data.files[key]!
    await writeAtomic(this.location, JSON.stringify({engine: ENGINE_KEY, files: sorted}))
  }
}
