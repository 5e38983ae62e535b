import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {decodeNumericCharacterReference} from 'micromark-util-decode-numeric-character-reference'
import type {Nodes, Parents, PhrasingContent, Root} from 'mdast'

/**
 * The kinds of block whose prose is linted. `subject` and `preheader` are an
 * email's subject line (front matter `subject:`, an HTML `<title>`, an .eml
 * `Subject`) and its inbox preview text; a format module marks such nodes with
 * `data.trustlintKind` (src/formats/).
 */
export type BlockKind = 'heading' | 'paragraph' | 'tableCell' | 'subject' | 'preheader'

/** What a format module may set on an mdast node's `data` to steer prose collection. */
export interface ProseNodeData {
  /** The block kind when it is not the node type (subject, preheader). */
  trustlintKind?: BlockKind
  /** The node's text is the source as is: no character references to decode. */
  trustlintPlainText?: boolean
  /** A link drawn as a button (an HTML email's bulletproof or image button): an ask by its form. */
  trustlintButton?: boolean
}

declare module 'mdast' {
  interface Data extends ProseNodeData {}
}

/** A link inside a block: its text range (block text offsets) and target. */
export interface BlockLink {
  start: number
  end: number
  url: string
}

/**
 * The prose of one Markdown block, flattened: the values of its text nodes
 * (through emphasis, links, deletes) in order, with code, HTML and images
 * masked. `origin[i]`/`originEnd[i]` give the source range of `text[i]`.
 */
export interface ProseBlock {
  kind: BlockKind
  node: Parents
  text: string
  /** Typed arrays: half the memory of arrays of small integers (docs/performance.md, Large files). */
  origin: Int32Array
  originEnd: Int32Array
  /** Source offsets of the whole block. */
  start: number
  end: number
  headingDepth: number | undefined
  inBlockquote: boolean
  links: BlockLink[]
}

/** An email's subject line or preheader: outside the body's sections. */
export function isHeaderBlock(block: ProseBlock): boolean {
  return block.kind === 'subject' || block.kind === 'preheader'
}

/** Stands in for inline code, HTML and images: one non-word character. */
export const MASK = '\uFFFC'

const CONTAINERS = new Set([
  'root',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'footnoteDefinition',
  'delete',
  // MDX: prose inside a JSX component (<Callout>…</Callout>) is the writer's prose too.
  'mdxJsxFlowElement'
])

/** Collect every prose block of a Markdown tree in document order. */
export function collectProse(tree: Root, source: string): ProseBlock[] {
  const blocks: ProseBlock[] = []
  const references = !(tree.data as ProseNodeData | undefined)?.trustlintPlainText
  walk(tree, false)
  return blocks

  function walk(node: Nodes, inBlockquote: boolean) {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const block = buildBlock(node, source, inBlockquote, references)
      if (block) blocks.push(block)
      return
    }
    if (CONTAINERS.has(node.type) && 'children' in node) {
      const quoted = inBlockquote || node.type === 'blockquote'
      for (const child of node.children as Nodes[]) walk(child, quoted)
    }
  }
}

/** A block while its text is collected: its offset maps still grow. */
type BlockDraft = Omit<ProseBlock, 'origin' | 'originEnd'> & {origin: number[]; originEnd: number[]}

function buildBlock(
  node: Extract<Nodes, {type: 'heading' | 'paragraph' | 'tableCell'}>,
  source: string,
  inBlockquote: boolean,
  references: boolean
): ProseBlock | undefined {
  const position = node.position
  if (!position || position.start.offset === undefined || position.end.offset === undefined) return
  const data = node.data as ProseNodeData | undefined
  if (data?.trustlintPlainText) references = false
  const block: BlockDraft = {
    kind: data?.trustlintKind ?? node.type,
    node,
    text: '',
    origin: [],
    originEnd: [],
    start: position.start.offset,
    end: position.end.offset,
    headingDepth: node.type === 'heading' ? node.depth : undefined,
    inBlockquote,
    links: []
  }
  for (const child of node.children) addInline(block, child, source, references)
  if (!/\S/.test(block.text.replaceAll(MASK, ''))) return
  return {...block, origin: Int32Array.from(block.origin), originEnd: Int32Array.from(block.originEnd)}
}

