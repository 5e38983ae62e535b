/**
 * Input formats: which parser turns a file into the positioned mdast tree the
 * engine reads. The only place that branches on the format; everything after
 * the tree (prose blocks, stages, rules, reporters) is the same for all.
 */
import type {SourceValue} from './html.js'
import type {EmailPart} from './eml.js'

/** The input formats trustlint reads. */
export const FORMATS = ['markdown', 'mdx', 'html', 'eml', 'text'] as const

/** An input format: Markdown, MDX, HTML email, saved email (.eml) or plain text. */
export type Format = (typeof FORMATS)[number]

const BY_EXTENSION: Record<string, Format> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'mdx',
  '.html': 'html',
  '.htm': 'html',
  '.eml': 'eml',
  '.txt': 'text'
}

/** File extensions the CLI lints, lower case with the dot. */
export const FORMAT_EXTENSIONS = Object.keys(BY_EXTENSION)

/** The format of a file: the given one, else by extension (case-insensitive), else Markdown. */
export function formatOf(path: string | undefined, given?: Format): Format {
  if (given) return given
  const extension = /\.[^./\\]+$/.exec(path ?? '')?.[0].toLowerCase()
  return (extension && BY_EXTENSION[extension]) || 'markdown'
}

/** Whether a value names a format. */
export function isFormat(value: unknown): value is Format {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value)
}

/** A decoded email part that messages point into. */
export interface PartText extends EmailPart {
  text: string
}

declare module 'vfile' {
  interface DataMap {
    /** The format the file was linted as (set before the rules run, so checks may read it). */
    trustlintFormat: Format
    /** HTML: `<meta name="trustlint-stage" content="…">`, with its source range. */
    trustlintStageMarker: SourceValue
    /** .eml: the decoded parts (`subject`, `html` or `text`) that messages point into. */
    trustlintParts: PartText[]
    /** .eml: the From header's display name (the sender's name as the reader's screen shows it). */
    trustlintSenderName: string
  }
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** trustlint, .eml only: the decoded part the message's place is in. */
    part?: EmailPart['name']
  }
}
