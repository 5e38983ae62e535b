import type {Root} from 'mdast'
import {unified, type Processor} from 'unified'
import {VFile, type Compatible} from 'vfile'
import {BUILTIN_RULES} from './builtin-rules.js'
import {lintTree} from './engine.js'
import {remarkFrontmatter, remarkGfm, remarkParse} from './plugins.js'
import {resolveOptions, type ResolvedOptions, type TrustlintOptions} from './options.js'

// unified's processor is a callable instance whose prototype is not
// Function.prototype, so it has no `.call`. The CJS build (sucrase) rewrites a
// direct call of an imported binding into `binding.call(void 0)`; calling a
// local alias keeps it a plain call.
const newProcessor: typeof unified = unified

/** A reusable linter: options checked once, tokenizer shared across calls. */
export interface Linter {
  lint(input: string | VFile): Promise<VFile>
}

/** The unified plugin that runs trustlint's rules on an mdast tree. */
export function trustlintTransform(this: unknown, options: ResolvedOptions) {
  return async (tree: Root, file: VFile) => {
    await lintTree(tree, file, options)
  }
}

/** remark-parse with front matter and GFM, then trustlint. */
export function createProcessor(options?: TrustlintOptions): Processor<Root, Root, Root, undefined, undefined> {
  const resolved = resolveOptions(options, BUILTIN_RULES)
  return newProcessor()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(trustlintTransform, resolved)
    .freeze() as unknown as Processor<Root, Root, Root, undefined, undefined>
}

/** Create a linter; throws a clear error for bad options (unknown stage, rule or level). */
export function createLinter(options?: TrustlintOptions): Linter {
  const processor = createProcessor(options)
  return {
    async lint(input) {
      const file = toFile(input)
      const tree = processor.parse(file)
      await processor.run(tree, file)
      return file
    }
  }
}

/** Lint one Markdown document (a string or a VFile) and return the file with its messages. */
export function lint(input: string | VFile, options?: TrustlintOptions): Promise<VFile> {
  return createLinter(options).lint(input)
}

function toFile(input: string | VFile | Compatible): VFile {
  const file = input instanceof VFile ? input : new VFile(input as Compatible)
  // Offsets are counted without a leading BOM (the JSON format says so).
  if (typeof file.value === 'string' && file.value.charCodeAt(0) === 0xfeff) file.value = file.value.slice(1)
  else if (file.value instanceof Uint8Array) {
    const text = new TextDecoder('utf-8', {ignoreBOM: false}).decode(file.value)
    file.value = text
  }
  return file
}
