import type {Root, Yaml} from 'mdast'
import {parse as parseYaml, YAMLParseError} from 'yaml'

/** What trustlint reads from front matter. */
export interface FrontMatter {
  node: Yaml | undefined
  data: Record<string, unknown>
  /** A YAML error, with its offset in the file. */
  error?: {detail: string; offset: number}
  notMapping?: boolean
  /** The file opens a front matter block with `---` but never closes it. */
  unclosed?: boolean
}

const OPENING = /^---[ \t]*\r?\n/

/** Read YAML front matter (remark-frontmatter's `yaml` node) without throwing. */
export function readFrontMatter(tree: Root, source: string): FrontMatter {
  const first = tree.children[0]
  if (!first || first.type !== 'yaml') {
    // remark-frontmatter accepts any closed block, so an opening fence left
    // without a yaml node was never closed.
    return {node: undefined, data: {}, unclosed: OPENING.test(source)}
  }
  const start = first.position?.start.offset ?? 0
  // The value starts after the opening fence line.
  const valueStart = start + (OPENING.exec(source.slice(start))?.[0].length ?? 4)
  try {
    // logLevel 'error': YAML warnings (an unknown tag such as !!js/function) must not reach stderr as raw process warnings.
    const data = parseYaml(first.value, {prettyErrors: false, logLevel: 'error'}) as unknown
    if (data === null || data === undefined) return {node: first, data: {}}
    if (typeof data !== 'object' || Array.isArray(data)) return {node: first, data: {}, notMapping: true}
    return {node: first, data: data as Record<string, unknown>}
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error)
    const offset = error instanceof YAMLParseError && error.pos ? valueStart + error.pos[0] : start
    return {node: first, data: {}, error: {detail, offset}}
  }
}
