import {createRequire} from 'node:module'
import path from 'node:path'
import type kuromoji from 'kuromoji'
import {loadDictionary} from './dictionary-loader.js'

/** One IPADIC token as kuromoji returns it. */
export type KuromojiToken = kuromoji.IpadicFeatures

/** The part of kuromoji's tokenizer trustlint uses. */
export interface JapaneseTokenizer {
  tokenize(text: string): KuromojiToken[]
}

/** Environment variable that points at a kuromoji dictionary folder. */
export const DICT_ENV = 'TRUSTLINT_KUROMOJI_DICT'

/** Raised when the dictionary cannot be loaded; the next call tries again. */
export class DictionaryLoadError extends Error {
  constructor(dicPath: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    super(
      `Could not load the Japanese dictionary (kuromoji IPADIC) from ${dicPath}: ${detail}. ` +
        `Set the dictPath option or ${DICT_ENV} to a folder holding kuromoji's *.dat.gz files.`,
      {cause}
    )
    this.name = 'DictionaryLoadError'
  }
}

/** The dictionary shipped in the kuromoji package. */
export function defaultDictPath(): string {
  const require = createRequire(import.meta.url)
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict')
}

/** Resolve the dictionary folder: option, then environment, then the package. */
export function resolveDictPath(option?: string): string {
  return option || process.env[DICT_ENV] || defaultDictPath()
}

// One load per process and dictionary path, shared by the ESM and CJS builds
// (both see the same global symbol) and by concurrent first calls. A failed
// load is dropped from the cache so that the next call retries it.
const CACHE_KEY = Symbol.for('trustlint.kuromoji.tokenizers')
type Cache = Map<string, Promise<JapaneseTokenizer>>
const globalStore = globalThis as typeof globalThis & {[CACHE_KEY]?: Cache}
const cache: Cache = (globalStore[CACHE_KEY] ??= new Map())

/** Load (once) and return the kuromoji tokenizer for a dictionary folder. */
export function loadTokenizer(dictPath?: string): Promise<JapaneseTokenizer> {
  const dicPath = resolveDictPath(dictPath)
  const cached = cache.get(dicPath)
  if (cached) return cached
  // kuromoji's tokenizer over its own dictionary structures, loaded through an
  // uncompressed cache (see dictionary-loader.ts): about twice as fast as
  // kuromoji.builder().build(), same tokens.
  const loading = loadDictionary(dicPath).then(
    (loaded) => loaded.tokenizer as JapaneseTokenizer,
    (error: unknown) => {
      throw new DictionaryLoadError(dicPath, error)
    }
  )
  cache.set(dicPath, loading)
  loading.catch(() => {
    if (cache.get(dicPath) === loading) cache.delete(dicPath)
  })
  return loading
}
