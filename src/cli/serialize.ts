import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Category} from '../core/rule-types.js'
import type {Stage} from '../core/stages.js'
import type {Lang} from '../lang/script.js'

/** A point as it crosses a worker boundary or sits in the cache. */
export interface PlainPoint {
  line: number
  column: number
  offset: number
}

/** A vfile message as plain JSON (worker results, cache entries). */
export interface PlainMessage {
  reason: string
  ruleId: string | undefined
  source: string | undefined
  fatal: boolean | undefined
  actual: string | undefined
  expected: string[] | undefined
  url: string | undefined
  note: string | undefined
  category: Category | undefined
  stage: Stage | undefined
  lang: Lang | undefined
  start: PlainPoint | undefined
  end: PlainPoint | undefined
  /** .eml: the decoded part the place is in (absent for other formats). */
  part?: 'subject' | 'html' | 'text'
}

function plainPoint(point: {line?: number; column?: number; offset?: number} | undefined): PlainPoint | undefined {
  if (!point || point.line === undefined) return undefined
  return {line: point.line, column: point.column ?? 1, offset: point.offset ?? 0}
}

/** Flatten a message to JSON. */
export function toPlain(message: VFileMessage): PlainMessage {
  const place = message.place
  const range = place && 'start' in place ? place : place ? {start: place, end: place} : undefined
  return {
    reason: message.reason,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal ?? undefined,
    actual: message.actual,
    expected: message.expected,
    url: message.url,
    note: message.note,
    category: message.category,
    stage: message.stage,
    lang: message.lang,
    start: plainPoint(range?.start),
    end: plainPoint(range?.end),
    ...(message.part ? {part: message.part} : {})
  }
}

/** Rebuild a message on a file from its JSON form. */
export function addPlain(file: VFile, plain: PlainMessage): VFileMessage {
  const message = new VFileMessage(plain.reason, {
    place: plain.start && plain.end ? {start: plain.start, end: plain.end} : plain.start,
    ruleId: plain.ruleId,
    source: plain.source
  })
  message.file = plain.part ? `${file.path}#${plain.part}` : file.path
  if (plain.part) message.part = plain.part
  message.fatal = plain.fatal
  if (plain.actual !== undefined) message.actual = plain.actual
  if (plain.expected !== undefined) message.expected = plain.expected
  if (plain.url !== undefined) message.url = plain.url
  if (plain.note !== undefined) message.note = plain.note
  if (plain.category !== undefined) message.category = plain.category
  if (plain.stage !== undefined) message.stage = plain.stage
  if (plain.lang !== undefined) message.lang = plain.lang
  file.messages.push(message)
  return message
}

/** A file rebuilt from its path and plain messages. */
export function fileFromPlain(path: string, messages: PlainMessage[]): VFile {
  const file = new VFile({path})
  for (const message of messages) addPlain(file, message)
  return file
}
