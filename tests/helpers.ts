import type {VFileMessage} from 'vfile-message'

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
