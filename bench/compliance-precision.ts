/**
 * Precision of the compliance pack (issue 16) on copy that should raise nothing:
 * every file of the calm corpus, and the education cases of ../shared/realcopy
 * that carry no affiliate link, linted as they are (Markdown pages, so the
 * footer rules stay quiet and the claims rules are measured). Prints each
 * message with its context for review (docs/precision.md). Usage:
 *
 *   npx tsx bench/compliance-precision.ts [corpus-dir] [realcopy-dir]
 */
import {readFileSync, readdirSync, existsSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {createLinter, rules} from '../src/index.js'
import {readRealCopy} from './lib/realcopy.js'

const COMPLIANCE = new Set(rules.filter((rule) => rule.category === 'compliance').map((rule) => rule.id))
const root = path.resolve(import.meta.dirname, '..')
const [corpusArg, realArg] = process.argv.slice(2)
const corpus = path.resolve(corpusArg ?? path.join(root, '../shared/corpus'))
const realcopy = path.resolve(realArg ?? path.join(root, '../shared/realcopy'))
const linter = createLinter({stage: 'education'})

// Affiliate links as ad-disclosure itself knows them (its host list), so "without affiliate links" means the same thing.
const hosts = (rules.find((rule) => rule.id === 'ad-disclosure')?.options?.hosts ?? []) as string[]
const hasAffiliateLink = (text: string) => hosts.some((host) => text.includes(host)) || /amazon\.[a-z.]+\/\S*[?&]tag=/i.test(text)

async function report(label: string, name: string, value: string): Promise<number> {
  const file = await linter.lint(new VFile({path: name, value}))
  let count = 0
  for (const message of file.messages) {
    if (!COMPLIANCE.has(String(message.ruleId))) continue
    count++
    const offset = message.place && 'start' in message.place ? message.place.start.offset ?? 0 : 0
    const context = value.slice(Math.max(0, offset - 40), offset + 50).replace(/\s+/g, ' ')
    console.log(`  ${label} ${message.ruleId} “${message.actual}” … ${context}`)
  }
  return count
}

for (const lang of ['ja', 'en']) {
  const folder = path.join(corpus, lang)
  if (!existsSync(folder)) continue
  let files = 0
  let characters = 0
  let messages = 0
  for (const name of readdirSync(folder).filter((entry) => /\.mdx?$/.test(entry)).sort()) {
    const value = readFileSync(path.join(folder, name), 'utf8')
    files++
    characters += value.length
    messages += await report(`${lang}/${name}`, name, value)
  }
  console.log(`corpus ${lang}: ${files} files, ${characters} characters, ${messages} compliance messages`)
}

if (existsSync(realcopy)) {
  const education = readRealCopy(realcopy).filter((item) => item.stage === 'education')
  const plain = education.filter((item) => !hasAffiliateLink(item.text))
  let messages = 0
  for (const item of plain) messages += await report(item.id, item.id + '.md', item.text)
  console.log(`realcopy education: ${education.length} cases, ${plain.length} without affiliate links, ${messages} compliance messages`)
}
