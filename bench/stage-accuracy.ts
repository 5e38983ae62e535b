/**
 * Stage-inference accuracy on the labelled set (fixtures/analyze/labelled) and
 * on every fixture that declares its stage in front matter or a directive.
 *
 *   npx tsx bench/stage-accuracy.ts [--json]
 */
import {readFileSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {createAnalyzer} from '../src/analyze/analyze.js'
import type {Stage} from '../src/core/stages.js'

const root = path.resolve(import.meta.dirname, '..')
const labelled = path.join(root, 'fixtures/analyze/labelled')
const labels = JSON.parse(readFileSync(path.join(labelled, 'labels.json'), 'utf8')) as Record<string, Stage>
// Judge the text alone: front matter and directives are ignored, so the
// declared stage cannot leak into the inference.
const analyzer = createAnalyzer()
const STAGES: Stage[] = ['acquisition', 'education', 'sales']

interface Case {
  name: string
  lang: string
  expected: Stage
  inferred: Stage
  confidence: number
}

const cases: Case[] = []
for (const [name, expected] of Object.entries(labels).sort()) {
  const value = readFileSync(path.join(labelled, name), 'utf8')
  const analysis = await analyzer.analyze(new VFile({path: name, value}))
  cases.push({name, lang: name.split('/')[0]!, expected, inferred: analysis.document.stage.inferred, confidence: analysis.document.stage.confidence})
}

// Sections of fixtures that declare their stage with a directive or front matter.
for (const file of walk(path.join(root, 'fixtures'))) {
  if (file.startsWith(labelled) || !file.endsWith('.md')) continue
  const value = readFileSync(file, 'utf8')
  if (!/^---[\s\S]*?\nstage:|<!-- trustlint stage:/.test(value)) continue
  const analysis = await analyzer.analyze(new VFile({path: file, value}))
  for (const section of analysis.sections) {
    if (!section.stage.declared || section.readability.chars < 40) continue
    const lang = section.readability.japaneseShare > 0.5 ? 'ja' : 'en'
    cases.push({
      name: `${path.relative(root, file)}#${section.heading ?? ''}`,
      lang,
      expected: section.stage.declared,
      inferred: section.stage.inferred,
      confidence: section.stage.confidence
    })
  }
}

function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name)
    return statSync(full).isDirectory() ? walk(full) : [full]
  })
}

const summary = (subset: Case[]) => ({
  cases: subset.length,
  accuracy: subset.length === 0 ? 0 : Math.round((subset.filter((entry) => entry.expected === entry.inferred).length / subset.length) * 1000) / 1000
})
const matrix = (subset: Case[]) =>
  Object.fromEntries(STAGES.map((expected) => [expected, Object.fromEntries(STAGES.map((inferred) => [inferred, subset.filter((entry) => entry.expected === expected && entry.inferred === inferred).length]))]))

const labelledCases = cases.filter((entry) => !entry.name.includes('#'))
const result = {
  labelled: {all: summary(labelledCases), ja: summary(labelledCases.filter((entry) => entry.lang === 'ja')), en: summary(labelledCases.filter((entry) => entry.lang === 'en')), confusion: matrix(labelledCases)},
  declaredFixtureSections: summary(cases.filter((entry) => entry.name.includes('#'))),
  misses: cases.filter((entry) => entry.expected !== entry.inferred).map((entry) => `${entry.name}: expected ${entry.expected}, inferred ${entry.inferred} (${entry.confidence})`)
}
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2))
else {
  console.log(`labelled set: ${result.labelled.all.cases} sections, accuracy ${result.labelled.all.accuracy} (ja ${result.labelled.ja.accuracy}, en ${result.labelled.en.accuracy})`)
  console.log(`fixture sections with a declared stage: ${result.declaredFixtureSections.cases}, accuracy ${result.declaredFixtureSections.accuracy}`)
  console.log('confusion (rows expected, columns inferred):')
  for (const expected of STAGES) console.log(`  ${expected.padEnd(12)} ${STAGES.map((inferred) => String(result.labelled.confusion[expected]![inferred]).padStart(4)).join('')}`)
  console.log('misses:')
  for (const miss of result.misses) console.log('  ' + miss)
}
