/**
 * Saved emails (.eml, RFC 5322 + MIME) → the decoded subject and body part,
 * linted as one text: the subject, a blank line, then the chosen body part
 * (HTML when there is one, else plain text). Positions are into that text and
 * are split back into named parts (`#subject`, `#html`, `#text`) afterwards
 * (src/formats/parts.ts). MIME parsing, transfer decoding (quoted-printable,
 * base64) and charsets (ISO-2022-JP, Shift_JIS, EUC-JP, UTF-8 …) are
 * postal-mime's; this module only chooses the part and reports what it cannot read.
 */
import type {Root} from 'mdast'
import type PostalMimeType from 'postal-mime'
import type {Point} from 'unist'
import {htmlDocument, type HtmlProblem, type SourceValue} from './html.js'
import {textTree} from './text.js'

/** A named piece of the linted text: where it starts and ends there. */
export interface EmailPart {
  name: 'subject' | 'html' | 'text'
  start: number
  end: number
}

/** Something in the .eml that is not linted, and why. */
export interface EmailProblem {
  kind: 'charset' | 'truncated' | 'attachment' | 'no-body' | 'unreadable'
  detail: string
}

/** What the .eml module hands on. */
export interface EmailDocument {
  /** Subject, blank line, body part: the text every offset points into. */
  text: string
  parts: EmailPart[]
  /** Which body part was chosen: HTML when there is one, else plain text. */
  body: 'html' | 'text' | undefined
  /** The From header's display name, which the reader's mail program shows as the sender. */
  senderName: string | undefined
  problems: EmailProblem[]
}

// Labels WHATWG TextDecoder does not know but mail uses for the same encodings
// (postal-mime maps them too); anything else falls back to windows-1252 there.
const KNOWN_ALIASES = new Set(['sjis', 'shiftjis', 'windows31j', 'cp932', 'ms932', 'mskanji', 'eucjp', 'iso2022jp', 'utf8', 'ascii', 'usascii', 'us-ascii', 'unknown8bit'])

/** Parse an .eml; never throws (an unreadable message is a problem with no parts). */
export async function parseEmail(bytes: Uint8Array): Promise<EmailDocument> {
  const raw = latin1(bytes)
  const problems: EmailProblem[] = [...charsetProblems(raw), ...truncation(raw)]
  let email: Awaited<ReturnType<typeof PostalMimeType.parse>>
  try {
    // Loaded on the first .eml: other runs never pay for it.
    const PostalMime = (await import('postal-mime')).default
    email = await PostalMime.parse(bytes, {attachmentEncoding: 'arraybuffer'})
  } catch (error) {
    return {text: '', parts: [], body: undefined, senderName: undefined, problems: [...problems, {kind: 'unreadable', detail: (error as Error).message}]}
  }
  for (const attachment of email.attachments) {
    const size = attachment.content instanceof ArrayBuffer || ArrayBuffer.isView(attachment.content) ? attachment.content.byteLength : attachment.content.length
    problems.push({kind: 'attachment', detail: `${attachment.filename ?? attachment.mimeType} (${size} bytes)`})
  }
  const subject = (email.subject ?? '').replace(/\r?\n/g, ' ')
  const body = email.html !== undefined ? 'html' : email.text !== undefined ? 'text' : undefined
  if (!body) problems.push({kind: 'no-body', detail: ''})
  const content = body === 'html' ? email.html! : body === 'text' ? email.text! : ''
  const separator = '\n\n'
  const text = subject + separator + content
  const parts: EmailPart[] = []
  if (subject) parts.push({name: 'subject', start: 0, end: subject.length})
  if (body) parts.push({name: body, start: subject.length + separator.length, end: text.length})
  const senderName = email.from?.name?.trim() || undefined
  return {text, parts, body, senderName, problems}
}

