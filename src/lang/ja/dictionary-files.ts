import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {gunzip} from 'node:zlib'

/** The files of a kuromoji dictionary folder, without their `.dat.gz` suffix. */
export const DICTIONARY_FILES = [
  'base',
  'check',
  'tid',
  'tid_pos',
  'tid_map',
  'cc',
  'unk',
  'unk_pos',
  'unk_map',
  'unk_char',
  'unk_compat',
  'unk_invoke'
] as const

/** One dictionary file's name. */
export type DictionaryFile = (typeof DICTIONARY_FILES)[number]

/** The uncompressed bytes of every dictionary file. */
export type DictionaryBuffers = Record<DictionaryFile, Uint8Array>

const gunzipAsync = promisify(gunzip)

/**
 * Read and gunzip the stock `*.dat.gz` files, as kuromoji does, but keep zlib's
 * output as is: kuromoji's loader copies each ~10 MB result once more.
 */
export async function readCompressedDictionary(dicPath: string): Promise<DictionaryBuffers> {
  const entries = await Promise.all(
    DICTIONARY_FILES.map(async (name) => {
      const compressed = await readFile(path.join(dicPath, `${name}.dat.gz`))
      const bytes = await gunzipAsync(compressed)
      return [name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)] as const
    })
  )
  return Object.fromEntries(entries) as DictionaryBuffers
}
