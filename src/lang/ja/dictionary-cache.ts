import {createHash} from 'node:crypto'
import {closeSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {open} from 'node:fs/promises'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {DICTIONARY_FILES, type DictionaryBuffers} from './dictionary-files.js'

/**
 * The uncompressed dictionary, kept on disk so that later processes skip gunzip
 * (about 40% of kuromoji's load) and read one file instead. Layout of
 * `kuromoji-<key>.bin`: 8 bytes of magic, a little-endian uint32 header length,
 * the JSON header `{size, files: {name: [offset, length]}}`, then each file's bytes at an
 * 8-byte aligned offset, so that Int32Array and Int16Array views need no copy.
 * The key hashes every `.dat.gz` file's size and gzip trailer (the CRC-32 and
 * length of its content): another or an updated dictionary gets another cache
 * file. Neither the folder's path nor the modification times, which change with
 * every `npm ci`: the cache lives in a per-user folder, and every install of the
 * same dictionary, in any project or CI run, shares one file rather than adding
 * 100 MB each.
 */

/** Environment variable: the cache folder, or `off` to never read or write one. */
export const DICT_CACHE_ENV = 'TRUSTLINT_DICT_CACHE'

const MAGIC = 'TLKDIC01'
const ALIGN = 8

/** Cache folders to try, in order; empty when caching is off. */
export function cacheFolders(): string[] {
  const configured = process.env[DICT_CACHE_ENV]
  if (configured) return ['off', '0', 'false'].includes(configured.toLowerCase()) ? [] : [configured]
  const folders: string[] = []
  // The per-user cache folder first: it outlives `npm ci` (which deletes
  // node_modules) and is what CI caches keep between runs (issue 14).
  const user = userCacheFolder(process.env, process.platform, homeDir())
  if (user) folders.push(user)
  // node_modules/.cache/<tool> (find-cache-dir's home), for a home folder that
  // cannot be written; also where versions before 0.2 kept the cache.
  try {
    const kuromoji = path.dirname(createRequire(import.meta.url).resolve('kuromoji/package.json'))
    const modules = path.dirname(kuromoji)
    if (path.basename(modules) === 'node_modules') folders.push(path.join(modules, '.cache', 'trustlint'))
  } catch {
    // kuromoji not resolvable from here (bundled elsewhere): only the temp folder.
  }
  // A per-user temp folder, for read-only installs.
  folders.push(path.join(os.tmpdir(), `trustlint-${userTag()}`))
  return folders
}

/**
 * The operating system's per-user cache folder for trustlint: `$XDG_CACHE_HOME/trustlint`
 * (else `~/.cache/trustlint`) on Linux and other Unix systems, `~/Library/Caches/trustlint`
 * on macOS, `%LOCALAPPDATA%\trustlint\Cache` on Windows; undefined without a home folder.
 */
export function userCacheFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string | undefined): string | undefined {
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA || (home ? path.win32.join(home, 'AppData', 'Local') : undefined)
    return base ? path.win32.join(base, 'trustlint', 'Cache') : undefined
  }
  if (platform === 'darwin') return home ? path.posix.join(home, 'Library', 'Caches', 'trustlint') : undefined
  // XDG: a relative XDG_CACHE_HOME is invalid and must be ignored.
  const xdg = env.XDG_CACHE_HOME
  if (xdg && path.posix.isAbsolute(xdg)) return path.posix.join(xdg, 'trustlint')
  return home ? path.posix.join(home, '.cache', 'trustlint') : undefined
}

function homeDir(): string | undefined {
  try {
    return os.homedir() || undefined
  } catch {
    return undefined
  }
}

/** A gzip member ends with the CRC-32 and the length (mod 2^32) of its content. */
const GZIP_TRAILER = 8

function readTail(file: string, size: number, into: Buffer) {
  const descriptor = openSync(file, 'r')
  try {
    if (readSync(descriptor, into, 0, into.length, Math.max(0, size - into.length)) !== into.length) throw new Error(`${file}: too short`)
  } finally {
    closeSync(descriptor)
  }
}

function userTag(): string {
  try {
    return String(os.userInfo().uid >= 0 ? os.userInfo().uid : os.userInfo().username)
  } catch {
    return 'user'
  }
}

/** The cache file name for a dictionary folder, or undefined when its files cannot be read. */
export function cacheName(dicPath: string): string | undefined {
  try {
    const hash = createHash('sha256').update(MAGIC)
    const trailer = Buffer.alloc(GZIP_TRAILER)
    for (const name of DICTIONARY_FILES) {
      const file = path.join(dicPath, `${name}.dat.gz`)
      const {size} = statSync(file)
      readTail(file, size, trailer)
      hash.update(`\0${name}\0${size}\0`).update(trailer)
    }
    return `kuromoji-${hash.digest('hex').slice(0, 24)}.bin`
  } catch {
    return undefined
  }
}

