import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {BUILTIN_RULES} from './core/builtin-rules.js'
import {analysisOf} from './analyze/analyze.js'
import type {Analysis} from './analyze/types.js'
import {withoutFrontMatter} from './core/front-matter.js'
import {documentLang} from './core/notices.js'
import {trustlintTransform} from './core/processor.js'
import {OptionsError, resolveOptions, type TrustlintOptions} from './core/options.js'
import {stylish} from './report/stylish.js'
import {isDocusaurusExcerpt} from './site/docusaurus-excerpt.js'
import {displayPath, failure} from './site/failure.js'
import {firstPrint} from './site/print-once.js'

/** Options of the remark plugin: the library options plus what a site build does with findings. */
export interface RemarkTrustlintOptions extends TrustlintOptions {
  /**
   * `messages` (default): leave messages on the file (unified's convention);
   * `console`: also print them to stderr, once per file and build, since
   * Astro, Docusaurus and Next.js drop non-fatal messages;
   * `fail`: also throw, after linting a file that has an error-level message,
   * an error naming the file, line, column and rule of every error.
   */
  report?: 'messages' | 'console' | 'fail'
}

/**
 * remark plugin: `unified().use(remarkParse).use(trustlint, options)`, or by
 * name in `remarkPlugins` of Astro, Docusaurus and @next/mdx. The attacher is
 * synchronous; the transformer is async because the Japanese dictionary loads lazily.
 */
export default function remarkTrustlint(options?: RemarkTrustlintOptions) {
  const {report = 'messages', ...rest} = options ?? {}
  if (report !== 'messages' && report !== 'console' && report !== 'fail') {
    throw new OptionsError(`Option "report" must be messages, console or fail, got ${JSON.stringify(report)}`)
  }
  const resolved = resolveOptions(rest, BUILTIN_RULES)
  const transform = trustlintTransform(resolved)
  return async function transformer(tree: Root, file: VFile) {
    // The whole post is linted in its full compile; its excerpt would repeat (or contradict) it.
    if (isDocusaurusExcerpt(file)) return
    const source = String(file.value ?? '')
    const view = withoutFrontMatter(tree, source)
    const prior = new Set(file.messages)
    await transform(view, file)
    const ours = file.messages.filter((message) => !prior.has(message) && message.source === 'trustlint')
    // The analysis (stage per section, pushiness, CTA strength, readability), for sites to show.
    file.data.trustlint = analysisOf(file, view)
    if (report === 'messages') return
    // 'fail' prints too: hosts show the thrown error, but not the warnings beside it.
    printReport(file, ours)
    if (report === 'fail') {
      const error = failure(file, ours, resolved.locale ?? documentLang(source))
      if (error) throw error
    }
  }
}

/** Print a file's findings to stderr, unless this very report was just printed for it. */
function printReport(file: VFile, messages: VFile['messages']) {
  if (messages.length === 0) return
  const shown = new VFile({path: displayPath(file)})
  shown.messages = messages
  const text = stylish([shown])
  if (!file.path || firstPrint(file.path, text)) console.error(text)
}

declare module 'vfile' {
  interface DataMap {
    /** The analysis the remark plugin leaves for the site (see docs/analyzer.md). */
    trustlint: Analysis
  }
}

export type {TrustlintOptions, Analysis}
