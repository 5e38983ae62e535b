import {createRequire} from 'node:module'
import path from 'node:path'
import type kuromoji from 'kuromoji'
import {parseCache} from './dictionary-cache.js'
import type {DictionaryBuffers} from './dictionary-files.js'
import {readDictionary} from './dictionary-read.js'
import {sharedBytes} from './dictionary-share.js'
import {cacheFeatures, type TokenizerInternals} from './dictionary-features.js'
import {IndexedViterbiBuilder, forward, indexTargetMap, type ViterbiClasses} from './dictionary-viterbi.js'

/**
 * Build kuromoji's own Tokenizer from the dictionary's bytes, with less waste than
 * `kuromoji.builder().build()`: the bytes come from the uncompressed cache when
 * there is one (no gunzip), are used in place (no second copy of each file), and
 * the empty 10 MB buffers kuromoji's dictionary constructors allocate are never
 * made. The dictionary structures, and so the tokens, are kuromoji's: the same
 * classes over the same bytes, with three hot loops ported (dictionary-viterbi.ts,
 * dictionary-features.ts); `npx tsx bench/token-identity.ts` compares the tokens.
 */

type Tokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>

export type {DictionarySource} from './dictionary-read.js'
import type {DictionarySource} from './dictionary-read.js'

/** What a load did: the tokenizer, where its bytes came from, the cache file read or written. */
export interface LoadedDictionary {
  tokenizer: Tokenizer
  source: DictionarySource
  cacheFile: string | undefined
}

/** Load the dictionary folder `dicPath` into a kuromoji Tokenizer, through the cache. */
export async function loadDictionary(dicPath: string): Promise<LoadedDictionary> {
  // A worker thread first asks for the bytes its process already holds.
  const shared = await sharedBytes(dicPath)
  const sharedBuffers = shared && parseCache(shared)
  if (sharedBuffers) return {tokenizer: buildTokenizer(sharedBuffers), source: 'shared', cacheFile: undefined}
  const {buffers, source, cacheFile} = await readDictionary(dicPath)
  return {tokenizer: buildTokenizer(buffers), source, cacheFile}
}

interface KuromojiInternals extends ViterbiClasses {
  Tokenizer: new (dictionaries: unknown) => Tokenizer
  DynamicDictionaries: new (trie: unknown, tokenInfo: unknown, costs: unknown, unknown: unknown) => unknown
  TokenInfoDictionary: {prototype: object}
  UnknownDictionary: {prototype: object}
  ConnectionCosts: new (forward: number, backward: number) => {loadConnectionCosts(buffer: Int16Array): void}
  ByteBuffer: new (bytes: Uint8Array) => unknown
  doublearray: {load(base: Int32Array, check: Int32Array): unknown}
}

let internals: KuromojiInternals | undefined

// Required lazily: an English-only run never loads kuromoji's modules.
function kuromojiInternals(): KuromojiInternals {
  if (internals) return internals
  const require = createRequire(import.meta.url)
  const root = path.dirname(require.resolve('kuromoji/package.json'))
  const from = (file: string) => require(path.join(root, 'src', file)) as unknown
  // doublearray is kuromoji's dependency, resolved from kuromoji's folder as kuromoji does.
  const fromKuromoji = createRequire(path.join(root, 'package.json'))
  internals = {
    Tokenizer: from('Tokenizer.js') as KuromojiInternals['Tokenizer'],
    DynamicDictionaries: from('dict/DynamicDictionaries.js') as KuromojiInternals['DynamicDictionaries'],
    TokenInfoDictionary: from('dict/TokenInfoDictionary.js') as KuromojiInternals['TokenInfoDictionary'],
    UnknownDictionary: from('dict/UnknownDictionary.js') as KuromojiInternals['UnknownDictionary'],
    ConnectionCosts: from('dict/ConnectionCosts.js') as KuromojiInternals['ConnectionCosts'],
    ByteBuffer: from('util/ByteBuffer.js') as KuromojiInternals['ByteBuffer'],
    doublearray: fromKuromoji('doublearray') as KuromojiInternals['doublearray'],
    ViterbiNode: from('viterbi/ViterbiNode.js') as KuromojiInternals['ViterbiNode'],
    ViterbiLattice: from('viterbi/ViterbiLattice.js') as KuromojiInternals['ViterbiLattice'],
    SurrogateAwareString: from('util/SurrogateAwareString.js') as KuromojiInternals['SurrogateAwareString']
  }
  return internals
}

