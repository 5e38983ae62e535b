/**
 * HTML email (ESP exports, MJML output) → the positioned mdast tree every
 * other step reads: hast from rehype-parse, walked in document order into
 * flat paragraphs and headings, links with their href, the `<title>` as a
 * subject block and the hidden preheader as a preheader block. Text values are
 * decoded from their source slices here, so src/core/prose.ts aligns them to
 * the source exactly as it does for Markdown.
 */
import type {Element, ElementContent, Nodes as HastNodes, Root as HastRoot} from 'hast'
import type {Blockquote, Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root} from 'mdast'
import type rehypeParseType from 'rehype-parse'
import {unified} from 'unified'
import type {Point} from 'unist'
import {VFile} from 'vfile'
import {characterReference} from '../core/prose.js'
import {splitMergeTags} from './merge-tags.js'

/** A value read from the document (a stage marker), with its source range. */
export interface SourceValue {
  value: string
  start: number
  end: number
}

/** A parse problem worth telling the writer: text it hides is not linted. */
export interface HtmlProblem {
  code: string
  /** The opener left unclosed (`<!--`, `<`). */
  start: number
  end: number
}

/** What the HTML module hands on. */
export interface HtmlDocument {
  tree: Root
  /** `<meta name="trustlint-stage" content="…">`. */
  stage: SourceValue | undefined
  problems: HtmlProblem[]
}

// Parse errors after which the rest of the file is swallowed (an unclosed
// comment or tag hides everything after it); the recoverable ones that every
// ESP export has (no doctype, stray end tags) are not reported.
// Each with the opener that was left unclosed.
const SWALLOWING = new Map([
  ['eof-in-comment', '<!--'],
  ['eof-in-tag', '<'],
  ['eof-in-cdata', '<![CDATA['],
  ['eof-in-script-html-comment-like-text', '<script'],
  ['eof-in-doctype', '<!']
])

// Elements whose content is never prose a reader sees as text.
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'select', 'datalist', 'textarea', 'pre', 'head'])
// Inline content that is not the writer's prose: kept as one masked character.
const MASKED = new Set(['code', 'kbd', 'samp', 'var', 'input', 'video', 'audio', 'canvas', 'embed', 'picture'])
// Elements that start and end a block of prose; everything else is phrasing.
const BLOCKS = new Set([
  'html', 'body', 'address', 'article', 'aside', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'main', 'nav', 'p', 'section', 'summary', 'table', 'caption', 'thead', 'tbody',
  'tfoot', 'tr', 'td', 'th', 'colgroup', 'col', 'li', 'ul', 'ol', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'title', 'option', 'legend'
])
const DIRECTIVE = /^\s*trustlint[\s-]/
const HTML_SPACE = /^[ \t\n\r]$/

type Container = Root | Blockquote | ListItem

// rehype-parse (parse5) is loaded on the first HTML document: Markdown-only runs never pay for it.
let rehypeParse: typeof rehypeParseType | undefined

/** Load the HTML parser; call (and await) before `htmlDocument`. */
export async function loadHtmlParser(): Promise<void> {
  rehypeParse ??= (await import('rehype-parse')).default
}

/**
 * Parse `source.slice(from, to)` as HTML (after `loadHtmlParser`); every position is an offset into
 * `source` (an .eml part sits after its subject in the linted text).
 */
