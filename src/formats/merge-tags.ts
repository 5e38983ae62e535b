import type {PhrasingContent} from 'mdast'
import type {Point} from 'unist'

/**
 * ESP merge tags and template syntax: Mailchimp `*|FNAME|*`, Liquid/Handlebars
 * `{{ name }}` and `{% … %}`, Salesforce/Benchmark `%%first_name%%`, 配配メール and
 * Smarty `{$name}`. Their words are the template's, never the writer's pressure,
 * so they become opaque (masked) nodes. Bounded lengths keep the scan linear.
 */
const MERGE_TAG = /\*\|[^|\r\n]{1,80}\|\*|\{\{[^{}\r\n]{1,120}\}\}|\{%[^{}\r\n]{1,200}%\}|%%[A-Za-z0-9_.:-]{1,60}%%|\{\$[A-Za-z0-9_.:[\]-]{1,60}\}/g

/**
 * Split a text node whose value is its source slice `[start, …)` (or a decoded
 * copy that keeps merge tags verbatim) into text and masked `html` nodes.
 * `valueStart(i)` gives the source offset of value index `i`.
 */
export function splitMergeTags(
  value: string,
  valueStart: (index: number) => number,
  valueEnd: (index: number) => number,
  toPoint: (offset: number) => Point
): PhrasingContent[] {
  const nodes: PhrasingContent[] = []
  let last = 0
  const text = (from: number, to: number) => {
    if (to <= from) return
    nodes.push({type: 'text', value: value.slice(from, to), position: {start: toPoint(valueStart(from)), end: toPoint(valueEnd(to - 1))}})
  }
  for (const match of value.matchAll(MERGE_TAG)) {
    text(last, match.index)
    const end = match.index + match[0].length
    nodes.push({type: 'html', value: match[0], position: {start: toPoint(valueStart(match.index)), end: toPoint(valueEnd(end - 1))}})
    last = end
  }
  text(last, value.length)
  return nodes
}
