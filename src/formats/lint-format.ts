import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {location as locate} from 'vfile-location'
import {sortMessages} from '../core/engine.js'
import {documentLang, NOTICES, noticeUrl} from '../core/notices.js'
import {report} from '../core/report.js'
import type {Lang} from '../lang/script.js'
import {emailTree, parseEmail, type EmailDocument, type EmailProblem} from './eml.js'
import {htmlDocument, loadHtmlParser, type HtmlProblem} from './html.js'
import type {Format} from './index.js'
import {parseInParts, partStarts} from './markdown-parts.js'
import {placeInParts} from './parts.js'
import {textTree} from './text.js'

type MarkdownProcessor = Processor<Root, Root, Root, undefined, undefined>

/**
 * Parse a file in its format into the positioned mdast tree, run the linter
 * on it, then add the format's own notices (what could not be read) and, for
 * an .eml, place every message in its decoded part.
 */
export async function lintFormat(
  file: VFile,
  format: Format,
  processor: MarkdownProcessor,
  onParseError: (file: VFile, error: unknown) => void
): Promise<{file: VFile; tree: Root | undefined}> {
  file.data.trustlintFormat = format
  let tree: Root
  let email: EmailDocument | undefined
  let htmlProblems: HtmlProblem[] = []
  try {
    if (format === 'eml' || format === 'html') await loadHtmlParser()
    if (format === 'eml') {
      const bytes = emailBytes(file.value)
      email = await parseEmail(bytes)
      // From here on the file's text is the linted text: subject, blank line, body part.
      file.value = email.text
      if (email.senderName) file.data.trustlintSenderName = email.senderName
      const parsed = emailTree(email, pointer(file))
      tree = parsed.tree
      htmlProblems = parsed.htmlProblems
      if (parsed.stage) file.data.trustlintStageMarker = parsed.stage
    } else if (format === 'html') {
      const parsed = htmlDocument(String(file.value ?? ''), pointer(file))
      tree = parsed.tree
      htmlProblems = parsed.problems
      if (parsed.stage) file.data.trustlintStageMarker = parsed.stage
    } else if (format === 'text') {
      tree = textTree(String(file.value ?? ''), pointer(file))
    } else {
      // Large Markdown is parsed in parts, to the same tree (markdown-parts.ts); MDX is parsed whole.
      const source = String(file.value ?? '')
      const starts = format === 'markdown' ? partStarts(source) : []
      tree = starts.length > 0 ? parseInParts(source, starts, (text) => processor.parse(text)) : processor.parse(file)
    }
  } catch (error) {
    // The HTML tree builders recurse: thousands of nested elements exhaust the stack.
    const deep = error instanceof RangeError && /call stack/i.test(error.message)
    onParseError(file, deep ? new Error('elements are nested too deeply to read (thousands of levels); nothing was linted') : error)
    return {file, tree: undefined}
  }
  await processor.run(tree, file)
  if (htmlProblems.length > 0 || email) {
    addFormatNotices(file, htmlProblems, email?.problems ?? [], email?.parts.find((part) => part.name !== 'subject')?.start ?? 0)
    sortMessages(file)
  }
  if (email) placeInParts(file, email.text, email.parts)
  return {file, tree}
}

/**
 * An .eml's bytes: given as bytes, as a binary string (one char per byte, as
 * the CLI reads it), or as text (any char above U+00FF), encoded as UTF-8.
 */
function emailBytes(value: VFile['value']): Uint8Array {
  if (value instanceof Uint8Array) return value
  const text = String(value ?? '')
  if (/^[\u0000-\u00ff]*$/.test(text)) return new Uint8Array(Buffer.from(text, 'latin1'))
  return new TextEncoder().encode(text)
}

/** Offsets of the file's text to points, for the trees the format modules build. */
function pointer(file: VFile) {
  const location = locate(file)
  return (offset: number) => location.toPoint(offset) ?? {line: 1, column: 1, offset: 0}
}

function addFormatNotices(file: VFile, html: HtmlProblem[], email: EmailProblem[], bodyStart: number) {
  const source = String(file.value ?? '')
  const location = locate(file)
  const lang: Lang = documentLang(source)
  const notice = (ruleId: 'html' | 'email', at: number, reason: string, level: 'error' | 'warning' | 'info', end = at) =>
    report(file, location, source, {ruleId, category: 'other', level, reason, start: at, end, stage: undefined, lang, url: noticeUrl(ruleId)})
  for (const problem of html) notice('html', problem.start, NOTICES.html.swallowed[lang](problem.code), 'warning', problem.end)
  const texts = NOTICES.email
  for (const problem of email) {
    if (problem.kind === 'charset') notice('email', bodyStart, texts.charset[lang](problem.detail), 'warning')
    else if (problem.kind === 'truncated') notice('email', bodyStart, texts.truncated[lang](problem.detail), 'warning')
    else if (problem.kind === 'attachment') notice('email', bodyStart, texts.attachment[lang](problem.detail), 'info')
    else if (problem.kind === 'no-body') notice('email', 0, texts.noBody[lang](), 'warning')
    else notice('email', 0, texts.unreadable[lang](problem.detail), 'error')
  }
}
