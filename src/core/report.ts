import type {VFile} from 'vfile'
import type {Location} from 'vfile-location'
import type {Lang} from '../lang/script.js'
import {docsUrl} from './docs-url.js'
import {fatalFor, type Level} from './levels.js'
import type {Category} from './rule-types.js'
import type {Stage} from './stages.js'

declare module 'vfile-message' {
  interface VFileMessage {
    /** trustlint: the category of the finding (fixed vocabulary). */
    category?: Category
    /** trustlint: the funnel stage of the flagged text. */
    stage?: Stage
    /** trustlint: the language of the flagged text. */
    lang?: Lang
  }
}

/** Everything one finding needs. Offsets are into the file's text. */
export interface Finding {
  ruleId: string
  category: Category
  level: Exclude<Level, 'off'>
  reason: string
  start: number
  end: number
  stage: Stage | undefined
  lang: Lang | undefined
  expected?: string[] | undefined
  note?: string | undefined
  /** Where the rule page lives; defaults to docs/rules/<ruleId>.md. */
  url?: string
}

/**
 * Add one message to the file: a start–end place, `actual` = the exact source
 * slice, severity through `fatal` (true error, false warning, undefined info).
 * Never throws, so one finding never stops the others.
 */
export function report(file: VFile, location: Location, source: string, finding: Finding) {
  const start = location.toPoint(finding.start)
  const end = location.toPoint(finding.end)
  const message = file.message(shared(file, finding.reason), {
    place: start && end ? {start, end} : undefined,
    ruleId: finding.ruleId,
    source: 'trustlint'
  })
  message.fatal = fatalFor(finding.level)
  message.actual = source.slice(finding.start, finding.end)
  if (finding.expected) message.expected = finding.expected
  if (finding.note) message.note = finding.note
  message.url = finding.url ?? docsUrl(finding.ruleId)
  message.category = finding.category
  if (finding.stage) message.stage = finding.stage
  if (finding.lang) message.lang = finding.lang
  return message
}

// The reasons of a file's messages, each kept once: the same cue gives the same
// reason, and a built reason is a rope of its pieces (about 200 bytes a message
// on a large draft, docs/performance.md).
const reasons = new WeakMap<VFile, Map<string, string>>()

function shared(file: VFile, reason: string): string {
  let seen = reasons.get(file)
  if (!seen) reasons.set(file, (seen = new Map()))
  const known = seen.get(reason)
  if (known !== undefined) return known
  seen.set(reason, reason)
  return reason
}

/** Fill `{{actual}}` in a message template. */
export function fill(template: string, actual: string): string {
  return template.replaceAll('{{actual}}', actual.replace(/\s+/g, ' '))
}