function addInline(block: BlockDraft, node: PhrasingContent, source: string, references: boolean) {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return
  switch (node.type) {
    case 'text':
      alignText(block, node.value, source, start, end, references)
      return
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'linkReference':
    case 'mdxJsxTextElement':
      for (const child of node.children as PhrasingContent[]) addInline(block, child, source, references)
      return
    case 'link': {
      if (isAutolink(node)) {
        mask(block, start, end)
        return
      }
      const from = block.text.length
      for (const child of node.children) addInline(block, child, source, references)
      block.links.push({start: from, end: block.text.length, url: node.url})
      return
    }
    case 'break':
      push(block, '\n', start, end)
      return
    default:
      // inlineCode, html, image, imageReference, footnoteReference, MDX nodes:
      // never linted, but kept as one character so words on either side stay apart.
      mask(block, start, end)
  }
}

/** An autolink (<https://…>, or a bare URL with GFM): its text is the URL itself. */
function isAutolink(node: Extract<PhrasingContent, {type: 'link'}>): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined
  if (!only || only.type !== 'text') return false
  const text = only.value
  return text === node.url || 'mailto:' + text === node.url || 'http://' + text === node.url
}

function mask(block: BlockDraft, start: number, end: number) {
  push(block, MASK, start, end)
}

function push(block: BlockDraft, text: string, start: number, end: number) {
  for (let unit = 0; unit < text.length; unit++) {
    block.origin.push(start)
    block.originEnd.push(end)
  }
  block.text += text
}

// Characters a text node's value may drop from its source: escapes, the
// prefixes of blockquote and list continuation lines, indentation, CR of CRLF.
const SKIPPABLE = new Set(['\\', ' ', '\t', '>', '\r', '\n'])
const REFERENCE = /^&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([a-zA-Z][a-zA-Z0-9]{1,31}));/

/** Decode a character reference (&amp;, &#32;, &#x1F525;) at `at`, as micromark does. */
export function characterReference(source: string, at: number): {decoded: string; length: number} | undefined {
  const match = REFERENCE.exec(source.slice(at, at + 40))
  if (!match) return
  let decoded: string | false
  if (match[3]) decoded = decodeNamedCharacterReference(match[3])
  // micromark's own decoder: surrogates, controls and non-characters become U+FFFD.
  else decoded = decodeNumericCharacterReference(match[1] ?? match[2]!, match[1] ? 16 : 10)
  return decoded ? {decoded, length: match[0].length} : undefined
}

/**
 * Append a text node's value, mapping each of its characters to the source
 * characters it came from. The value differs from the source slice only by
 * dropped characters (escapes, line prefixes) and decoded character
 * references, so a greedy left-to-right alignment is exact.
 */
function alignText(block: BlockDraft, value: string, source: string, start: number, end: number, references: boolean) {
  let cursor = start
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!
    let probe = cursor
    let found = -1
    let foundEnd = -1
    while (probe < end) {
      const at = source[probe]!
      if (at === '&' && references) {
        const reference = characterReference(source, probe)
        if (reference && value.startsWith(reference.decoded, index)) {
          found = probe
          foundEnd = probe + reference.length
          // A reference may decode to two UTF-16 units (astral characters).
          for (let extra = 1; extra < reference.decoded.length; extra++) {
            block.origin.push(found)
            block.originEnd.push(foundEnd)
            block.text += value[index]!
            index++
          }
          break
        }
      }
      // CommonMark replaces NUL with U+FFFD in the parsed text.
      if (at === char || (at === '\u0000' && char === '\uFFFD')) {
        found = probe
        foundEnd = probe + 1
        break
      }
      if (!SKIPPABLE.has(at)) break
      probe++
    }
    if (found < 0) {
      // Should not happen; keep the position close rather than fail the file.
      found = Math.min(cursor, end - 1)
      foundEnd = found + 1
    }
    block.origin.push(found)
    block.originEnd.push(foundEnd)
    block.text += value[index]!
    cursor = foundEnd
  }
}
