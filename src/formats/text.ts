import type {Paragraph, Root} from 'mdast'
import type {Point} from 'unist'
import {splitMergeTags} from './merge-tags.js'

/**
 * A plain-text document (or the text/plain part of an email, at `from`…`to` of
 * a larger source) as an mdast tree: one paragraph per run of non-blank lines,
 * no Markdown syntax at all (a `#` or `*` is just a character). Plain text has
 * no character references, so prose is aligned to the source as is; merge tags
 * (`*|FNAME|*`) are masked.
 */
export function textTree(source: string, toPoint: (offset: number) => Point, from = 0, to = source.length): Root {
  const children: Paragraph[] = []
  const blocks = /[^\r\n]*\S[^\r\n]*(?:\r?\n[^\r\n]*\S[^\r\n]*)*/g
  for (const match of source.slice(from, to).matchAll(blocks)) {
    const start = from + match.index
    const end = start + match[0].length
    const position = {start: toPoint(start), end: toPoint(end)}
    const inline = splitMergeTags(match[0], (index) => start + index, (index) => start + index + 1, toPoint)
    children.push({type: 'paragraph', children: inline, position, data: {trustlintPlainText: true}})
  }
  return {type: 'root', children, position: {start: toPoint(from), end: toPoint(to)}, data: {trustlintPlainText: true}}
}
