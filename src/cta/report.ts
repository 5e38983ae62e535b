/**
 * Message helpers shared by the CTA checks: rule templates with named
 * placeholders, numeric rule options, and a related location attached as the
 * message's `cause` (STYLE.md §3) for `competing-cta`.
 */
import {VFile} from 'vfile'
import type {CheckContext, CheckFinding} from '../checks/types.js'
import type {CompiledRule} from '../core/rule-types.js'
import type {Lang} from '../lang/script.js'

/** The rule's message in the reader's language with `{{name}}` placeholders filled. */
export function ruleMessage(context: CheckContext, rule: CompiledRule, lang: Lang, values: Record<string, string | number>): string {
  let text = rule.messages[context.localeFor(lang)]
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`{{${key}}}`, String(value).replace(/\s+/g, ' '))
  return text
}

/** A numeric rule option (user options are not wired for rule options yet, so this reads the YAML defaults). */
export function numberOption(rule: CompiledRule, name: string, fallback: number): number {
  const value = rule.options?.[name]
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/** Report a finding and, if a message was added, point its `cause` at a related place. */
export function reportWithRelated(
  context: CheckContext,
  rule: CompiledRule,
  finding: CheckFinding,
  related: {start: number; end: number; reason: string} | undefined
) {
  const before = context.file.messages.length
  context.report(rule, finding)
  const added = context.file.messages[before]
  if (!related || !added || context.file.messages.length === before) return
  const start = context.location.toPoint(related.start)
  const end = context.location.toPoint(related.end)
  // A scratch file makes the message without adding it to the linted file's list.
  const cause = new VFile().message(related.reason, {place: start && end ? {start, end} : undefined, ruleId: rule.id, source: 'trustlint'})
  cause.actual = context.source.slice(related.start, related.end)
  added.cause = cause
}
