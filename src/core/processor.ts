import type {Root} from 'mdast'
import {unified, type Processor} from 'unified'
import {VFile, type Compatible} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {BUILTIN_RULES} from './builtin-rules.js'
import {lintTree, sortMessages} from './engine.js'
import {withoutFrontMatter} from './front-matter.js'
import {applyMessageControl} from './message-control.js'
import {documentLang, noticeUrl} from './notices.js'
import {lintFormat} from '../formats/lint-format.js'
import {loadRemarkMdx, remarkFrontmatter, remarkGfm, remarkParse} from './plugins.js'
import {resolveOptions, type ResolvedOptions, type TrustlintOptions} from './options.js'
import {formatOf, type Format} from '../formats/index.js'
import {GFM_ALL, gfmPartsOf, remarkGfmParts} from './gfm-parts.js'

// unified's processor is a callable instance whose prototype is not
// Function.prototype, so it has no `.call`. The CJS build (sucrase) rewrites a
// direct call of an imported binding into `binding.call(void 0)`; calling a
// local alias keeps it a plain call.
const newProcessor: typeof unified = unified

type MarkdownProcessor = Processor<Root, Root, Root, undefined, undefined>

/** A reusable linter: options checked once, tokenizer shared across calls. */
export interface Linter {
  /** Lint one document; its format is the `format` option, else by extension (src/formats/index.ts). */
  lint(input: string | VFile): Promise<VFile>
  /** Lint and also return the mdast tree (undefined when the document does not parse), for the analyzer. */
  lintWithTree(input: string | VFile): Promise<{file: VFile; tree: Root | undefined}>
}

/**
 * The unified plugin that runs trustlint's rules on an mdast tree, then
 * applies the `trustlint-disable`/`-enable`/`-disable-next-line`/`-ignore` comments.
 */
export function trustlintTransform(this: unknown, options: ResolvedOptions) {
  const ruleIds = options.rules.map((rule) => rule.id)
  return async (tree: Root, file: VFile) => {
    // Hosts without remark-frontmatter (@next/mdx) leave the block as prose nodes.
    const view = withoutFrontMatter(tree, String(file.value ?? ''))
    await lintTree(view, file, options)
    applyMessageControl(view, file, ruleIds, options.locale ?? documentLang(String(file.value ?? '')))
    sortMessages(file)
  }
}

/** remark-parse with front matter and GFM (and MDX when asked), then trustlint. */
export function createProcessor(options?: TrustlintOptions, {mdx = false} = {}): MarkdownProcessor {
  return buildProcessor(resolveOptions(options, BUILTIN_RULES), mdx)
}

function buildProcessor(resolved: ResolvedOptions, mdx: boolean, syntax: Syntax = ALL_SYNTAX): MarkdownProcessor {
  const processor = newProcessor().use(remarkParse)
  if (syntax & FRONT_MATTER) processor.use(remarkFrontmatter, ['yaml'])
  const gfm = syntax >> GFM_SHIFT
  if (gfm === GFM_ALL) processor.use(remarkGfm)
  else if (gfm !== 0) processor.use(remarkGfmParts, gfm)
  if (mdx) processor.use(loadRemarkMdx())
  return processor.use(trustlintTransform, resolved).freeze() as unknown as MarkdownProcessor
}

/** Which syntax extensions a document needs, as bits: front matter, then the GFM constructs (gfm-parts.ts). */
type Syntax = number
const FRONT_MATTER = 1
const GFM_SHIFT = 1
const ALL_SYNTAX: Syntax = FRONT_MATTER | (GFM_ALL << GFM_SHIFT)

/**
 * The extensions a Markdown document needs: YAML front matter only opens on the first line,
 * and each GFM construct only where the text has a sequence it can start with (without any,
 * GFM parses a document exactly as CommonMark does).
 */
function syntaxOf(source: string): Syntax {
  return (source.startsWith('---') ? FRONT_MATTER : 0) | (gfmPartsOf(source) << GFM_SHIFT)
}

