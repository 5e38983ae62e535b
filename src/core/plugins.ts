import {createRequire} from 'node:module'
import * as frontmatterModule from 'remark-frontmatter'
import * as gfmModule from 'remark-gfm'
import * as retextEnglishModule from 'retext-english'
import * as parseModule from 'remark-parse'

/**
 * The default export of an ESM-only package, in both builds. In the CJS
 * build, esbuild wraps Node's `require(esm)` namespace once more, so the
 * function sits one `default` deeper.
 */
function defaultOf<T>(namespace: {default: T}): T {
  const value = namespace.default as T | {default: T}
  return typeof value === 'function' ? (value as T) : (value as {default: T}).default
}

export const remarkParse = defaultOf(parseModule)
export const remarkFrontmatter = defaultOf(frontmatterModule)
export const remarkGfm = defaultOf(gfmModule)
export const retextEnglish = defaultOf(retextEnglishModule)

type RemarkMdx = typeof import('remark-mdx').default
let remarkMdx: RemarkMdx | undefined

/**
 * remark-mdx (with acorn and the MDX syntax) is required on the first `.mdx` file, not
 * at start-up: most runs have none, and it is about a tenth of an English cold start.
 * Synchronous, because `createProcessor()` is; Node 20.19+ requires ES modules.
 */
export function loadRemarkMdx(): RemarkMdx {
  return (remarkMdx ??= defaultOf(createRequire(import.meta.url)('remark-mdx') as {default: RemarkMdx}))
}
