import type {Root, Yaml} from 'mdast'
import {parse as parseYaml, YAMLParseError} from 'yaml'

/** What trustlint reads from front matter. */
export interface FrontMatter {
  /** remark-frontmatter's node; undefined when the host did not parse front matter (read from the source then). */
  node: Yaml | undefined
  data: Record<string, unknown>
  /** Source offsets of the whole block, fences included, whether parsed by the host or read from the source. */
  range?: {start: number; end: number}
  /** The YAML text between the fences and the source offset where it starts (for exact positions inside values). */
  yaml?: {value: string; valueStart: number}
  /** A YAML error, with its offset in the file. */
  error?: {detail: string; offset: number}
  notMapping?: boolean
  /** The file opens a front matter block with `---` but never closes it. */
  unclosed?: boolean
}

const OPENING = /^---[ \t]*\r?\n/
/** A closing fence line, as micromark-extension-frontmatter accepts it: `---` and trailing blanks. */
const CLOSING = /^---[ \t]*$/

/**
 * Read YAML front matter without throwing: remark-frontmatter's `yaml` node
 * when the host parsed it, else the block at the start of the source. Hosts
 * such as @next/mdx and a bare `unified().use(remarkParse)` do not add
 * remark-frontmatter; their tree then holds a thematic break and a setext
 * heading where the block is, and only the source tells it apart (issue 14).
 */
export function readFrontMatter(tree: Root, source: string): FrontMatter {
  const first = tree.children[0]
  if (first && first.type === 'yaml') {
    const start = first.position?.start.offset ?? 0
    const end = first.position?.end.offset ?? start
    // The value starts after the opening fence line.
    const valueStart = start + (OPENING.exec(source.slice(start))?.[0].length ?? 4)
    return {node: first, range: {start, end}, yaml: {value: first.value, valueStart}, ...parseValue(first.value, valueStart, start)}
  }
  const block = sourceFrontMatter(source)
  if (block === 'unclosed') return {node: undefined, data: {}, unclosed: true}
  if (!block) return {node: undefined, data: {}}
  return {node: undefined, range: {start: 0, end: block.end}, yaml: {value: block.value, valueStart: block.valueStart}, ...parseValue(block.value, block.valueStart, 0)}
}

/**
 * The tree as trustlint should read it: without the nodes a host that does not
 * know front matter made of the block (it is data, not prose). The host's tree
 * is left as it is; this is a shallow copy of the root when anything is dropped.
 */
export function withoutFrontMatter(tree: Root, source: string): Root {
  const first = tree.children[0]
  if (!first || first.type === 'yaml') return tree
  const block = sourceFrontMatter(source)
  if (!block || block === 'unclosed') return tree
  const children = tree.children.filter((node) => (node.position?.start.offset ?? 0) >= block.end)
  return children.length === tree.children.length ? tree : {...tree, children}
}

/** A YAML front matter block at the start of the source: closed (with its value), unclosed, or none. */
function sourceFrontMatter(source: string): {end: number; value: string; valueStart: number} | 'unclosed' | undefined {
  const opening = OPENING.exec(source)
  if (!opening) return undefined
  const valueStart = opening[0].length
  let lineStart = valueStart
  while (lineStart <= source.length) {
    const newline = source.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? source.length : newline
    const line = source.slice(lineStart, lineEnd).replace(/\r$/, '')
    if (CLOSING.test(line)) {
      // The value excludes the line break before the closing fence, as remark-frontmatter's does.
      const value = source.slice(valueStart, Math.max(valueStart, lineStart - 1)).replace(/\r$/, '')
      return {end: lineStart + line.length, value, valueStart}
    }
    if (newline === -1) break
    lineStart = newline + 1
  }
  return 'unclosed'
}

function parseValue(value: string, valueStart: number, blockStart: number): Pick<FrontMatter, 'data' | 'error' | 'notMapping'> {
  try {
    // logLevel 'error': YAML warnings (an unknown tag such as !!js/function) must not reach stderr as raw process warnings.
    const data = parseYaml(value, {prettyErrors: false, logLevel: 'error'}) as unknown
    if (data === null || data === undefined) return {data: {}}
    if (typeof data !== 'object' || Array.isArray(data)) return {data: {}, notMapping: true}
    return {data: data as Record<string, unknown>}
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error)
    const offset = error instanceof YAMLParseError && error.pos ? valueStart + error.pos[0] : blockStart
    return {data: {}, error: {detail, offset}}
  }
}
