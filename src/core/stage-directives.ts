import type {Root, RootContent} from 'mdast'
import {parseStage, type Stage} from './stages.js'

/** A stage directive's reach: source offsets [start, end). */
export interface StageScope {
  stage: Stage
  start: number
  end: number
}

/** A directive whose value is not a stage. */
export interface BadDirective {
  value: string
  /** The HTML comment or MDX expression comment. */
  node: RootContent
}

/** `<!-- trustlint stage: X -->` (an `html` node) and `{/* trustlint stage: X *\/}` (MDX: the expression's value). */
const HTML_DIRECTIVE = /^<!--\s*trustlint\s+stage\s*:\s*([^\s]+?)\s*-->$/
const MDX_DIRECTIVE = /^\/\*\s*trustlint\s+stage\s*:\s*([^\s]+?)\s*\*\/$/

/** The stage name a node's directive gives, or undefined when the node is no stage directive. */
function directiveValue(node: RootContent): string | undefined {
  if (node.type === 'html') return HTML_DIRECTIVE.exec(node.value.trim())?.[1]
  // MDX has no HTML comments: the same directive is written as an expression comment.
  if (node.type === 'mdxFlowExpression') return MDX_DIRECTIVE.exec(node.value.trim())?.[1]
  return undefined
}

/**
 * Read `<!-- trustlint stage: X -->` comments (in MDX, `{/* trustlint stage: X *\/}`)
 * and work out where each applies.
 *
 * A directive applies from where it stands to the end of the section it sits
 * in: up to the next heading of the same or a higher level than the heading
 * governing it (to the end of the document before any heading). Written right
 * before a heading (only blank lines between), it governs that heading's
 * section instead, so both placements of "mark this section as sales" work.
 * A later directive overrides an earlier one from where it starts.
 */
export function readStageDirectives(tree: Root): {scopes: StageScope[]; bad: BadDirective[]} {
  const scopes: StageScope[] = []
  const bad: BadDirective[] = []
  const children = tree.children
  const documentEnd = tree.position?.end.offset ?? Number.MAX_SAFE_INTEGER
  // Looked up, not searched for, per directive: a draft with a directive in each of
  // thousands of sections would otherwise walk the document once per directive (issue 13).
  let headings: HeadingIndex | undefined

  children.forEach((node, index) => {
    const value = directiveValue(node)
    if (value === undefined) return
    const stage = parseStage(value)
    if (!stage) {
      bad.push({value, node})
      return
    }
    headings ??= indexHeadings(children)
    const next = children[index + 1]
    let start = offsetOf(node)
    let depth: number
    if (next && next.type === 'heading') {
      start = offsetOf(next)
      depth = next.depth
      index += 1
    } else {
      depth = headings.depthBefore[index]!
    }
    // The next heading of the same or a higher level (none governs before the first heading).
    const ending = depth === 0 ? -1 : headings.nextAtMost[depth - 1]![index + 1]!
    scopes.push({stage, start, end: ending < 0 ? documentEnd : offsetOf(children[ending]!)})
  })
  return {scopes, bad}
}

interface HeadingIndex {
  /** For each child: the depth of the last heading before it (0 before the first). */
  depthBefore: number[]
  /** For each level d (index d - 1) and child i: the first heading at or after i of depth ≤ d, or -1. */
  nextAtMost: Int32Array[]
}

function indexHeadings(children: RootContent[]): HeadingIndex {
  const depthBefore: number[] = []
  let depth = 0
  for (const node of children) {
    depthBefore.push(depth)
    if (node.type === 'heading') depth = node.depth
  }
  const nextAtMost = Array.from({length: 6}, () => new Int32Array(children.length + 1).fill(-1))
  for (let index = children.length - 1; index >= 0; index--) {
    const node = children[index]!
    for (let level = 1; level <= 6; level++) {
      const table = nextAtMost[level - 1]!
      table[index] = node.type === 'heading' && node.depth <= level ? index : table[index + 1]!
    }
  }
  return {depthBefore, nextAtMost}
}

function offsetOf(node: RootContent): number {
  return node.position?.start.offset ?? 0
}

/** The stage a scope gives an offset (the latest-starting scope that holds it), if any. */
export function scopeAt(scopes: StageScope[], offset: number): Stage | undefined {
  if (scopes.length <= FEW_SCOPES) {
    let found: StageScope | undefined
    for (const scope of scopes) {
      if (scope.start <= offset && offset < scope.end && (!found || scope.start >= found.start)) found = scope
    }
    return found?.stage
  }
  let index = indexes.get(scopes)
  if (!index || index.count !== scopes.length) indexes.set(scopes, (index = indexScopes(scopes)))
  // The last piece starting at or before the offset.
  let low = 0
  let high = index.starts.length - 1
  let at = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (index.starts[middle]! <= offset) {
      at = middle
      low = middle + 1
    } else high = middle - 1
  }
  return at < 0 ? undefined : index.stages[at]
}

// A document with a stage directive per section, or stage inference over thousands of
// sections, asks for the stage of every block and sentence: past a few scopes, asking
// each of them is quadratic in the document (issue 13), so the scopes are cut once into
// pieces with one stage each and looked up by binary search.
const FEW_SCOPES = 16

interface ScopeIndex {
  /** How many scopes the index was made from (a list that grew is indexed again). */
  count: number
  /** Where each piece starts; a piece runs to the next one's start. */
  starts: number[]
  stages: (Stage | undefined)[]
}

const indexes = new WeakMap<StageScope[], ScopeIndex>()

/**
 * Cut scopes into pieces holding one stage: at each boundary the scope in force is
 * the latest-starting one still open (the later one of two starting together, as
 * in scopeAt). Scopes are opened in that order, so the one in force is always on
 * top of a stack of the open ones once those that ended are taken off the top.
 */
function indexScopes(scopes: StageScope[]): ScopeIndex {
  const order = scopes.map((scope, position) => ({scope, position})).sort((a, b) => a.scope.start - b.scope.start || a.position - b.position)
  const boundaries = [...new Set(scopes.flatMap((scope) => [scope.start, scope.end]))].sort((a, b) => a - b)
  const open: StageScope[] = []
  const starts: number[] = []
  const stages: (Stage | undefined)[] = []
  let next = 0
  for (const boundary of boundaries) {
    while (next < order.length && order[next]!.scope.start <= boundary) open.push(order[next++]!.scope)
    while (open.length > 0 && open[open.length - 1]!.end <= boundary) open.pop()
    starts.push(boundary)
    stages.push(open[open.length - 1]?.stage)
  }
  return {count: scopes.length, starts, stages}
}

/** The stage at a source offset, or the fallback where no scope holds it. */
export function stageAt(scopes: StageScope[], offset: number, fallback: Stage): Stage {
  return scopeAt(scopes, offset) ?? fallback
}
