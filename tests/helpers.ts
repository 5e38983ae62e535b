import type {VFileMessage} from 'vfile-message'
import {lint, type TrustlintOptions} from '../src/index.js'

/** 1-based line and column of a UTF-16 offset, counting \r\n, \r and \n as line endings. */
export function lineColumn(source: string, offset: number): {line: number; column: number} {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset; index++) {
    const char = source[index]
    if (char === '\n' || (char === '\r' && source[index + 1] !== '\n')) {
      line++
      lineStart = index + 1
    }
  }
  return {line, column: offset - lineStart + 1}
}

/** Check a message's place against the source; returns problems as text (empty when fine). */
export function placeProblems(source: string, message: VFileMessage): string[] {
  const place = message.place
  if (!place || !('start' in place)) return [`${message.ruleId}: no start–end place`]
  const problems: string[] = []
  const {start, end} = place
  if (start.offset === undefined || end.offset === undefined) return [`${message.ruleId}: place without offsets`]
  const slice = source.slice(start.offset, end.offset)
  if (slice !== message.actual) problems.push(`${message.ruleId}: slice ${JSON.stringify(slice)} ≠ actual ${JSON.stringify(message.actual)}`)
  for (const [name, point] of [['start', start], ['end', end]] as const) {
    const expected = lineColumn(source, point.offset!)
    if (expected.line !== point.line || expected.column !== point.column) {
      problems.push(`${message.ruleId}: ${name} ${point.line}:${point.column} ≠ ${expected.line}:${expected.column} for offset ${point.offset}`)
    }
  }
  return problems
}

const REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g

/**
 * Problems of a range against the prose it came from, which `placeProblems`
 * cannot see because `actual` is defined as the slice: a range must not start
 * or end inside a character reference (Markdown decodes `&#x1F525;` to one
 * character) nor between the two halves of a surrogate pair.
 */
export function boundaryProblems(source: string, message: VFileMessage, {references = true} = {}): string[] {
  const place = message.place
  if (!place || !('start' in place) || place.start.offset === undefined || place.end.offset === undefined) return []
  const problems: string[] = []
  for (const offset of [place.start.offset, place.end.offset]) {
    const before = source.charCodeAt(offset - 1)
    const after = source.charCodeAt(offset)
    if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) problems.push(`${message.ruleId}: offset ${offset} splits a surrogate pair`)
    if (!references) continue
    for (const match of source.matchAll(REFERENCE)) {
      if (offset > match.index && offset < match.index + match[0].length) problems.push(`${message.ruleId}: offset ${offset} inside ${match[0]}`)
    }
  }
  return problems
}

/** Whether messages are in source order. */
export function isSorted(messages: VFileMessage[]): boolean {
  const offsets = messages.map((message) => (message.place && 'start' in message.place ? message.place.start.offset ?? 0 : 0))
  return offsets.every((offset, index) => index === 0 || offsets[index - 1]! <= offset)
}

/** The messages of a lint as `ruleId:actual`, for compact expectations. */
export async function found(text: string, options: TrustlintOptions = {}): Promise<string[]> {
  return (await lint(text, options)).messages.map((message) => `${message.ruleId}:${message.actual}`)
}
