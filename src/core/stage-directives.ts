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

  children.forEach((node, index) => {
    const value = directiveValue(node)
    if (value === undefined) return
    const stage = parseStage(value)
    if (!stage) {
      bad.push({value, node})
      return
    }
    const next = children[index + 1]
    let start = offsetOf(node)
    let depth: number
    if (next && next.type === 'heading') {
      start = offsetOf(next)
      depth = next.depth
      index += 1
    } else {
      depth = governingDepth(children, index)
    }
    let end = documentEnd
    for (let later = index + 1; later < children.length; later++) {
      const candidate = children[later]!
      if (candidate.type === 'heading' && candidate.depth <= depth) {
        end = offsetOf(candidate)
        break
      }
    }
    scopes.push({stage, start, end})
  })
  return {scopes, bad}
}

function governingDepth(children: RootContent[], index: number): number {
  for (let before = index - 1; before >= 0; before--) {
    const node = children[before]!
    if (node.type === 'heading') return node.depth
  }
  return 0
}

function offsetOf(node: RootContent): number {
  return node.position?.start.offset ?? 0
}

/** The stage a scope gives an offset (the latest-starting scope that holds it), if any. */
export function scopeAt(scopes: StageScope[], offset: number): Stage | undefined {
  let found: StageScope | undefined
  for (const scope of scopes) {
    if (scope.start <= offset && offset < scope.end && (!found || scope.start >= found.start)) found = scope
  }
  return found?.stage
}

/** The stage at a source offset, or the fallback where no scope holds it. */
export function stageAt(scopes: StageScope[], offset: number, fallback: Stage): Stage {
  return scopeAt(scopes, offset) ?? fallback
}