export function htmlDocument(source: string, toPoint: (offset: number) => Point, from = 0, to = source.length): HtmlDocument {
  const html = source.slice(from, to)
  const file = new VFile({value: html})
  if (!rehypeParse) throw new Error('htmlDocument: call loadHtmlParser() first')
  const hast = unified().use(rehypeParse, {emitParseErrors: true}).parse(file) as HastRoot
  const problems: HtmlProblem[] = []
  for (const message of file.messages) {
    const opener = SWALLOWING.get(String(message.ruleId))
    if (!opener) continue
    const place = message.place && 'start' in message.place ? message.place.start : message.place
    const at = place?.offset ?? html.length
    // Point at what was left open, not at the end of the file where the parser noticed.
    const start = Math.max(0, html.lastIndexOf(opener, at))
    problems.push({code: String(message.ruleId), start: from + start, end: from + Math.min(start + opener.length, html.length)})
  }

  const root: Root = {type: 'root', children: [], position: {start: toPoint(from), end: toPoint(to)}}
  const containers: Container[] = [root]
  const lists: List[] = []
  let open: Paragraph | Heading | undefined
  // Where phrasing goes: the open block's children, or a link's.
  let sink: PhrasingContent[] | undefined
  let inLink = 0
  let sawText = false
  let preheaderDone = false
  let stage: SourceValue | undefined
  let subject: Paragraph | undefined
  // Blocks opened while walking the preheader are preheader blocks.
  let kind: 'preheader' | undefined
  // Table cells around the walk (a colored cell makes a bulletproof button), and whether a link holds a linked image.
  const cells: Element[] = []
  let imageInLink = false

  const offsetOf = (node: {position?: {start: {offset?: number}; end: {offset?: number}}}) =>
    node.position?.start.offset === undefined || node.position.end.offset === undefined
      ? undefined
      : ([from + node.position.start.offset, from + node.position.end.offset] as const)
  const positionOf = (start: number, end: number) => ({start: toPoint(start), end: toPoint(end)})

  const target = (): PhrasingContent[] => {
    if (sink) return sink
    open = kind ? {type: 'paragraph', children: [], data: {trustlintKind: kind}} : {type: 'paragraph', children: []}
    sink = open.children
    return sink
  }
  const flush = () => {
    if (open && open.children.length > 0) {
      const first = open.children[0]!.position!.start
      const last = open.children.at(-1)!.position!.end
      open.position = {start: first, end: last}
      containers.at(-1)!.children.push(open as never)
    }
    open = undefined
    sink = undefined
  }

  walk(hast)
  flush()
  if (subject) root.children.unshift(subject)
  return {tree: root, stage, problems}

  function walk(node: HastNodes) {
    switch (node.type) {
      case 'root':
        for (const child of node.children) walk(child)
        return
      case 'comment': {
        const range = offsetOf(node)
        // trustlint directives and control comments become top-level comment
        // nodes, as in Markdown; other comments (and <!--[if mso]> blocks) are not text.
        // (Not inside a link: the link's text stays one run.)
        if (!range || !DIRECTIVE.test(node.value) || inLink) return
        flush()
        root.children.push({type: 'html', value: source.slice(range[0], range[1]), position: positionOf(range[0], range[1])})
        return
      }
      case 'text':
        addText(node, offsetOf(node))
        return
      case 'element':
        element(node)
        return
      default:
    }
  }

  function addText(node: {value: string}, at: readonly [number, number] | undefined) {
    // Whitespace between blocks (most text nodes of a table layout) opens nothing.
    if (!at || (!sink && !/\S/.test(node.value))) return
    const decoded = decodeSlice(source, at[0], at[1])
    // A node moved by the tree builder (foster parenting) does not match its
    // slice: masked, so no position is ever guessed.
    if (collapse(node.value) !== collapse(decoded.value)) {
      if (/\S/.test(node.value)) target().push(maskNode(at[0], at[1]))
      return
    }
    if (/[^\s\u200B-\u200D\u2060\uFEFF\u034F\u00AD]/.test(decoded.value)) sawText = true
    target().push(...splitMergeTags(decoded.value, (index) => decoded.origin[index]!, (index) => decoded.originEnd[index]!, toPoint))
  }

  function maskNode(start: number, end: number): PhrasingContent {
    return {type: 'html', value: source.slice(start, end), position: positionOf(start, end)}
  }

  function children(node: Element) {
    const content = node.tagName === 'template' ? [] : node.children
    for (const child of content as ElementContent[]) walk(child)
  }

  function element(node: Element) {
    const name = node.tagName
    const at = offsetOf(node)
    if (name === 'head') {
      head(node)
      return
    }
    if (SKIPPED.has(name)) return
    if (isHidden(node)) {
      if (preheaderDone || sawText || inLink) return
      preheaderDone = true
      block(() => {
        kind = 'preheader'
        children(node)
        kind = undefined
      })
      return
    }
    if (name === 'img') {
      image(node, at)
      return
    }
    if (name === 'br') {
      if (at && sink) sink.push({type: 'break', position: positionOf(at[0], at[1])})
      return
    }
    if (MASKED.has(name)) {
      if (at) target().push(maskNode(at[0], at[1]))
      return
    }
    if (name === 'a' || name === 'button') {
      link(node, at)
      return
    }
    // Inside a link (a bulletproof button wraps a table), everything is its text.
    if (inLink || !BLOCKS.has(name)) {
      children(node)
      return
    }
    if (/^h[1-6]$/.test(name)) {
      block(() => {
        open = {type: 'heading', depth: Number(name[1]) as Heading['depth'], children: []}
        sink = open.children
        children(node)
      })
      return
    }
    if ((name === 'blockquote' || name === 'ul' || name === 'ol' || name === 'li') && at) {
      container(node, name, at)
      return
    }
    if (name === 'td' || name === 'th') {
      cells.push(node)
      block(() => children(node))
      cells.pop()
      return
    }
    block(() => children(node))
  }

  function block(inside: () => void) {
    flush()
    inside()
    flush()
  }

  function container(node: Element, name: string, at: readonly [number, number]) {
    flush()
    const position = positionOf(at[0], at[1])
    if (name === 'blockquote') {
      const quote: Blockquote = {type: 'blockquote', children: [], position}
      containers.at(-1)!.children.push(quote as never)
      containers.push(quote)
      children(node)
      flush()
      containers.pop()
    } else if (name === 'ul' || name === 'ol') {
      const list: List = {type: 'list', ordered: name === 'ol', spread: false, children: [], position}
      containers.at(-1)!.children.push(list as never)
      lists.push(list)
      children(node)
      flush()
      lists.pop()
    } else {
      const list = lists.at(-1)
      if (!list) {
        block(() => children(node))
        return
      }
      const item: ListItem = {type: 'listItem', spread: false, children: [], position}
      list.children.push(item)
      containers.push(item)
      children(node)
      flush()
      containers.pop()
    }
  }

  function link(node: Element, at: readonly [number, number] | undefined) {
    if (inLink || !at) {
      children(node)
      return
    }
    const href = node.tagName === 'a' ? node.properties.href : node.properties.formAction
    const mdast: Link = {type: 'link', url: typeof href === 'string' ? href : '', children: [], position: positionOf(at[0], at[1])}
    if (isButtonLike(node, cells.at(-1))) mdast.data = {trustlintButton: true}
    const outer = target()
    const saved = sink
    sink = mdast.children
    inLink++
    imageInLink = false
    children(node)
    inLink--
    sink = saved
    // An image button is an ask (issue 15).
    if (imageInLink) mdast.data = {trustlintButton: true}
    trimEdges(mdast.children)
    if (mdast.children.length > 0) {
      mdast.position = {start: mdast.children[0]!.position!.start, end: mdast.children.at(-1)!.position!.end}
      outer.push(mdast)
    }
  }

  /**
   * A link's text starts and ends at its first and last visible character
   * (`<a> Click here </a>` is “Click here”), as a Markdown link's does.
   */
  function trimEdges(nodes: PhrasingContent[]) {
    const first = nodes[0]
    if (first?.type === 'text') {
      const lead = /^[ \t\n\r]*/.exec(first.value)![0].length
      if (lead === first.value.length) nodes.shift()
      else if (lead > 0) {
        let at = first.position!.start.offset!
        while (HTML_SPACE.test(source[at]!)) at++
        first.value = first.value.slice(lead)
        first.position!.start = toPoint(at)
      }
    }
    const last = nodes.at(-1)
    if (last?.type === 'text') {
      const trail = /[ \t\n\r]*$/.exec(last.value)![0].length
      if (trail === last.value.length) nodes.pop()
      else if (trail > 0) {
        let at = last.position!.end.offset!
        while (HTML_SPACE.test(source[at - 1]!)) at--
        last.value = last.value.slice(0, last.value.length - trail)
        last.position!.end = toPoint(at)
      }
    }
  }

  /** A linked image's `alt` is the button's text (an image button is an ask); other images are masked. */
  function image(node: Element, at: readonly [number, number] | undefined) {
    if (!at || isPixel(node)) return
    const alt = attributeValue(node, 'alt')
    if (inLink && alt) {
      addText({value: decodeSlice(source, alt[0], alt[1]).value}, alt)
      imageInLink = true
      return
    }
    if (sink) sink.push(maskNode(at[0], at[1]))
  }

  /** The source range of an attribute's value (inside its quotes), read from the element's start tag. */
  function attributeValue(node: Element, name: string): [number, number] | undefined {
    const start = node.position?.start.offset
    if (start === undefined) return
    const range = attributeRange(html, start, name)
    return range && range[1] > range[0] ? [from + range[0], from + range[1]] : undefined
  }

  function head(node: Element) {
    for (const child of node.children) {
      if (child.type === 'comment') walk(child)
      if (child.type !== 'element') continue
      if (child.tagName === 'title' && !subject) {
        const saved = {open, sink}
        open = {type: 'paragraph', children: [], data: {trustlintKind: 'subject'}}
        sink = open.children
        for (const text of child.children) walk(text)
        if (open.children.length > 0) {
          open.position = {start: open.children[0]!.position!.start, end: open.children.at(-1)!.position!.end}
          subject = open
        }
        ;({open, sink} = saved)
        sawText = false
      } else if (child.tagName === 'meta' && String(child.properties.name ?? '').toLowerCase() === 'trustlint-stage') {
        const content = attributeValue(child, 'content')
        if (content) stage = {value: decodeSlice(source, content[0], content[1]).value.trim(), start: content[0], end: content[1]}
      }
    }
  }
}