/** kuromoji's DictionaryLoader.load + TokenizerBuilder.build, over bytes already in memory. */
export function buildTokenizer(buffers: DictionaryBuffers): Tokenizer {
  const k = kuromojiInternals()
  const base = view(buffers.base, Int32Array)
  const check = view(buffers.check, Int32Array)
  const trie = k.doublearray.load(base, check)

  // Object.create skips the constructors, which allocate two 10 MB buffers each
  // only for the loader to replace them.
  const tokenInfo = Object.create(k.TokenInfoDictionary.prototype) as Record<string, unknown>
  tokenInfo.dictionary = new k.ByteBuffer(buffers.tid)
  tokenInfo.pos_buffer = new k.ByteBuffer(buffers.tid_pos)
  const index = indexTargetMap(buffers.tid_map)
  if (index) {
    // Only kuromoji's own ViterbiBuilder reads target_map, and it is replaced
    // below; anything else that asks gets kuromoji's map, built then.
    let map: Record<number, number[]> | undefined
    Object.defineProperty(tokenInfo, 'target_map', {
      configurable: true,
      enumerable: true,
      get: () => (map ??= readTargetMap(buffers.tid_map)),
      set: (value: Record<number, number[]>) => {
        map = value
      }
    })
  } else tokenInfo.target_map = readTargetMap(buffers.tid_map)

  const costs = new k.ConnectionCosts(0, 0) as InstanceType<KuromojiInternals['ConnectionCosts']> & {buffer: Int16Array; backward_dimension: number}
  costs.loadConnectionCosts(view(buffers.cc, Int16Array))

  const unknown = Object.create(k.UnknownDictionary.prototype) as Record<string, unknown> & {
    loadUnknownDictionaries(...buffers: Array<Uint8Array | Uint32Array>): void
  }
  unknown.character_definition = null
  unknown.loadUnknownDictionaries(
    buffers.unk,
    buffers.unk_pos,
    buffers.unk_map,
    buffers.unk_char,
    view(buffers.unk_compat, Uint32Array),
    buffers.unk_invoke
  )

  const dictionaries = new k.DynamicDictionaries(trie, tokenInfo, costs, unknown)
  const tokenizer = new k.Tokenizer(dictionaries)
  if (index) (tokenizer as unknown as {viterbi_builder: unknown}).viterbi_builder = new IndexedViterbiBuilder(dictionaries as never, index, k, {base, check})
  cacheFeatures(tokenizer as unknown as TokenizerInternals)
  const searcher = (tokenizer as unknown as {viterbi_searcher: {forward: unknown}}).viterbi_searcher
  searcher.forward = forward(costs)
  return tokenizer
}

type View<T> = {new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number}

/** A typed view of the bytes without copying, unless their offset is misaligned for the type. */
function view<T>(bytes: Uint8Array, Type: View<T>): T {
  const size = Type.BYTES_PER_ELEMENT
  const length = Math.floor(bytes.byteLength / size)
  if (bytes.byteOffset % size === 0) return new Type(bytes.buffer, bytes.byteOffset, length)
  return new Type(bytes.slice().buffer, 0, length)
}

/**
 * tid_map.dat: trie id → token info ids, as kuromoji's loadTargetMap reads it
 * (a count, then per key: key, n, n values; little-endian int32), with the same
 * result: a list per key, values in file order, a repeated key appending. Read
 * through a DataView instead of ByteBuffer's byte-by-byte getInt.
 */
export function readTargetMap(bytes: Uint8Array): Record<number, number[]> {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = bytes.byteLength
  // ByteBuffer.getInt reads 0 past the end; so does this.
  const int = (at: number) => (at + 4 <= end ? data.getInt32(at, true) : 0)
  const map: Record<number, number[]> = {}
  let at = 4 // the key count, which the stock loader skips too
  while (at < end) {
    const key = int(at)
    const count = int(at + 4)
    at += 8
    for (let index = 0; index < count; index++, at += 4) {
      const list = map[key]
      if (list) list.push(int(at))
      else map[key] = [int(at)]
    }
  }
  return map
}
