import type {VFile} from 'vfile'

/** What a document is for the footer rules: a mailing, or a page (web, blog, docs). */
export type DocumentType = 'email' | 'page'

/** Who puts the legal footer (sender, address, opt-out) into the sent mail. */
export type FooterSource = 'in-document' | 'provided-by-service'

export const DOCUMENT_TYPES: readonly DocumentType[] = ['email', 'page']
export const FOOTER_SOURCES: readonly FooterSource[] = ['in-document', 'provided-by-service']

// Formats that are mail by nature: a saved message, or an HTML mail body.
// A web page kept as .html is marked `type: page` in the config.
const EMAIL_EXTENSIONS = new Set(['.eml', '.html', '.htm'])
const EMAIL_FORMATS = new Set(['eml', 'html'])

/** What decides whether a document is an email. */
export interface EmailEvidence {
  file: VFile
  /** Front matter (the document's own, over what a host parsed). */
  frontMatter: Record<string, unknown>
  /** `type` from the options (the CLI resolves config globs to it); it wins when set. */
  type?: DocumentType | undefined
  /** An explicit input format, when the caller names one. */
  format?: string | undefined
}

/**
 * The one place that decides "is this document an email" (issue 16): the
 * `type` option first (so `type: page` keeps an HTML web page out); then an
 * `.eml`/`.html`/`.htm` file or format; then front matter with a `subject:`.
 * Only emails are checked for the sender footer and the opt-out.
 */
export function isEmailDocument({file, frontMatter, type, format}: EmailEvidence): boolean {
  if (type) return type === 'email'
  if (format && EMAIL_FORMATS.has(format.toLowerCase())) return true
  const extension = file.extname?.toLowerCase()
  if (extension && EMAIL_EXTENSIONS.has(extension)) return true
  const subject = frontMatter.subject
  return typeof subject === 'string' ? subject.trim() !== '' : subject !== undefined && subject !== null
}
