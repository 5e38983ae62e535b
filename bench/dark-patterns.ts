/**
 * Recall of the pushy rules on a public dataset of dark-pattern strings (Mathur et al. 2019,
 * "Dark Patterns at Scale": data/final-dark-patterns/dark-patterns.csv of
 * github.com/aruneshmathur/dark-patterns, 1,818 strings from shopping sites). Each string is
 * linted alone as an education-stage Markdown paragraph; a string counts as found when any
 * warning or error is reported on it. The dataset is not part of this repository: pass its path.
 *
 *   npx tsx bench/dark-patterns.ts --csv <dark-patterns.csv> [--type "Activity Notification" --misses 40]
 *
 * Shop pop-ups are not newsletters: read the figures per pattern type, as a check that a
 * phenomenon's forms are covered, not as the product's accuracy (docs/accuracy.md).
 */
import {readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {createLinter} from '../src/index.js'

const {values} = parseArgs({options: {csv: {type: 'string'}, type: {type: 'string'}, misses: {type: 'string'}}})
if (!values.csv) {
  console.error('dark-patterns: --csv <path to dark-patterns.csv> is required')
  process.exit(2)
}

/** Rows of a CSV file with quoted fields (RFC 4180). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') (field += '"'), index++
      else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') row.push(field), (field = '')
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++
      row.push(field), rows.push(row), (row = []), (field = '')
    } else field += char
  }
  if (field || row.length > 0) row.push(field), rows.push(row)
  return rows
}

const [header, ...rows] = parseCsv(readFileSync(values.csv, 'utf8'))
const textColumn = header!.indexOf('Pattern String')
const typeColumn = header!.indexOf('Pattern Type')
const linter = createLinter({stage: 'education'})
const byType = new Map<string, {strings: number; found: number; misses: string[]}>()
for (const row of rows) {
  const text = (row[textColumn] ?? '').replace(/\s+/g, ' ').trim()
  if (!text) continue
  // Escaped, so that Markdown syntax in a pop-up string stays text.
  const file = await linter.lint(new VFile({path: 'string.md', value: text.replace(/([\\*_`#[\]<>])/g, '\\$1') + '\n'}))
  const found = file.messages.some((message) => message.fatal !== undefined && message.fatal !== null)
  const type = row[typeColumn] ?? '?'
  const entry = byType.get(type) ?? {strings: 0, found: 0, misses: []}
  entry.strings++
  if (found) entry.found++
  else entry.misses.push(text)
  byType.set(type, entry)
}
for (const [type, entry] of [...byType].sort((a, b) => b[1].strings - a[1].strings)) {
  console.log(`${type.padEnd(34)} ${String(entry.strings).padStart(4)} strings, recall ${(entry.found / entry.strings).toFixed(2)}`)
}
if (values.type) for (const miss of byType.get(values.type)?.misses.slice(0, Number(values.misses ?? 40)) ?? []) console.log(`  ${miss}`)
