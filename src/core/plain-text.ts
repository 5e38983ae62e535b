import type {Paragraph, Root} from 'mdast'
import type {VFile} from 'vfile'
import {location as locate} from 'vfile-location'

/**
 * A plain-text document as an mdast tree: one paragraph per run of non-blank
 * lines, no Markdown syntax at all (a `#` or `*` is just a character).
 */
export function plainTextTree(file: VFile): Root {
  const source = String(file.value ?? '')
  const location = locate(file)
  const children: Paragraph[] = []
  const blocks = /[^\r\n]*\S[^\r\n]*(?:\r?\n[^\r\n]*\S[^\r\n]*)*/g
  for (const match of source.matchAll(blocks)) {
    const start = match.index
    const end = start + match[0].length
    const position = {start: location.toPoint(start)!, end: location.toPoint(end)!}
    children.push({type: 'paragraph', children: [{type: 'text', value: match[0], position}], position})
  }
  // Plain text has no character references: prose is aligned to the source as is.
  return {type: 'root', children, position: {start: location.toPoint(0)!, end: location.toPoint(source.length)!}, data: {trustlintPlainText: true}}
}
