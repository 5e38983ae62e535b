import {VFile} from 'vfile'
import {location as locate, type Location} from 'vfile-location'
import type {EmailPart} from './eml.js'

/**
 * Re-express the messages of a linted email in its parts: each message's
 * place becomes a line and column in the decoded part that holds its start
 * (`file.eml#subject`, `#html`, `#text`), named on `message.part` and
 * `message.file`. Parts are kept on `file.data.trustlintParts`.
 */
export function placeInParts(file: VFile, text: string, parts: EmailPart[]): void {
  const path = file.path ?? ''
  const located = parts.map((part) => {
    const partText = text.slice(part.start, part.end)
    return {...part, text: partText, location: locate(partText) as Location}
  })
  file.data.trustlintParts = located.map(({name, start, end, text}) => ({name, start, end, text}))
  if (located.length === 0) return
  for (const message of file.messages) {
    const place = message.place && 'start' in message.place ? message.place : undefined
    const start = place?.start.offset ?? 0
    const end = place?.end.offset ?? start
    // The part holding the start; the separator after the subject belongs to the body.
    const part = located.find((candidate) => start >= candidate.start && start < candidate.end) ?? located.at(-1)!
    const clamp = (offset: number) => Math.min(Math.max(offset - part.start, 0), part.text.length)
    const from = part.location.toPoint(clamp(start))
    const to = part.location.toPoint(Math.max(clamp(end), clamp(start)))
    if (from && to) {
      message.place = {start: from, end: to}
      message.line = from.line
      message.column = from.column
    }
    message.part = part.name
    message.file = `${path}#${part.name}`
  }
}

/**
 * For reporters that group by file (vfile-reporter): an .eml's messages as
 * one file per part, named `file.eml#html`, so each line:column reads in its part.
 */
export function filesByPart(files: VFile[]): VFile[] {
  return files.flatMap((file) => {
    if (!file.messages.some((message) => message.part)) return [file]
    const rest = new VFile({path: file.path})
    const parts = new Map<string, VFile>()
    for (const message of file.messages) {
      if (!message.part) {
        rest.messages.push(message)
        continue
      }
      let part = parts.get(message.part)
      if (!part) {
        part = new VFile({path: `${file.path}#${message.part}`})
        parts.set(message.part, part)
      }
      part.messages.push(message)
    }
    return [...(rest.messages.length > 0 ? [rest] : []), ...parts.values()]
  })
}