/** Create a linter; throws a clear error for bad options (unknown stage, rule or level). */
export function createLinter(options?: TrustlintOptions): Linter {
  const resolved = resolveOptions(options, BUILTIN_RULES)
  // One frozen processor per set of extensions a document needs, made when first needed.
  const markdown = new Map<Syntax, MarkdownProcessor>()
  const markdownFor = (syntax: Syntax) => markdown.get(syntax) ?? markdown.set(syntax, buildProcessor(resolved, false, syntax)).get(syntax)!
  let mdx: MarkdownProcessor | undefined
  const lintWithTree = async (input: string | VFile) => {
    const file = toFile(input, resolved.format)
    const format = formatOf(file.path, resolved.format)
    // Markdown gets each GFM construct and front matter only when the text has their markers (issue 18).
    const processor = format === 'mdx' ? (mdx ??= buildProcessor(resolved, true)) : markdownFor(format === 'markdown' ? syntaxOf(String(file.value ?? '')) : ALL_SYNTAX)
    return lintFormat(file, format, processor, reportParseError)
  }
  return {
    lintWithTree,
    lint: async (input) => (await lintWithTree(input)).file
  }
}

/** Lint one Markdown document (a string or a VFile) and return the file with its messages. */
export async function lint(input: string | VFile, options?: TrustlintOptions): Promise<VFile> {
  // Async, so a bad option rejects the promise rather than throwing synchronously.
  return createLinter(options).lint(input)
}

/** Where a parser stopped, as a range (a point becomes an empty range there). */
function parsePlace(cause: VFileMessage | undefined): VFileMessage['place'] {
  const place = cause?.place ?? (cause?.line ? {line: cause.line, column: cause.column ?? 1} : undefined)
  if (!place) return undefined
  // Plain points: micromark's carry internal fields (_index, _bufferIndex).
  const point = ({line, column, offset}: {line: number; column: number; offset?: number}) => ({line, column, ...(offset === undefined ? {} : {offset})})
  return 'start' in place ? {start: point(place.start), end: point(place.end)} : {start: point(place), end: point(place)}
}

const FORMAT_NAMES: Record<Format, string> = {markdown: 'Markdown', mdx: 'MDX', html: 'HTML', eml: 'the email', text: 'plain text'}

/** MDX that does not parse (a stray `<` or `{`) is a message on the file, not a crash. */
export function reportParseError(file: VFile, error: unknown) {
  // micromark's MDX errors are VFileMessages, possibly of another vfile-message copy: read them by shape.
  const cause = error instanceof VFileMessage || (error && typeof error === 'object' && 'reason' in error) ? (error as VFileMessage) : undefined
  const kind = FORMAT_NAMES[file.data.trustlintFormat ?? (file.extname === '.mdx' ? 'mdx' : 'markdown')]
  const detail = cause?.reason ?? (error as Error).message
  const reason =
    documentLang(String(file.value ?? '')) === 'ja'
      ? `${kind} として解析できません: ${detail}`
      : `Cannot parse ${kind}: ${detail}`
  const place = parsePlace(cause)
  const message = file.message(reason, {place, ruleId: 'parse-error', source: 'trustlint'})
  // The range is where parsing stopped; it covers no text.
  if (place && 'start' in place && place.start.offset !== undefined && place.end.offset !== undefined) {
    message.actual = String(file.value ?? '').slice(place.start.offset, place.end.offset)
  }
  message.fatal = true
  message.category = 'other'
  message.actual = ''
  message.url = noticeUrl('parse-error')
}

function toFile(input: string | VFile | Compatible, format: Format | undefined): VFile {
  const file = input instanceof VFile ? input : new VFile(input as Compatible)
  // Offsets are counted without a leading BOM (the JSON format says so).
  if (typeof file.value === 'string' && file.value.charCodeAt(0) === 0xfeff) file.value = file.value.slice(1)
  // An .eml stays bytes: its parts carry their own charsets (src/formats/eml.ts).
  else if (file.value instanceof Uint8Array && formatOf(file.path, format) !== 'eml') {
    const text = new TextDecoder('utf-8', {ignoreBOM: false}).decode(file.value)
    file.value = text
  }
  return file
}
