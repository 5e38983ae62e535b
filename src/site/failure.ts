import path from 'node:path'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Lang} from '../lang/script.js'

/**
 * The error `report: 'fail'` throws for a file with error-level findings: a
 * VFileMessage (what unified hosts expect a plugin to throw) placed at the
 * first error, so hosts read `file`, `line`, `column` and `ruleId` from it
 * (Astro's overlay and log, @mdx-js/loader's `file:line:column` prefix), with
 * every error and the number of warnings in its text. Undefined when there is
 * no error.
 */
export function failure(file: VFile, messages: VFileMessage[], lang: Lang): VFileMessage | undefined {
  const errors = messages.filter((message) => message.fatal === true)
  if (errors.length === 0) return undefined
  const warnings = messages.filter((message) => message.fatal === false).length
  const where = displayPath(file)
  const lines = errors.map((message) => `  ${where}:${message.line ?? 1}:${message.column ?? 1}  ${message.reason}  (${message.ruleId})`)
  const head =
    lang === 'ja'
      ? `trustlint: ${where} にエラー ${errors.length} 件、警告 ${warnings} 件`
      : `trustlint: ${errors.length} error${errors.length === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} in ${where}`
  const first = errors[0]!
  const error = new VFileMessage([head, ...lines].join('\n'), {place: first.place, ruleId: first.ruleId ?? undefined, source: 'trustlint'})
  error.file = file.path ?? ''
  error.fatal = true
  if (first.url) error.url = first.url
  // VFileMessage leaves `stack` empty; hosts that print the stack (webpack) would show nothing.
  error.stack = `${error.name}: ${error.message}`
  return error
}

/** A file's path for people: relative to the working folder when inside it. */
export function displayPath(file: VFile): string {
  if (!file.path) return 'input'
  const relative = path.relative(file.cwd, file.path)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file.path
}