/**
 * Read a cached dictionary; undefined when there is none or it does not check out.
 * `allocate` gives the memory to read into (a SharedArrayBuffer for worker threads).
 */
export async function readCache(file: string, allocate: (size: number) => Uint8Array = unsharedBytes): Promise<DictionaryBuffers | undefined> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch {
    return undefined
  }
  try {
    const {size} = await handle.stat()
    // One read into one buffer: every file is a view into it, nothing is copied.
    const bytes = allocate(size)
    let done = 0
    while (done < size) {
      const {bytesRead} = await handle.read(bytes, done, size - done, done)
      if (bytesRead === 0) return undefined
      done += bytesRead
    }
    return parseCache(new Uint8Array(bytes.buffer, bytes.byteOffset, size))
  } catch {
    return undefined
  } finally {
    await handle.close()
  }
}

function unsharedBytes(size: number): Uint8Array {
  const buffer = Buffer.allocUnsafeSlow(size)
  return new Uint8Array(buffer.buffer, buffer.byteOffset, size)
}

/** Split a cache file into its dictionary files; undefined when it is malformed. */
export function parseCache(bytes: Uint8Array): DictionaryBuffers | undefined {
  if (bytes.length < 12 || Buffer.from(bytes.subarray(0, 8)).toString('latin1') !== MAGIC) return undefined
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset + 8, 4).getUint32(0, true)
  if (12 + headerLength > bytes.length) return undefined
  const header = JSON.parse(Buffer.from(bytes.subarray(12, 12 + headerLength)).toString('utf8')) as {
    size?: number
    files?: Record<string, [number, number]>
  }
  // A file cut short (a full disk) or grown is not trusted.
  if (header.size !== bytes.length) return undefined
  const buffers: Partial<DictionaryBuffers> = {}
  for (const name of DICTIONARY_FILES) {
    const entry = header.files?.[name]
    if (!entry) return undefined
    const [offset, length] = entry
    if (offset % ALIGN !== 0 || offset + length > bytes.length) return undefined
    buffers[name] = bytes.subarray(offset, offset + length)
  }
  return buffers as DictionaryBuffers
}

/** Serialise dictionary files into the cache layout. */
export function serializeCache(buffers: DictionaryBuffers): Uint8Array[] {
  const files: Record<string, [number, number]> = {}
  // The header's length decides the first offset; offsets have a fixed width
  // (padded) so that one pass suffices.
  let offset = 0
  const placeholder = Object.fromEntries(DICTIONARY_FILES.map((name) => [name, [1e12, buffers[name].length]]))
  const headerSize = Buffer.byteLength(JSON.stringify({size: 1e12, files: placeholder}))
  offset = align(12 + headerSize)
  for (const name of DICTIONARY_FILES) {
    files[name] = [offset, buffers[name].length]
    offset = align(offset + buffers[name].length)
  }
  const json = JSON.stringify({size: offset, files}).padEnd(headerSize, ' ')
  const head = Buffer.alloc(align(12 + headerSize))
  head.write(MAGIC, 0, 'latin1')
  head.writeUInt32LE(headerSize, 8)
  head.write(json, 12, 'utf8')
  const parts: Uint8Array[] = [head]
  for (const name of DICTIONARY_FILES) {
    const bytes = buffers[name]
    parts.push(bytes)
    const padding = align(bytes.length) - bytes.length
    if (padding) parts.push(new Uint8Array(padding))
  }
  return parts
}

function align(offset: number): number {
  return Math.ceil(offset / ALIGN) * ALIGN
}

/**
 * Write the cache file into the first folder that takes it. Synchronous on
 * purpose: a process that exits right after linting (a CLI run, a test worker)
 * would otherwise leave a half-written file behind; this costs the first run on a
 * machine some 0.1 s. Written under a temporary name and renamed, so a concurrent
 * reader (another process or worker) sees either no file or a whole one.
 * Failures are silent: the cache is an optimisation, the `.dat.gz` files stay
 * the source of truth.
 */
export function writeCache(folders: string[], name: string, buffers: DictionaryBuffers): string | undefined {
  const parts = serializeCache(buffers)
  for (const folder of folders) {
    const target = path.join(folder, name)
    const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    try {
      mkdirSync(folder, {recursive: true})
      writeFileSync(temporary, Buffer.concat(parts))
      renameSync(temporary, target)
      removeStale(folder, name)
      return target
    } catch {
      try {
        rmSync(temporary, {force: true})
      } catch {
        // The folder itself is unusable (not a folder, no permission): try the next one.
      }
    }
  }
  return undefined
}

// Temporary files of writers that were killed mid-write (older than a minute).
function removeStale(folder: string, name: string) {
  for (const entry of readdirSync(folder)) {
    if (!entry.startsWith(name + '.') || !entry.endsWith('.tmp')) continue
    const file = path.join(folder, entry)
    try {
      if (Date.now() - statSync(file).mtimeMs > 60_000) rmSync(file, {force: true})
    } catch {
      // Another process removed or renamed it.
    }
  }
}
