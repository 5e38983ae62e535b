import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {createLinter, type TrustlintOptions} from '../src/index.js'
import {severityOf} from '../src/core/levels.js'

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures')

/** One fixture file: a Markdown draft and what is expected of one rule on it. */
export interface RuleFixture {
  rule: string
  lang: string
  name: string
  file: string
  /** `ok*` files must yield no message of the rule; others must match `<name>.expected.txt`. */
  valid: boolean
  options: TrustlintOptions
}

/** Every fixture under fixtures/<rule>/<lang>/, with options from `<name>.options.json` if present. */
export function ruleFixtures(): RuleFixture[] {
  const found: RuleFixture[] = []
  for (const rule of readdirSync(FIXTURES).sort()) {
    if (rule === 'demo' || rule === 'integration' || rule === 'positions' || rule === 'bad-input') continue
    for (const lang of ['ja', 'en']) {
      const folder = path.join(FIXTURES, rule, lang)
      if (!existsSync(folder)) continue
      for (const name of readdirSync(folder).sort()) {
        if (!name.endsWith('.md')) continue
        const base = name.slice(0, -3)
        const optionsFile = path.join(folder, base + '.options.json')
        found.push({
          rule,
          lang,
          name,
          file: path.join(folder, name),
          valid: base === 'ok' || base.startsWith('ok-') || base.startsWith('valid'),
          options: existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as TrustlintOptions) : {}
        })
      }
    }
  }
  return found
}

/** Lint a fixture file. */
export async function lintFixture(fixture: RuleFixture) {
  const value = readFileSync(fixture.file, 'utf8')
  return createLinter(fixture.options).lint(new VFile({path: fixture.file, value}))
}

/** One line per message: `line:col-line:col severity ruleId “actual”`, the format of *.expected.txt. */
export function describeMessage(message: VFileMessage): string {
  const place = message.place && 'start' in message.place ? message.place : undefined
  const range = place ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}` : '?'
  return `${range} ${severityOf(message.fatal)} ${message.ruleId} “${message.actual ?? ''}”`
}

/** Offsets of a message's place. */
export function offsets(message: VFileMessage): [number, number] {
  const place = message.place && 'start' in message.place ? message.place : undefined
  return [place?.start.offset ?? -1, place?.end.offset ?? -1]
}
