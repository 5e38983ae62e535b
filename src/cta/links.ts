/**
 * Links and buttons of a Markdown tree, read from the mdast nodes because the
 * prose text masks HTML: inline links, reference-style links (resolved through
 * their definitions), autolinks, and HTML `<a href>` / `<button>` both inline
 * (an opening and a closing `html` node around phrasing content) and inside
 * block HTML.
 */
import type {Definition, Html, Nodes, Parents, PhrasingContent, Root} from 'mdast'

/** A link or button found in the tree; offsets are source offsets of its text. */
export interface LinkCandidate {
  kind: 'link' | 'html-link' | 'button'
  text: string
  url: string | undefined
  start: number
  end: number
  /** `<https://…>` or a bare URL: the text is the URL. */
  autolink: boolean
  /** A bare URL widened to the vague words before it ("click here: https://…"); the text is both. */
  leadIn?: boolean
  /** Found in a block HTML node (no prose sentence around it). */
  blockHtml: boolean
  inBlockquote: boolean
}

const OPEN_TAG = /^<(a|button)\b([^>]*)>$/i
const ELEMENT = /<(a|button)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi

/** Every link and button of the tree in document order. */
export function collectLinks(tree: Root, source: string): LinkCandidate[] {
  const definitions = new Map<string, string>()
  visit(tree, (node) => {
    if (node.type === 'definition') definitions.set((node as Definition).identifier, (node as Definition).url)
  })
  const found: LinkCandidate[] = []
  walk(tree, false)
  return found.sort((a, b) => a.start - b.start)

  function walk(node: Nodes, inBlockquote: boolean) {
    if (!('children' in node)) {
      if (node.type === 'html') blockHtml(node, inBlockquote)
      return
    }
    const quoted = inBlockquote || node.type === 'blockquote'
    const children = node.children as Nodes[]
    const phrasing = isPhrasingParent(node)
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!
      if (child.type === 'link' || child.type === 'linkReference') {
        const url = child.type === 'link' ? child.url : definitions.get(child.identifier)
        const range = textRange(child.children)
        if (range) {
          const autolink = child.type === 'link' && isAutolink(child)
          // An HTML email's button-like link (src/formats/html.ts) counts as a button.
          const kind = child.data?.trustlintButton ? 'button' : 'link'
          found.push({kind, text: range.text, url, start: range.start, end: range.end, autolink, blockHtml: false, inBlockquote: quoted})
        }
        continue
      }
      if (child.type === 'html' && phrasing) {
        const open = OPEN_TAG.exec(child.value.trim())
        if (open) {
          const tag = open[1]!.toLowerCase()
          const close = children.findIndex(
            (later, at) => at > index && later.type === 'html' && new RegExp(`^</${tag}\\s*>$`, 'i').test(later.value.trim())
          )
          if (close > index) {
            const range = textRange(children.slice(index + 1, close) as PhrasingContent[])
            if (range) {
              found.push({
                kind: tag === 'a' ? 'html-link' : 'button',
                text: range.text,
                url: attribute(open[2]!, tag === 'a' ? 'href' : 'formaction'),
                start: range.start,
                end: range.end,
                autolink: false,
                blockHtml: false,
                inBlockquote: quoted
              })
            }
            index = close
            continue
          }
        }
        continue
      }
      walk(child, quoted)
    }
  }

  /** `<a>` and `<button>` elements inside a block of HTML. */
  function blockHtml(node: Html, inBlockquote: boolean) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    // The node's value equals its source slice except inside containers
    // (blockquote or list prefixes are stripped), so offsets are found in the source.
    const raw = source.slice(start, end)
    ELEMENT.lastIndex = 0
    for (const match of raw.matchAll(ELEMENT)) {
      const tag = match[1]!.toLowerCase()
      const inner = match[3]!
      const innerAt = match.index + match[0].indexOf('>') + 1
      const text = decodeEntities(inner.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim()
      if (!text) continue
      const lead = inner.length - inner.trimStart().length
      const from = start + innerAt + lead
      const to = start + innerAt + inner.trimEnd().length
      found.push({
        kind: tag === 'a' ? 'html-link' : 'button',
        text,
        url: attribute(match[2]!, tag === 'a' ? 'href' : 'formaction'),
        start: from,
        end: to,
        autolink: false,
        blockHtml: true,
        inBlockquote
      })
    }
  }
}

function isPhrasingParent(node: Nodes): boolean {
  return ['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete'].includes(node.type)
}

/** The text of phrasing content and the source range from its first to its last text. */
function textRange(nodes: PhrasingContent[]): {text: string; start: number; end: number} | undefined {
  let text = ''
  let start = Number.POSITIVE_INFINITY
  let end = -1
  const add = (node: PhrasingContent) => {
    const from = node.position?.start.offset
    const to = node.position?.end.offset
    if (node.type === 'text' || node.type === 'inlineCode') {
      text += node.value
    } else if (node.type === 'image' || node.type === 'imageReference') {
      text += node.alt ?? ''
    } else if ('children' in node) {
      for (const child of node.children as PhrasingContent[]) add(child)
      return
    } else return
    if (from !== undefined && to !== undefined) {
      start = Math.min(start, from)
      end = Math.max(end, to)
    }
  }
  for (const node of nodes) add(node)
  if (end < 0 || !text.trim()) return undefined
  // Widen to whole top-level children so that emphasis markers stay balanced
  // (`**Reserve** my seat`, not `Reserve** my seat`).
  for (const node of nodes) {
    const from = node.position?.start.offset
    const to = node.position?.end.offset
    if (from === undefined || to === undefined || node.type === 'text' || node.type === 'inlineCode') continue
    if (from < start && to > start) start = from
    if (to > end && from < end) end = to
  }
  return {text: text.replace(/\s+/g, ' ').trim(), start, end}
}

function isAutolink(node: Extract<PhrasingContent, {type: 'link'}>): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined
  if (!only || only.type !== 'text') return false
  const text = only.value
  return text === node.url || 'mailto:' + text === node.url || 'http://' + text === node.url
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes)
  if (!match) return undefined
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '')
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
}

function visit(node: Nodes | Parents, each: (node: Nodes) => void) {
  each(node as Nodes)
  if ('children' in node) for (const child of node.children as Nodes[]) visit(child, each)
}
