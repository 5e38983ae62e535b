import type {Nodes, Root, RootContent} from 'mdast'
import type {Point} from 'unist'

/**
 * Large Markdown documents are parsed in parts (issue 13). micromark keeps every
 * event of a document until mdast-util-from-markdown has built the tree: about
 * 130 MB per MB of input, so one 10 MB file needed more than a gigabyte for its
 * parse alone. Parsed in parts of a quarter of a megabyte, the parse needs what
 * one part needs, and the tree is the same node for node, place for place.
 *
 * A part starts at a line that follows a blank line, is not indented and opens
 * no list item or block quote: such a line ends every container, and only a
 * fenced code block, an HTML block of kinds 1 to 5 (script, comment, processing
 * instruction, declaration, CDATA) or YAML front matter can still be open across
 * it. `partStarts` follows those three line by line; the parse then checks each
 * cut (a part whose last block runs on to its end had a block cut open) and, if
 * one was wrong, parses the rest of the document whole. Link reference and
 * footnote definitions hold for the whole document, so a part that may use a
 * definition from another part is parsed with a preamble that defines the same
 * labels; the preamble's nodes are dropped.
 */

/** Parts are cut once at least this many characters have passed since the last cut. */
export const PART_SIZE = 256 * 1024

// A `]` not followed by `(`: a reference or footnote call might end there (an inline
// link, `[text](url)`, needs no definition).
const REFERENCE_LIKE = /\](?!\()/

/** Parses Markdown text (one configured, frozen unified processor). */
export type ParseMarkdown = (text: string) => Root

const LINE_END = /\r\n|\r|\n/g
const BLANK = /^[ \t]*$/
// A line that opens a list item or a block quote could continue a list across
// the blank line; a `---` line at the start of a part would open front matter.
// A part never starts at either.
const CONTAINER_START = /^(?:[-+*]|\d{1,9}[.)](?:[ \t]|$)|>)/
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/
const FRONT_MATTER_FENCE = /^---[ \t]*$/
// HTML blocks that blank lines do not close (CommonMark kinds 1 to 5), each with its end.
const HTML_BLOCKS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?=[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![a-z]/i, />/],
  [/^ {0,3}<!\[CDATA\[/, /]]>/]
]

/** A block that blank lines do not close, open at the current line. */
type OpenBlock = {kind: 'fence'; marker: string} | {kind: 'html'; end: RegExp} | {kind: 'front-matter'}

/**
 * Where parts may start: offsets of line starts, at least `partSize` apart,
 * where no fenced code, HTML block (kinds 1 to 5) or front matter is open as far
 * as the lines show. The parse checks each cut again (`parseInParts`).
 */
export function partStarts(source: string, partSize = PART_SIZE): number[] {
  const starts: number[] = []
  if (source.length < partSize * 2) return starts
  let open: OpenBlock | undefined = FRONT_MATTER_FENCE.test(firstLine(source)) ? {kind: 'front-matter'} : undefined
  let afterBlank = false
  let lastStart = 0
  let lineStart = 0
  let first = true
  while (lineStart <= source.length) {
    LINE_END.lastIndex = lineStart
    const ending = LINE_END.exec(source)
    const lineEnd = ending ? ending.index : source.length
    const line = source.slice(lineStart, lineEnd)
    if (open) {
      if (!first && closes(open, line)) open = undefined
      afterBlank = false
    } else if (BLANK.test(line)) {
      afterBlank = true
    } else {
      const cuttable = afterBlank && !/^[ \t]/.test(line) && !CONTAINER_START.test(line)
      if (cuttable && lineStart - lastStart >= partSize && source.length - lineStart >= partSize / 2) {
        starts.push(lineStart)
        lastStart = lineStart
      }
      open = opens(line)
      // An HTML block may end on the line that opens it (`<!-- note -->`).
      if (open?.kind === 'html' && closes(open, line.slice(line.indexOf('<') + 2))) open = undefined
      afterBlank = false
    }
    first = false
    if (!ending) break
    lineStart = ending.index + ending[0].length
  }
  return starts
}

function firstLine(source: string): string {
  LINE_END.lastIndex = 0
  const ending = LINE_END.exec(source)
  return source.slice(0, ending ? ending.index : source.length)
}

/** The block a line opens that a blank line would not close, if any. */
function opens(line: string): OpenBlock | undefined {
  const fence = FENCE_OPEN.exec(line)
  // A backtick fence's info string has no backtick (else it is inline code).
  if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) return {kind: 'fence', marker: fence[1]!}
  for (const [start, end] of HTML_BLOCKS) if (start.test(line)) return {kind: 'html', end}
  return undefined
}

