/**
 * Precision on calm prose (issue 3 §7): lint every Markdown file of the shared
 * corpus as education content and count messages of the pressure rules per
 * 10,000 characters, per language. Usage:
 *
 *   npx tsx bench/precision.ts [corpus-dir] [--list]
 *
 * The corpus defaults to ../shared/corpus beside the project (ja/ and en/).
 * `--list` prints every remaining message for review (docs/precision.md).
 */
import {readFileSync, readdirSync, existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {createLinter} from '../src/index.js'

const PUSHY = new Set([
  'urgency', 'scarcity', 'fomo', 'hard-sell', 'hype', 'price-push', 'pressure-punctuation', 'countdown', 'social-proof'
])

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const list = args.includes('--list')
const corpus = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? path.join(root, '../shared/corpus'))
const linter = createLinter({stage: 'education'})

for (const lang of ['ja', 'en']) {
  const folder = path.join(corpus, lang)
  if (!existsSync(folder)) continue
  let characters = 0
  let files = 0
  const byRule = new Map<string, number>()
  const lines: string[] = []
  for (const name of readdirSync(folder).filter((entry) => /\.mdx?$/.test(entry)).sort()) {
    const value = readFileSync(path.join(folder, name), 'utf8')
    characters += value.length
    files++
    const file = await linter.lint(new VFile({path: name, value}))
    for (const message of file.messages) {
      if (!PUSHY.has(String(message.ruleId))) continue
      byRule.set(String(message.ruleId), (byRule.get(String(message.ruleId)) ?? 0) + 1)
      if (list) {
        const place = message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}` : '?'
        const offset = message.place && 'start' in message.place ? message.place.start.offset ?? 0 : 0
        const context = value.slice(Math.max(0, offset - 30), offset + 40).replace(/\s+/g, ' ')
        lines.push(`  ${name}:${place} ${message.ruleId} “${message.actual}” … ${context}`)
      }
    }
  }
  const total = [...byRule.values()].reduce((sum, count) => sum + count, 0)
  const rate = (total / characters) * 10_000
  console.log(`${lang}: ${files} files, ${characters} characters, ${total} messages, ${rate.toFixed(3)} per 10,000 characters`)
  for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${rule}: ${count}`)
  for (const line of lines) console.log(line)
}
