import * as frontmatterModule from 'remark-frontmatter'
import * as gfmModule from 'remark-gfm'
import * as mdxModule from 'remark-mdx'
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
export const remarkMdx = defaultOf(mdxModule)
export const retextEnglish = defaultOf(retextEnglishModule)
