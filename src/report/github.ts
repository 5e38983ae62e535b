import type {VFile} from 'vfile'
import {severityOf} from '../core/levels.js'

const COMMAND: Record<'error' | 'warning' | 'info', string> = {error: 'error', warning: 'warning', info: 'notice'}

/** Escape workflow command data: %, CR and LF. */
function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/** Escape a workflow command property: also : and ,. */
function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}

/**
 * GitHub Actions workflow commands, one line per message:
 * `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=<ruleId>::<message>`.
 * Paths should be repository-relative with POSIX separators.
 */
export function toGithubAnnotations(files: VFile[]): string {
  const lines: string[] = []
  for (const file of files) {
    for (const message of file.messages) {
      const place = message.place && 'start' in message.place ? message.place : undefined
      const properties = [`file=${escapeProperty((file.path ?? '').replaceAll('\\', '/'))}`]
      // A decoded .eml part: the annotation is on the file, the part and place lead the text.
      const where = message.part && place ? `#${message.part} ${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}: ` : ''
      // No line for a decoded .eml part: its lines are not the file's.
      if (place && !message.part) {
        properties.push(
          `line=${place.start.line}`,
          `col=${place.start.column}`,
          `endLine=${place.end.line}`,
          `endColumn=${place.end.column}`
        )
      } else if (message.line && !message.part) {
        properties.push(`line=${message.line}`, `col=${message.column ?? 1}`)
      }
      properties.push(`title=${escapeProperty(message.ruleId ?? 'trustlint')}`)
      lines.push(`::${COMMAND[severityOf(message.fatal)]} ${properties.join(',')}::${escapeData(where + message.reason)}`)
    }
  }
  return lines.join('\n') + (lines.length > 0 ? '\n' : '')
}
