import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {parseCache, readCache, serializeCache, writeCache} from '../src/lang/ja/dictionary-cache.js'
import {DICTIONARY_FILES, type DictionaryBuffers} from '../src/lang/ja/dictionary-files.js'
import {readTargetMap} from '../src/lang/ja/dictionary-loader.js'
import {indexTargetMap} from '../src/lang/ja/dictionary-viterbi.js'

// The uncompressed dictionary cache and the tid_map readers, on small synthetic
// buffers (no dictionary load here). That the loader's tokens equal kuromoji's
// over the whole benchmark corpus is proved by `npx tsx bench/token-identity.ts`.

const temp = mkdtempSync(path.join(os.tmpdir(), 'trustlint-dict-test-'))
afterAll(() => rmSync(temp, {recursive: true, force: true}))

function fakeBuffers(): DictionaryBuffers {
  // Odd lengths, so that the 8-byte alignment of every section is exercised.
  return Object.fromEntries(
    DICTIONARY_FILES.map((name, index) => [name, Uint8Array.from({length: 5 + index * 3}, (_, at) => (at * 7 + index) & 0xff)])
  ) as DictionaryBuffers
}

/** A tid_map.dat: key count, then key, n, values (little-endian int32), then zero padding as kuromoji leaves it. */
function tidMap(entries: Array<[number, number[]]>, padding = 8): Uint8Array {
  const ints = [entries.length, ...entries.flatMap(([key, values]) => [key, values.length, ...values])]
  const bytes = new Uint8Array(ints.length * 4 + padding)
  const view = new DataView(bytes.buffer)
  ints.forEach((value, index) => view.setInt32(index * 4, value, true))
  return bytes
}

describe('the dictionary cache file', () => {
  it('round-trips every file, byte for byte, at aligned offsets', () => {
    const buffers = fakeBuffers()
    const parts = serializeCache(buffers)
    const joined = new Uint8Array(Buffer.concat(parts))
    const parsed = parseCache(joined)!
    for (const name of DICTIONARY_FILES) {
      expect([...parsed[name]], name).toEqual([...buffers[name]])
      expect(parsed[name].byteOffset % 8, name).toBe(0)
    }
  })

  it('is rejected when truncated or not a cache file', async () => {
    const joined = new Uint8Array(Buffer.concat(serializeCache(fakeBuffers())))
    expect(parseCache(joined.subarray(0, joined.length - 1))).toBeUndefined()
    expect(parseCache(new TextEncoder().encode('not a dictionary cache'))).toBeUndefined()
    const file = path.join(temp, 'broken.bin')
    writeFileSync(file, joined.subarray(0, 40))
    expect(await readCache(file)).toBeUndefined()
    expect(await readCache(path.join(temp, 'missing.bin'))).toBeUndefined()
  })

  it('is written whole under its name, with no temporary file left, and read back', async () => {
    const folder = path.join(temp, 'cache')
    const written = writeCache([folder], 'kuromoji-test.bin', fakeBuffers())
    expect(written).toBe(path.join(folder, 'kuromoji-test.bin'))
    expect(readdirSync(folder)).toEqual(['kuromoji-test.bin'])
    const read = (await readCache(written!))!
    expect([...read.tid_map]).toEqual([...fakeBuffers().tid_map])
  })

  it('falls through to the next folder when one cannot be written', () => {
    const notAFolder = path.join(temp, 'file')
    writeFileSync(notAFolder, '')
    const written = writeCache([path.join(notAFolder, 'cache'), path.join(temp, 'second')], 'kuromoji-test.bin', fakeBuffers())
    expect(written).toBe(path.join(temp, 'second', 'kuromoji-test.bin'))
  })
})

describe('tid_map readers', () => {
  const require = createRequire(import.meta.url)
  const root = path.dirname(require.resolve('kuromoji/package.json'))
  const TokenInfoDictionary = require(path.join(root, 'src/dict/TokenInfoDictionary.js')) as new () => {
    loadTargetMap(bytes: Uint8Array): void
    target_map: Record<number, number[]>
  }
  const kuromojiMap = (bytes: Uint8Array) => {
    const dictionary = new TokenInfoDictionary()
    dictionary.loadTargetMap(bytes)
    return dictionary.target_map
  }

  it('read the same map as kuromoji, repeated keys and padding included', () => {
    const bytes = tidMap([
      [0, [11]],
      [3, [12, 13]],
      [3, [14]],
      [7, []],
      [9, [-1, 2 ** 31 - 1]]
    ])
    expect(readTargetMap(bytes)).toEqual(kuromojiMap(bytes))
  })

  it('index unique keys for the Viterbi builder, and decline repeated ones', () => {
    const unique = tidMap([
      [0, [11]],
      [2, [12, 13]],
      [5, [14]]
    ])
    const index = indexTargetMap(unique)!
    const map = kuromojiMap(unique)
    for (const key of [0, 2, 5]) {
      const values = [...index.values.subarray(index.start[key]!, index.start[key]! + index.count[key]!)]
      expect(values, String(key)).toEqual(map[key])
    }
    expect(index.count[1]).toBe(0)
    expect(indexTargetMap(tidMap([[1, [5]], [1, [6]]]))).toBeUndefined()
  })
})