function closes(open: OpenBlock, line: string): boolean {
  if (open.kind === 'html') return open.end.test(line)
  if (open.kind === 'front-matter') return FRONT_MATTER_FENCE.test(line)
  const fence = /^ {0,3}(`+|~+)[ \t]*$/.exec(line)
  return fence !== null && fence[1]![0] === open.marker[0] && fence[1]!.length >= open.marker.length
}

/**
 * Parse Markdown in parts cut at `starts` (see `partStarts`) into the tree the
 * whole document parses to.
 */
export function parseInParts(source: string, starts: readonly number[], parse: ParseMarkdown): Root {
  const bounds = [0, ...starts, source.length]
  const parts: Array<{start: number; end: number; tree: Root}> = []
  for (let index = 0; index + 1 < bounds.length; index++) {
    const start = bounds[index]!
    const last = index + 2 === bounds.length
    // A wrong cut shows as a fenced code or HTML block running on to the end of its part.
    const end = last ? source.length : bounds[index + 1]!
    const tree = parse(source.slice(start, end))
    if (!last && runsToEnd(tree, end - start)) {
      parts.push({start, end: source.length, tree: parse(source.slice(start))})
      break
    }
    parts.push({start, end, tree})
  }
  if (parts.length === 1) return parts[0]!.tree

  // Definitions hold for the whole document: collect every part's labels.
  const labels = parts.map((part) => definitionLabels(part.tree))
  const lineStarts = lineNumbers(source, parts.map((part) => part.start))
  const children: RootContent[] = []
  let end: Point | undefined
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1
    let tree = part.tree
    let preamble = ''
    const elsewhere = labels.filter((_, other) => other !== index).flat()
    const text = source.slice(part.start, part.end)
    if (elsewhere.length > 0 && REFERENCE_LIKE.test(text)) {
      // After a part that ends at a cut (front matter must stay first); before the
      // last part, which may end inside a block left open.
      preamble = elsewhere.join('')
      tree = parse(last ? preamble + text : text + preamble)
    }
    const before = last ? preamble : ''
    const shift = {offset: part.start - before.length, line: lineStarts[index]! - 1 - lineCount(before)}
    let taken = tree.children
    if (preamble) {
      taken = taken.filter((child) => {
        const offset = child.position?.start.offset ?? 0
        return last ? offset >= preamble.length : offset < text.length
      })
    }
    for (const child of taken) {
      shiftNode(child, shift)
      children.push(child)
    }
    end = tree.position && movePoint(tree.position.end, shift)
  }
  return {
    type: 'root',
    children,
    position: {start: {line: 1, column: 1, offset: 0}, end: end ?? {line: 1, column: 1, offset: 0}}
  }
}

/** Whether the last block of a part reaches the part's end: a fence or HTML block left open. */
function runsToEnd(tree: Root, length: number): boolean {
  const last = tree.children.at(-1)
  return last !== undefined && (last.type === 'code' || last.type === 'html') && last.position?.end.offset === length
}

/**
 * The labels a part defines, each as a one-line definition for a preamble: a
 * link reference definition or a GFM footnote definition, at any depth.
 */
function definitionLabels(tree: Root): string[] {
  const found: string[] = []
  const visit = (node: Nodes) => {
    // `label` is the label's source text: written back, it normalises to the same identifier.
    if (node.type === 'definition') found.push(`[${node.label ?? node.identifier}]: #\n\n`)
    else if (node.type === 'footnoteDefinition') found.push(`[^${node.label ?? node.identifier}]: #\n\n`)
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return found
}

/** The 1-based line number at each offset (offsets ascending). */
function lineNumbers(source: string, offsets: readonly number[]): number[] {
  const lines: number[] = []
  let line = 1
  let at = 0
  for (const offset of offsets) {
    line += lineCount(source.slice(at, offset))
    at = offset
    lines.push(line)
  }
  return lines
}

function lineCount(text: string): number {
  return text.match(LINE_END)?.length ?? 0
}

function shiftNode(node: Nodes, shift: {offset: number; line: number}): void {
  if (node.position) {
    node.position.start = movePoint(node.position.start, shift)
    node.position.end = movePoint(node.position.end, shift)
  }
  if ('children' in node) for (const child of node.children) shiftNode(child, shift)
}

function movePoint(point: Point, shift: {offset: number; line: number}): Point {
  return {line: point.line + shift.line, column: point.column, ...(point.offset === undefined ? {} : {offset: point.offset + shift.offset})}
}
