import {readFileSync} from 'node:fs'
import type {VFile} from 'vfile'

/** Docusaurus's default `truncateMarker` (blog plugin options): the Markdown and the MDX comment. */
const TRUNCATE = /<!--\s*truncate\s*-->|\{\/\*\s*truncate\s*\*\/\}/

/**
 * Whether this compile is a Docusaurus blog excerpt: the blog list pages load
 * `post.md?truncated=true`, which the blog's loader cuts at the truncate
 * marker before the MDX compile, so the text is only the part before it.
 * Nothing on the file says so; Docusaurus marks its files with
 * `data.compilerName`, and an excerpt is a text without the marker whose file
 * on disk has one. Linting it would judge the teaser as if it were the post
 * (a sales post whose ask follows the marker would get `no-cta`), so the
 * plugin lints only the full compile (issue 14).
 */
export function isDocusaurusExcerpt(file: VFile): boolean {
  if (!file.path || !('compilerName' in file.data)) return false
  if (TRUNCATE.test(String(file.value ?? ''))) return false
  let onDisk: string
  try {
    onDisk = readFileSync(file.path, 'utf8')
  } catch {
    return false
  }
  return TRUNCATE.test(onDisk)
}
