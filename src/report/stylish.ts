import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {reporter, type Options} from 'vfile-reporter'

const LABEL = {en: 'suggestion', ja: '提案'} as const
const DELETE = {en: 'delete it', ja: '削除する'} as const

/**
 * The stylish report (vfile-reporter) with each message's suggestions
 * (`expected`) on their own indented line under it, as the CLI and the remark
 * plugin's `report: 'console'` print it. vfile-reporter prints the lines after
 * the first of a reason under its row, so the suggestion goes into a display
 * copy of the message; the files themselves are not changed.
 */
export function stylish(files: VFile[], options: Options = {}): string {
  const shown = files.map((file) => {
    const view = new VFile({path: file.path, cwd: file.cwd})
    view.history = [...file.history]
    view.messages = file.messages.map(withSuggestion)
    return view
  })
  return reporter(shown, options)
}

/** The suggestion line of a message, or undefined when it has no `expected`. */
export function suggestionLine(message: VFileMessage): string | undefined {
  const expected = message.expected
  if (!Array.isArray(expected)) return undefined
  const lang = message.lang === 'ja' ? 'ja' : 'en'
  const text = expected.length === 0 ? DELETE[lang] : expected.map((value) => (lang === 'ja' ? `「${value}」` : `\`${value}\``)).join(lang === 'ja' ? '、' : ', ')
  return `${LABEL[lang]}: ${text}`
}

function withSuggestion(message: VFileMessage): VFileMessage {
  const line = suggestionLine(message)
  if (!line) return message
  // A copy with the same prototype, so vfile-reporter reads it as the message it is.
  const copy = Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message)
  copy.message = `${message.message}\n    ${line}`
  // vfile-reporter prints `stack` before `message` when set; keep them in step.
  copy.stack = message.stack ? `${message.stack}\n    ${line}` : ''
  return copy
}
