import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {RemarkTrustlintOptions} from './remark.js'

type Plugin = typeof import('./remark.js').default
type Transformer = ReturnType<Plugin>

// The ESM build beside this file in dist/. A variable, so the bundler keeps the
// import() as it is rather than inlining the ESM graph into this file.
const ESM_BUILD = './remark.js'

let loading: Promise<Plugin> | undefined

/**
 * The CommonJS entry of the remark plugin (`require('trustlint/remark')`,
 * and what `require.resolve` finds when @next/mdx loads plugins by name). It
 * requires nothing at load time: the ESM build is imported on the first
 * file. A top-level `require()` of the ESM-only unified stack races with a
 * host that imports other plugins in parallel (@next/mdx with remark-gfm on
 * Node 20: ERR_INTERNAL_ASSERTION, issue 14); one ESM graph loaded by
 * `import()` does not. Options are checked on the first file, not at attach time.
 */
function remarkTrustlint(options?: RemarkTrustlintOptions) {
  let transformer: Promise<Transformer> | undefined
  return async function transform(tree: Root, file: VFile): Promise<void> {
    loading ??= (import(ESM_BUILD) as Promise<{default: Plugin}>).then((module) => module.default)
    transformer ??= loading.then((plugin) => plugin(options))
    return (await transformer)(tree, file)
  }
}

export = remarkTrustlint
