import type {Stats} from 'node:fs'
import {open, stat} from 'node:fs/promises'
import {createRequire} from 'node:module'
import type Encoding from 'encoding-japanese'
import type {Bilingual} from '../core/rule-types.js'
import {formatOf} from '../formats/index.js'

/** What reading one file gave: its text, or why it is skipped; plus notes about the encoding. Reasons come in both languages. */
export type ReadResult =
  | {kind: 'text'; value: string; encoding: string; note?: {level: 'warning' | 'info'; reason: Bilingual}}
  | {kind: 'skip'; ruleId: 'binary-file' | 'file-too-large' | 'encoding' | 'read-error'; level: 'error' | 'warning'; reason: Bilingual}

/** Default size limit: far above any newsletter draft, far below a data dump. */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024

const LEGACY: Record<string, string> = {SJIS: 'Shift_JIS', EUCJP: 'EUC-JP', JIS: 'ISO-2022-JP'}

// Required only for a file that is not UTF-8 or UTF-16: most runs never load the legacy encoding tables.
let encodingModule: typeof Encoding | undefined
const encoding = () => (encodingModule ??= createRequire(import.meta.url)('encoding-japanese') as typeof Encoding)

/**
 * Read a file and decode it: UTF-8 (BOM or not), UTF-16 (BOM, or detected by
 * its zero bytes), and the legacy Japanese encodings Shift_JIS, EUC-JP and
 * ISO-2022-JP (decoded with a note to convert). Binary and oversized files are
 * skipped with a reason. Never throws. `file` is the name messages use (the path
 * as the user gave it), `location` the path read.
 */
export async function readText(location: string, maxFileSize = DEFAULT_MAX_FILE_SIZE, file = location): Promise<ReadResult> {
  let bytes: Uint8Array
  const email = formatOf(file) === 'eml'
  // An .eml carries its attachments: the limit is on what is linted, so the file may be larger.
  const maxSize = email ? maxFileSize * EMAIL_SIZE_FACTOR : maxFileSize
  const tooLarge = (size: string): ReadResult => ({
    kind: 'skip',
    ruleId: 'file-too-large',
    level: 'warning',
    reason: {
      en: `${file} is ${size} bytes, over the ${maxSize}-byte limit (--max-file-size); skipped`,
      ja: `${file} は ${size} バイトで、上限 ${maxSize} バイト（--max-file-size）を超えるためスキップしました`
    }
  })
  try {
    const info = await stat(location)
    // A FIFO would block forever and a device (a link to /dev/zero) never ends: only regular files are read.
    if (!info.isFile()) {
      return {kind: 'skip', ruleId: 'read-error', level: 'error', reason: {
          en: `Cannot read ${file}: not a regular file (${kindOf(info)}); skipped`,
          ja: `${file} を読み込めません: 通常のファイルではありません（${kindOf(info)}）。スキップしました`
        }
      }
    }
    if (info.size > maxSize) return tooLarge(String(info.size))
    // Never more than maxSize + 1 bytes, whatever stat said: the file may grow while it is read.
    const read = await readBounded(location, maxSize + 1)
    if (read.length > maxSize) return tooLarge(`more than ${maxSize}`)
    bytes = read
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const detail = code === 'ELOOP' ? 'symbolic link loop (it points back at itself)' : (error as Error).message
    return {kind: 'skip', ruleId: 'read-error', level: 'error', reason: {en: `Cannot read ${file}: ${detail}`, ja: `${file} を読み込めません: ${detail}`}}
  }
  return email ? binary(bytes) : decode(bytes, file)
}

/** How many times --max-file-size an .eml may be: a 20 MB attachment must not hide the body. */
export const EMAIL_SIZE_FACTOR = 16

/**
 * An .eml as a binary string (one char per byte): its parts declare their own
 * charsets and transfer encodings, which src/formats/eml.ts decodes.
 */
export function binary(bytes: Uint8Array): ReadResult {
  return {kind: 'text', value: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding: 'binary'}
}

