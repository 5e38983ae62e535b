import path from 'node:path'
import {cacheFolders, cacheName, readCache, writeCache} from './dictionary-cache.js'
import {readCompressedDictionary, type DictionaryBuffers} from './dictionary-files.js'

/** Where the bytes came from, for the benchmarks and tests ('shared': another thread's, see dictionary-share.ts). */
export type DictionarySource = 'cache' | 'gzip' | 'shared'

/**
 * The dictionary's bytes: from the cache file when there is a good one (read into
 * memory from `allocate`), else gunzipped from the `.dat.gz` files, which then fill the cache.
 */
export async function readDictionary(
  dicPath: string,
  allocate?: (size: number) => Uint8Array
): Promise<{buffers: DictionaryBuffers; source: DictionarySource; cacheFile: string | undefined}> {
  const folders = cacheFolders()
  const name = folders.length ? cacheName(dicPath) : undefined
  if (name) {
    for (const folder of folders) {
      const cached = await readCache(path.join(folder, name), allocate)
      if (cached) return {buffers: cached, source: 'cache', cacheFile: path.join(folder, name)}
    }
  }
  const buffers = await readCompressedDictionary(dicPath)
  const cacheFile = name ? writeCache(folders, name, buffers) : undefined
  return {buffers, source: 'gzip', cacheFile}
}