// One attribute of a start tag: its name, then an optional value (quoted or not); `d` gives the value's indices.
const ATTRIBUTE = /[\s/]+([^\s"'>/=]+)(?:[ \t\n\f\r]*=[ \t\n\f\r]*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/dy

/**
 * Where an attribute's value sits in the start tag at `tagStart` (the first
 * of a repeated name wins, as in the HTML standard). Only images in links and
 * the stage <meta> need it, so the parser is not asked for every attribute's position.
 */
export function attributeRange(html: string, tagStart: number, name: string): [number, number] | undefined {
  const tag = /^<[^\s/>]+/.exec(html.slice(tagStart, tagStart + 64))
  if (!tag) return
  ATTRIBUTE.lastIndex = tagStart + tag[0].length
  for (let match = ATTRIBUTE.exec(html); match; match = ATTRIBUTE.exec(html)) {
    if (match[1]!.toLowerCase() !== name) continue
    const value = match.indices![2] ?? match.indices![3] ?? match.indices![4]
    return value ? [value[0], value[1]] : undefined
  }
  return undefined
}

/** Hidden from the reader: the inbox shows a hidden block at the top as the preview (preheader). */
function isHidden(node: Element): boolean {
  if (node.properties.hidden) return true
  const style = String(node.properties.style ?? '').toLowerCase()
  if (!style) return false
  return (
    /display\s*:\s*none/.test(style) ||
    /visibility\s*:\s*hidden/.test(style) ||
    /(?:^|;)\s*opacity\s*:\s*0(?:\.0*)?\s*(?:;|!|$)/.test(style) ||
    (/max-height\s*:\s*0(?:px)?\s*(?:;|!|$)/.test(style) && /overflow\s*:\s*hidden/.test(style))
  )
}

/**
 * A link drawn as a button: `<button>`, `role="button"`, a button class
 * (`mcnButton`, `btn`, `cta`), a padded block with a background (a CSS
 * button), or the only kind of link a colored table cell holds (a bulletproof
 * button: MJML's `<td bgcolor>`).
 */
function isButtonLike(node: Element, cell: Element | undefined): boolean {
  if (node.tagName === 'button') return true
  const classes = [node.properties.className ?? []].flat().join(' ')
  if (/button/i.test(String(node.properties.role ?? '')) || /button|btn|(?:^|[\s_-])cta/i.test(classes)) return true
  const style = String(node.properties.style ?? '').toLowerCase()
  if (/padding/.test(style) && /background|display\s*:\s*(?:inline-)?block/.test(style)) return true
  return !!cell && (cell.properties.bgColor !== undefined || /background/i.test(String(cell.properties.style ?? '')))
}

/** A 1×1 tracking pixel: never text, not even masked. */
function isPixel(node: Element): boolean {
  const size = (value: unknown) => (value === undefined || value === null ? undefined : Number.parseFloat(String(value)))
  const width = size(node.properties.width)
  const height = size(node.properties.height)
  return (width !== undefined && width <= 1) || (height !== undefined && height <= 1)
}

/** Runs of HTML whitespace compared as one character, CR of CRLF dropped (the tokenizer drops it). */
function collapse(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[ \t\n]+/g, (run) => run[0]!)
}

/**
 * Decode a text or attribute slice: character references as micromark decodes
 * them (the aligner in src/core/prose.ts re-reads the same references), runs
 * of whitespace kept as their first character, CR of CRLF dropped.
 */
export function decodeSlice(source: string, start: number, end: number): {value: string; origin: number[]; originEnd: number[]} {
  let value = ''
  const origin: number[] = []
  const originEnd: number[] = []
  const push = (text: string, from: number, to: number) => {
    for (let unit = 0; unit < text.length; unit++) {
      origin.push(from)
      originEnd.push(to)
    }
    value += text
  }
  let at = start
  while (at < end) {
    const char = source[at]!
    if (char === '&') {
      const reference = characterReference(source, at)
      if (reference && at + reference.length <= end) {
        push(reference.decoded, at, at + reference.length)
        at += reference.length
        continue
      }
    }
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      let run = at
      while (run < end && ' \t\n\r'.includes(source[run]!)) run++
      // The first character of the run that is not CR (a lone CR run is dropped).
      let first = at
      while (first < run && source[first] === '\r') first++
      if (first < run) push(source[first]!, first, first + 1)
      at = run
      continue
    }
    push(char, at, at + 1)
    at++
  }
  return {value, origin, originEnd}
}


