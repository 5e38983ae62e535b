import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {severityOf} from '../core/levels.js'

/** A point in the JSON report: 1-based line and column, 0-based UTF-16 offset. */
export interface JsonPoint {
  line: number
  column: number
  offset: number
}

/** One message in the JSON report. */
export interface JsonMessage {
  ruleId: string
  category: string
  severity: 'error' | 'warning' | 'info'
  message: string
  actual: string
  expected: string[]
  url: string
  stage: string | null
  lang: string | null
  start: JsonPoint
  end: JsonPoint
  /**
   * .eml only: the decoded part `start`/`end` point into (`subject`, `html`,
   * `text`); the file's path with `#part` names it (docs/formats.md).
   */
  part?: 'subject' | 'html' | 'text'
}

/** The stable JSON report (`--format json`), version 1. */
export interface JsonReport {
  version: 1
  files: {path: string; messages: JsonMessage[]}[]
  summary: {files: number; errors: number; warnings: number; infos: number}
}

const ORIGIN: JsonPoint = {line: 1, column: 1, offset: 0}

function point(value: {line?: number; column?: number; offset?: number} | undefined): JsonPoint {
  if (!value || value.line === undefined) return ORIGIN
  return {line: value.line, column: value.column ?? 1, offset: value.offset ?? 0}
}

function toJsonMessage(message: VFileMessage): JsonMessage {
  const place = message.place
  const range = place && 'start' in place ? place : place ? {start: place, end: place} : undefined
  return {
    ruleId: message.ruleId ?? 'unknown',
    category: message.category ?? 'other',
    severity: severityOf(message.fatal),
    message: message.reason,
    actual: message.actual ?? '',
    expected: message.expected ?? [],
    url: message.url ?? '',
    stage: message.stage ?? null,
    lang: message.lang ?? null,
    start: point(range?.start),
    end: point(range?.end),
    ...(message.part ? {part: message.part} : {})
  }
}

/** Build the JSON report for linted files; paths are given with POSIX separators. */
export function toJsonReport(files: VFile[]): JsonReport {
  return {version: 1, files: files.map((file) => ({path: reportPath(file), messages: file.messages.map(toJsonMessage)})), summary: summaryOf(files)}
}

/**
 * The JSON report as text, `JSON.stringify(toJsonReport(files))` to the byte, in pieces
 * of at most about `size` characters (one message longer than that is a piece of its own).
 * A draft of many megabytes has hundreds of thousands of findings: its report as one
 * string (two bytes a character once any Japanese is in it) would be the largest thing
 * the CLI holds, and pieces larger than V8's largest young object (about 128 KB) are
 * allocated straight into the old generation, where each waits for a full collection:
 * pieces of 1,000 messages (about a megabyte each) grew the heap by 600 MB while the
 * report of a 10 MB draft was written (docs/performance.md, Large files).
 */
export function* jsonReportChunks(files: VFile[], size = 16_384): Generator<string> {
  let piece = `{"version":1,"files":[`
  for (const [index, file] of files.entries()) {
    piece += `${index > 0 ? ',' : ''}{"path":${JSON.stringify(reportPath(file))},"messages":[`
    for (const [at, message] of file.messages.entries()) {
      const text = (at > 0 ? ',' : '') + JSON.stringify(toJsonMessage(message))
      if (piece.length > 0 && piece.length + text.length > size) {
        yield piece
        piece = ''
      }
      piece += text
    }
    piece += ']}'
  }
  yield piece + `],"summary":${JSON.stringify(summaryOf(files))}}`
}

function reportPath(file: VFile): string {
  return (file.path ?? '<stdin>').replaceAll('\\', '/')
}

function summaryOf(files: VFile[]): JsonReport['summary'] {
  const summary = {files: files.length, errors: 0, warnings: 0, infos: 0}
  for (const file of files) {
    for (const message of file.messages) {
      const severity = severityOf(message.fatal)
      if (severity === 'error') summary.errors++
      else if (severity === 'warning') summary.warnings++
      else summary.infos++
    }
  }
  return summary
}