/** The mdast tree of a parsed email: the subject block, then the body part's blocks. */
export function emailTree(email: EmailDocument, toPoint: (offset: number) => Point): {tree: Root; stage: SourceValue | undefined; htmlProblems: HtmlProblem[]} {
  const subject = email.parts.find((part) => part.name === 'subject')
  const bodyPart = email.parts.find((part) => part.name !== 'subject')
  let tree: Root = {type: 'root', children: [], position: {start: toPoint(0), end: toPoint(email.text.length)}}
  let stage: SourceValue | undefined
  let htmlProblems: HtmlProblem[] = []
  if (bodyPart?.name === 'html') {
    const html = htmlDocument(email.text, toPoint, bodyPart.start, bodyPart.end)
    tree = html.tree
    stage = html.stage
    htmlProblems = html.problems
    // An ESP export's <title> repeats the subject: the Subject header is the one the inbox shows.
    if (subject) tree.children = tree.children.filter((node) => node.data?.trustlintKind !== 'subject')
  } else if (bodyPart) {
    tree = textTree(email.text, toPoint, bodyPart.start, bodyPart.end)
    // The subject is plain text too; the tree-wide flag is for a whole .txt document.
    delete tree.data
  }
  tree.position = {start: toPoint(0), end: toPoint(email.text.length)}
  if (subject) {
    const position = {start: toPoint(subject.start), end: toPoint(subject.end)}
    tree.children.unshift({
      type: 'paragraph',
      children: [{type: 'text', value: email.text.slice(subject.start, subject.end), position}],
      position,
      data: {trustlintKind: 'subject', trustlintPlainText: true}
    })
  }
  return {tree, stage, htmlProblems}
}

/** Bytes as a string of the same length (one char per byte), for scanning headers. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

/** Charset labels (MIME parameters and encoded words) no decoder knows: that text would be garbled. */
function charsetProblems(raw: string): EmailProblem[] {
  const labels = new Set<string>()
  // Content-Type header lines (with their folded continuations) only: an HTML
  // body's own <meta charset=…> is quoted-printable text, not a MIME parameter.
  for (const header of raw.matchAll(/^content-type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/gim)) {
    for (const match of header[0].matchAll(/charset\s*=\s*"?([^";\s]{1,40})/gi)) labels.add(match[1]!)
  }
  // Encoded words live in headers: the message's own header block.
  const headers = raw.slice(0, raw.search(/\r?\n\r?\n/) >>> 0)
  for (const match of headers.matchAll(/=\?([^?*\s]{1,40})(?:\*[^?\s]{0,20})?\?[bq]\?/gi)) labels.add(match[1]!)
  const problems: EmailProblem[] = []
  for (const label of labels) {
    if (knownCharset(label)) continue
    problems.push({kind: 'charset', detail: label})
  }
  return problems
}

function knownCharset(label: string): boolean {
  const lower = label.trim().toLowerCase()
  const normalized = lower.replace(/^(?:x-ms-|x-|cs)/, '').replace(/[\s._-]+/g, '')
  if (KNOWN_ALIASES.has(lower) || KNOWN_ALIASES.has(normalized)) return true
  for (const candidate of [lower, normalized]) {
    try {
      new TextDecoder(candidate)
      return true
    } catch {
      // try the next spelling
    }
  }
  return false
}

/** A multipart boundary that never closes: the message was cut off (a truncated save or download). */
function truncation(raw: string): EmailProblem[] {
  const problems: EmailProblem[] = []
  const boundaries = new Set<string>()
  for (const match of raw.matchAll(/boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^;\s]{1,200}))/gi)) boundaries.add(match[1] ?? match[2]!)
  for (const boundary of boundaries) {
    if (!raw.includes(`--${boundary}--`)) problems.push({kind: 'truncated', detail: boundary})
  }
  if (boundaries.size === 0 && !/\r?\n\r?\n/.test(raw)) problems.push({kind: 'truncated', detail: ''})
  return problems
}
