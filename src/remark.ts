import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {BUILTIN_RULES} from './core/builtin-rules.js'
import {analysisOf} from './analyze/analyze.js'
import type {Analysis} from './analyze/types.js'
import {trustlintTransform} from './core/processor.js'
import {OptionsError, resolveOptions, type TrustlintOptions} from './core/options.js'

/** Options of the remark plugin: the library options plus what a site build does with findings. */
export interface RemarkTrustlintOptions extends TrustlintOptions {
  /**
   * `messages` (default): leave messages on the file (unified's convention);
   * `console`: also print them to stderr with vfile-reporter, since Astro,
   * Docusaurus and Next.js drop non-fatal messages;
   * `fail`: throw after linting a file that has an error-level message.
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
    const prior = new Set(file.messages)
    await transform(tree, file)
    const ours = file.messages.filter((message) => !prior.has(message) && message.source === 'trustlint')
    // The analysis (stage per section, pushiness, CTA strength, readability), for sites to show.
    file.data.trustlint = analysisOf(file, tree)
    if (report === 'console' && ours.length > 0) {
      const view = new VFile({path: file.path})
      view.messages = ours
      console.error(reporter([view]))
    }
    if (report === 'fail') {
      const errors = ours.filter((message) => message.fatal === true)
      if (errors.length > 0) {
        const where = file.path ?? 'input'
        const first = errors[0]!
        throw new Error(
          `trustlint: ${errors.length} error(s) in ${where}; first at ${first.line}:${first.column}: ${first.reason} (${first.ruleId})`
        )
      }
    }
  }
}

declare module 'vfile' {
  interface DataMap {
    /** The analysis the remark plugin leaves for the site (see docs/analyzer.md). */
    trustlint: Analysis
  }
}

export type {TrustlintOptions, Analysis}
