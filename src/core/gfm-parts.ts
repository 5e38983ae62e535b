import type {Processor} from 'unified'
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'

type SyntaxExtension = ReturnType<typeof gfmTable>
type FromMarkdownExtension = ReturnType<typeof gfmTableFromMarkdown>

/**
 * The GFM constructs a Markdown document can contain, as bits: each is added to the parser
 * only when the document has a character sequence with which it can start (issue 18).
 * Without its marker a construct never matches, so the tree is the one remark-gfm gives,
 * while the parser no longer tries it at every candidate character: the e-mail autolink is
 * tried at every letter and digit, the table at every line, and on the English corpus the
 * constructs a document lacks were about a third of its Markdown parse.
 */
export const GFM_URL = 1 << 0
export const GFM_EMAIL = 1 << 1
export const GFM_FOOTNOTE = 1 << 2
export const GFM_STRIKETHROUGH = 1 << 3
export const GFM_TABLE = 1 << 4
export const GFM_TASK_LIST = 1 << 5
export const GFM_ALL = GFM_URL | GFM_EMAIL | GFM_FOOTNOTE | GFM_STRIKETHROUGH | GFM_TABLE | GFM_TASK_LIST

// Where each construct can start: literal autolinks with www., http:// or https:// (any case),
// e-mail addresses (also after mailto: and xmpp:) with @, footnote calls and definitions with [^,
// strikethrough with ~, tables with | (the delimiter row needs one), task list items with a
// one-character box ([ ], [x]), where a CR LF line ending counts as one character.
const MARKERS: [number, RegExp][] = [
  [GFM_URL, /www\.|https?:/i],
  [GFM_EMAIL, /@/],
  [GFM_FOOTNOTE, /\[\^/],
  [GFM_STRIKETHROUGH, /~/],
  [GFM_TABLE, /\|/],
  [GFM_TASK_LIST, /\[(?:[\s\S]|\r\n)\]/]
]

/** The GFM constructs a document may contain, as bits (0: it parses as CommonMark). */
export function gfmPartsOf(source: string): number {
  let parts = 0
  for (const [part, marker] of MARKERS) if (marker.test(source)) parts |= part
  return parts
}

/**
 * remark-gfm's literal autolinks without the e-mail construct, for a document without `@`:
 * that construct is registered on every ASCII letter and digit and reads each word forward
 * looking for an `@`. The mdast side (its transform) stays whole.
 */
function urlAutolinkLiteral(): SyntaxExtension {
  const text: NonNullable<SyntaxExtension['text']> = {}
  for (const [code, value] of Object.entries(gfmAutolinkLiteral().text ?? {})) {
    const kept = (Array.isArray(value) ? value : [value]).filter((construct): construct is NonNullable<typeof construct> => construct !== undefined && construct.name !== 'emailAutolink')
    if (kept.length > 0) text[Number(code)] = kept
  }
  return {text}
}

/** Each construct with its parser and tree extensions, in remark-gfm's order. */
const CONSTRUCTS: {parts: number; syntax: (parts: number) => SyntaxExtension; fromMarkdown: () => FromMarkdownExtension}[] = [
  {parts: GFM_URL | GFM_EMAIL, syntax: (parts) => (parts & GFM_EMAIL ? gfmAutolinkLiteral() : urlAutolinkLiteral()), fromMarkdown: gfmAutolinkLiteralFromMarkdown},
  {parts: GFM_FOOTNOTE, syntax: () => gfmFootnote(), fromMarkdown: gfmFootnoteFromMarkdown},
  {parts: GFM_STRIKETHROUGH, syntax: () => gfmStrikethrough(), fromMarkdown: gfmStrikethroughFromMarkdown},
  {parts: GFM_TABLE, syntax: () => gfmTable(), fromMarkdown: gfmTableFromMarkdown},
  {parts: GFM_TASK_LIST, syntax: () => gfmTaskListItem(), fromMarkdown: gfmTaskListItemFromMarkdown}
]

/**
 * A unified plugin that adds the GFM constructs named by `parts` (bits of {@link gfmPartsOf}),
 * in remark-gfm's order, with remark-gfm's default options; parsing only (no serializer).
 */
export function remarkGfmParts(this: Processor, parts: number) {
  const data = this.data()
  const syntax: SyntaxExtension[] = (data.micromarkExtensions ??= [])
  const fromMarkdown: FromMarkdownExtension[] = (data.fromMarkdownExtensions ??= []) as FromMarkdownExtension[]
  for (const construct of CONSTRUCTS) {
    if (!(parts & construct.parts)) continue
    syntax.push(construct.syntax(parts))
    fromMarkdown.push(construct.fromMarkdown())
  }
}
