import type {Nodes, Root} from 'mdast'
import {commentMarker} from 'mdast-comment-marker'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {location as locate} from 'vfile-location'
import type {Lang} from '../lang/script.js'
import {closest} from './closest.js'
import {NOTICES, noticeUrl} from './notices.js'
import {report} from './report.js'

/** The control comments trustlint understands, ESLint style. */
const VERBS = ['disable', 'enable', 'disable-next-line', 'ignore'] as const
type Verb = (typeof VERBS)[number]

interface Directive {
  verb: Verb
  /** Rule ids; empty means every rule. */
  ruleIds: string[]
  node: Nodes
  /** Where a disable/enable takes effect: the end of the comment. */
  at: number
  /** disable-next-line and ignore: the source offsets they silence, [start, end). */
  ranges: [number, number][]
  used: boolean
}

const COMMENT_NODES = ['html', 'mdxFlowExpression', 'mdxTextExpression']

/**
 * Apply `<!-- trustlint-disable ids -->` … `<!-- trustlint-enable ids -->`,
 * `<!-- trustlint-disable-next-line ids -->`, `<!-- trustlint-ignore ids -->`
 * (the next block) and their MDX forms `{/* … *\/}` to trustlint's messages.
 * Comments are parsed with mdast-comment-marker, the unified collective's
 * parser for such markers. An unknown rule id or a directive that silenced
 * nothing gets an info message, so stale comments do not pile up.
 */
export function applyMessageControl(tree: Root, file: VFile, knownRuleIds: readonly string[], lang: Lang): void {
  const source = String(file.value ?? '')
  const location = locate(file)
  const directives: Directive[] = []

  visit(tree, (node, index, parent) => {
    if (!COMMENT_NODES.includes(node.type)) return
    const marker = commentMarker(node)
    if (!marker || !marker.name.startsWith('trustlint-')) return
    const verb = marker.name.slice('trustlint-'.length) as Verb
    const start = node.position?.start.offset ?? 0
    const end = node.position?.end.offset ?? 0
    if (!VERBS.includes(verb)) {
      const text = NOTICES.control.verb[lang](marker.name)
      report(file, location, source, notice(start, end, text))
      return
    }
    const ruleIds = marker.attributes.split(/[\s,]+/).filter(Boolean)
    const known = ruleIds.filter((id) => {
      if (knownRuleIds.includes(id)) return true
      const hint = closest(id, [...knownRuleIds])
      report(file, location, source, notice(start, end, NOTICES.control.unknown[lang](id, hint)))
      return false
    })
    if (ruleIds.length > 0 && known.length === 0) return
    const directive: Directive = {verb, ruleIds: known, node, at: end, ranges: [], used: verb === 'enable'}
    directives.push(directive)
    if (verb === 'disable-next-line') {
      const line = node.position?.end.line ?? 0
      const from = location.toOffset({line: line + 1, column: 1})
      const to = location.toOffset({line: line + 2, column: 1}) ?? source.length
      if (from !== undefined) directive.ranges.push([from, to])
    } else if (verb === 'ignore') {
      const next = parent && index !== undefined ? parent.children[index + 1] : undefined
      if (next?.position) directive.ranges.push([next.position.start.offset!, next.position.end.offset!])
    }
  })
  if (directives.length === 0) return

  // disable/enable toggle in document order; the latest toggle before a
  // message that names its rule (or names none) decides.
  const toggles = directives.filter((directive) => directive.verb === 'disable' || directive.verb === 'enable')
  const spans = directives.filter((directive) => directive.ranges.length > 0)
  file.messages = file.messages.filter((message) => {
    if (message.source !== 'trustlint' || message.ruleId === 'control') return true
    const offset = startOffset(message)
    const applies = (directive: Directive) => directive.ruleIds.length === 0 || directive.ruleIds.includes(message.ruleId ?? '')
    let keep = true
    let latest: Directive | undefined
    for (const toggle of toggles) if (toggle.at <= offset && applies(toggle)) latest = toggle
    if (latest?.verb === 'disable') {
      latest.used = true
      keep = false
    }
    for (const span of spans) {
      if (applies(span) && span.ranges.some(([from, to]) => offset >= from && offset < to)) {
        span.used = true
        keep = false
      }
    }
    return keep
  })

  for (const directive of directives) {
    if (directive.used) continue
    const start = directive.node.position?.start.offset ?? 0
    const end = directive.node.position?.end.offset ?? 0
    report(file, location, source, notice(start, end, NOTICES.control.unused[lang](`trustlint-${directive.verb}`)))
  }

  function notice(start: number, end: number, reason: string) {
    return {ruleId: 'control', category: 'other' as const, level: 'info' as const, reason, start, end, stage: undefined, lang, url: noticeUrl('control')}
  }
}

function startOffset(message: VFileMessage): number {
  const place = message.place
  if (place && 'start' in place) return place.start.offset ?? 0
  return place?.offset ?? 0
}
