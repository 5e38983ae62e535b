/**
 * The subject line and preheader of a Markdown newsletter draft, written in
 * its front matter (`subject:`, `preheader:` / `preview:`), as prose blocks
 * with the exact source offset of every character of the YAML value: plain,
 * single- and double-quoted (escapes, `''`) and block scalars (`|`, `>`).
 */
import {isMap, isScalar, parseDocument, Scalar} from 'yaml'
import type {BlockKind, ProseBlock} from '../core/prose.js'

/** Front matter keys read as each header block, in order of preference. */
export interface HeaderKeys {
  subject: string[]
  preheader: string[]
}

/** The keys read by default; `title` joins the subject keys with the `subjectFromTitle` option. */
export function headerKeys(subjectFromTitle: boolean): HeaderKeys {
  return {subject: subjectFromTitle ? ['subject', 'title'] : ['subject'], preheader: ['preheader', 'preview']}
}

/**
 * The subject and preheader blocks of a front matter block (none when absent, empty
 * or not text), from its YAML text and the source offset where that text starts:
 * remark-frontmatter's node or the block read from the source (readFrontMatter).
 */
export function frontMatterBlocks(yaml: {value: string; valueStart: number}, source: string, keys: HeaderKeys): ProseBlock[] {
  const {value, valueStart} = yaml
  // The value must be the source as is for offsets to hold.
  if (!source.startsWith(value, valueStart)) return []
  let document
  try {
    document = parseDocument(value, {prettyErrors: false, logLevel: 'silent'})
  } catch {
    return []
  }
  if (document.errors.length > 0 || !isMap(document.contents)) return []
  const blocks: ProseBlock[] = []
  for (const [kind, names] of [['subject', keys.subject], ['preheader', keys.preheader]] as const) {
    for (const name of names) {
      const pair = document.contents.items.find((item) => isScalar(item.key) && item.key.value === name)
      if (!pair || !isScalar(pair.value) || typeof pair.value.value !== 'string' || !pair.value.range) continue
      const block = scalarBlock(pair.value as Scalar<string>, value, valueStart, kind)
      if (block) blocks.push(block)
      break
    }
  }
  return blocks
}

function scalarBlock(scalar: Scalar<string>, yaml: string, base: number, kind: BlockKind): ProseBlock | undefined {
  const [from, to] = scalar.range!
  const text = scalar.value
  if (!/\S/.test(text)) return
  const map = alignScalar(text, yaml, from, to, scalar.type)
  const origin = Int32Array.from(map.origin, (offset) => base + offset)
  const originEnd = Int32Array.from(map.originEnd, (offset) => base + offset)
  const start = origin[0]!
  const end = originEnd.at(-1)!
  const position = {start: {line: 0, column: 0, offset: start}, end: {line: 0, column: 0, offset: end}}
  return {
    kind,
    node: {type: 'paragraph', children: [], position, data: {trustlintKind: kind}},
    text,
    origin,
    originEnd,
    start,
    end,
    headingDepth: undefined,
    inBlockquote: false,
    links: []
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/',
  '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029'
}

/** A double-quoted escape at `at` (after the backslash's position): its text and length. */
function escapeAt(yaml: string, at: number): {decoded: string; length: number} | undefined {
  const letter = yaml[at + 1]
  if (letter === undefined) return
  const hex = {x: 2, u: 4, U: 8}[letter as 'x' | 'u' | 'U']
  if (hex) {
    const digits = yaml.slice(at + 2, at + 2 + hex)
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) return
    return {decoded: String.fromCodePoint(Number.parseInt(digits, 16)), length: 2 + hex}
  }
  const decoded = ESCAPES[letter]
  return decoded === undefined ? undefined : {decoded, length: 2}
}

/**
 * Map each character of a scalar's value to its source range in the YAML
 * text. The value differs from the source only by dropped characters (quotes,
 * indentation, line breaks folded away, the block header) and decoded
 * escapes, so a greedy left-to-right alignment is exact; a folded line break
 * (a space in the value) maps to the break it replaces.
 */
export function alignScalar(value: string, yaml: string, from: number, to: number, type: Scalar.Type | undefined): {origin: number[]; originEnd: number[]} {
  const origin: number[] = []
  const originEnd: number[] = []
  let cursor = from
  const quote = type === 'QUOTE_DOUBLE' ? '"' : type === 'QUOTE_SINGLE' ? "'" : ''
  if (quote) cursor++
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    // The header line (`|-`, `>2` and a comment) holds no value characters.
    const newline = yaml.indexOf('\n', cursor)
    cursor = newline < 0 ? to : newline + 1
  }
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!
    let found = -1
    let foundEnd = -1
    for (let probe = cursor; probe < to; probe++) {
      const at = yaml[probe]!
      if (quote === '"' && at === '\\') {
        const escape = escapeAt(yaml, probe)
        if (escape && value.startsWith(escape.decoded, index)) {
          found = probe
          foundEnd = probe + escape.length
          for (let extra = 1; extra < escape.decoded.length; extra++, index++) {
            origin.push(found)
            originEnd.push(foundEnd)
          }
          break
        }
        // An escaped line break is dropped; skip the backslash.
        continue
      }
      if (at === char) {
        found = probe
        foundEnd = probe + 1
        break
      }
      // A folded line break: one space (or fewer newlines) stands for it.
      if ((at === '\n' || at === '\r') && char === ' ') {
        found = probe
        foundEnd = probe + 1
        break
      }
      if (!(at === ' ' || at === '\t' || at === '\n' || at === '\r' || (quote && at === quote))) break
    }
    if (found < 0) {
      // Should not happen; stay close rather than fail the file.
      found = Math.min(cursor, to - 1)
      foundEnd = found + 1
    }
    origin.push(found)
    originEnd.push(foundEnd)
    cursor = foundEnd
  }
  return {origin, originEnd}
}