/** Up to `limit` bytes of a file, read through one handle. */
async function readBounded(file: string, limit: number): Promise<Uint8Array> {
  const handle = await open(file, 'r')
  try {
    const buffer = new Uint8Array(Math.min(limit, 64 * 1024))
    let bytes = buffer
    let length = 0
    for (;;) {
      if (length === bytes.length) {
        if (bytes.length >= limit) break
        const grown = new Uint8Array(Math.min(limit, bytes.length * 2))
        grown.set(bytes)
        bytes = grown
      }
      const {bytesRead} = await handle.read(bytes, length, bytes.length - length, null)
      if (bytesRead === 0) break
      length += bytesRead
    }
    return bytes.subarray(0, length)
  } finally {
    await handle.close()
  }
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder'
  if (info.isFIFO()) return 'a named pipe'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  if (info.isSocket()) return 'a socket'
  return 'not a file'
}

/** Decode bytes as described in {@link readText}. */
export function decode(bytes: Uint8Array, file: string): ReadResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), file)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', file)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be', file)
  const sample = bytes.subarray(0, 8192)
  if (sample.includes(0)) {
    const endian = utf16Endian(sample)
    if (endian) return utf16(bytes, endian, file)
    return {kind: 'skip', ruleId: 'binary-file', level: 'warning', reason: {en: `${file} looks like a binary file; skipped`, ja: `${file} はバイナリファイルのようです。スキップしました`}}
  }
  // ISO-2022-JP is 7-bit, so it passes as UTF-8: its escape sequences give it away.
  if (hasJisEscape(sample)) return legacy(bytes, 'JIS', file)
  return utf8(bytes, file)
}

/** ESC $ @, ESC $ B (JIS X 0208), ESC ( J, ESC ( I: the shifts of ISO-2022-JP. */
function hasJisEscape(sample: Uint8Array): boolean {
  for (let index = 0; index + 2 < sample.length; index++) {
    if (sample[index] !== 0x1b) continue
    const [first, second] = [sample[index + 1], sample[index + 2]]
    if (first === 0x24 && (second === 0x40 || second === 0x42)) return true
  }
  return false
}

function legacy(bytes: Uint8Array, detected: Encoding.Encoding, file: string): ReadResult {
  const name = LEGACY[detected as string]!
  const value = encoding().convert(bytes, {to: 'UNICODE', from: detected, type: 'string'})
  return {
    kind: 'text',
    value,
    encoding: name,
    note: {
      level: 'warning',
      reason: {
        en: `${file} is encoded in ${name}; trustlint decoded it, but convert it to UTF-8 (iconv -f ${name.toUpperCase()} -t UTF-8)`,
        ja: `${file} の文字コードは ${name} です。読み込みましたが、UTF-8 に変換してください（iconv -f ${name.toUpperCase()} -t UTF-8）`
      }
    }
  }
}

function utf8(bytes: Uint8Array, file: string): ReadResult {
  try {
    return {kind: 'text', value: new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes), encoding: 'UTF-8'}
  } catch {
    const detected = encoding().detect(bytes)
    if (typeof detected === 'string' && LEGACY[detected]) return legacy(bytes, detected as Encoding.Encoding, file)
    return {kind: 'skip', ruleId: 'encoding', level: 'error', reason: {
        en: `${file} is not valid UTF-8 and not a known Japanese encoding; convert it to UTF-8`,
        ja: `${file} は UTF-8 でも既知の日本語の文字コードでもありません。UTF-8 に変換してください`
      }
    }
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): ReadResult {
  try {
    const value = new TextDecoder(encoding, {fatal: true}).decode(bytes)
    return {kind: 'text', value, encoding: encoding.toUpperCase(), note: {level: 'info', reason: {en: `${file} is encoded in ${encoding.toUpperCase()}; decoded`, ja: `${file} の文字コードは ${encoding.toUpperCase()} です。変換して読み込みました`}}}
  } catch {
    return {kind: 'skip', ruleId: 'encoding', level: 'error', reason: {
        en: `${file} has a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}`,
        ja: `${file} には ${encoding.toUpperCase()} の BOM がありますが、${encoding.toUpperCase()} として読めません`
      }
    }
  }
}

// UTF-16 text without a BOM: most ASCII characters leave every other byte zero.
function utf16Endian(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  let evenZeros = 0
  let oddZeros = 0
  for (let index = 0; index + 1 < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros++
    if (sample[index + 1] === 0) oddZeros++
  }
  const pairs = Math.floor(sample.length / 2)
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le'
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be'
  return undefined
}
