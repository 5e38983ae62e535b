/**
 * What the archive view (issue 17) adds to `trustlint analyze` on the
 * benchmark corpus, in-process, dictionary loaded beforehand. Every file gets a
 * front matter `date:` (the corpus has none), so ordering by date is exercised.
 *
 * - plain:   analyze every file and serialise the JSON report (= `analyze --no-archive`)
 * - archive: the same, plus the archive view and its JSON (= `analyze` over a folder)
 *
 * The two passes alternate (plain first in even rounds, archive first in odd
 * ones) so that both see the same machine load; the overhead is the median of
 * the per-round ratios, with min–max. The date read that `analyze()` does for
 * every file (front matter, also in the plain pass) is timed on its own.
 *
 *   npx tsx bench/archive-overhead.ts [rounds, default 5] [corpus folder, default ../shared/corpus]
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {frontMatterDate} from '../src/analyze/archive-dates.js'
import {archiveOf, type ArchiveEntry} from '../src/analyze/archive.js'
import type {Analysis, AnalysisReport} from '../src/analyze/types.js'
import {readFrontMatter} from '../src/core/front-matter.js'
import {createAnalyzer} from '../src/index.js'
import {loadTokenizer} from '../src/lang/ja/tokenizer.js'
import {pairedRatios, spread} from './lib/stats.js'

const rounds = Number(process.argv[2] ?? 5)
const corpus = path.resolve(process.argv[3] ?? path.join(import.meta.dirname, '../../shared/corpus'))
const texts = ['ja', 'en'].flatMap((lang) =>
  readdirSync(path.join(corpus, lang))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name, index) => {
      // A week apart, in reverse of path order, so the sort has work to do.
      const date = new Date(Date.UTC(2030, 0, 1) - index * 7 * 86_400_000).toISOString().slice(0, 10)
      return {path: `${lang}/${name}`, value: `---\ndate: ${date}\n---\n\n` + readFileSync(path.join(corpus, lang, name), 'utf8')}
    })
)
await loadTokenizer()
const analyzer = createAnalyzer()

async function pass(withArchive: boolean): Promise<{ms: number; archiveMs: number}> {
  const start = performance.now()
  const analyses: Analysis[] = []
  for (const text of texts) analyses.push(await analyzer.analyze(new VFile(text)))
  const report: AnalysisReport = {version: 1, files: analyses.map((analysis) => ({path: analysis.path, document: analysis.document, sections: analysis.sections}))}
  let archiveMs = 0
  if (withArchive) {
    const archiveStart = performance.now()
    report.archive = archiveOf(analyses.map((analysis): ArchiveEntry => ({analysis})))
    archiveMs = performance.now() - archiveStart
  }
  JSON.stringify(report)
  return {ms: performance.now() - start, archiveMs}
}

// The per-file date read inside analyze(): front matter YAML, as analysisOf does it.
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])
const trees = texts.map((text) => ({tree: parser.parse(text.value), source: text.value}))
const dateStart = performance.now()
const repeat = 20
for (let round = 0; round < repeat; round++) for (const {tree, source} of trees) frontMatterDate(readFrontMatter(tree, source).data)
const dateReadMs = (performance.now() - dateStart) / repeat

await pass(false)
await pass(true)
const plain: number[] = []
const archived: number[] = []
const archiveOnly: number[] = []
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? [false, true] : [true, false]
  for (const withArchive of order) {
    const result = await pass(withArchive)
    if (withArchive) {
      archived.push(result.ms)
      archiveOnly.push(result.archiveMs)
    } else plain.push(result.ms)
  }
}
const ratio = spread(pairedRatios(archived, plain))
const percent = (value: number) => `${((value - 1) * 100).toFixed(1)}%`
const plainMs = spread(plain)
console.log(
  [
    `${texts.length} files, ${rounds} rounds, passes alternated:`,
    `  analyze without the archive view: ${plainMs.median.toFixed(0)} ms (${plainMs.min.toFixed(0)}–${plainMs.max.toFixed(0)})`,
    `  analyze with the archive view:    ${spread(archived).median.toFixed(0)} ms (${spread(archived).min.toFixed(0)}–${spread(archived).max.toFixed(0)})`,
    `  archive run / plain run: median ${percent(ratio.median)} (per-round range ${percent(ratio.min)} to ${percent(ratio.max)}); target ≤ +5%`,
    `  archiveOf() itself: ${spread(archiveOnly).median.toFixed(1)} ms; the front matter date read inside analyze(): ${dateReadMs.toFixed(1)} ms for all files (${((dateReadMs / plainMs.median) * 100).toFixed(2)}% of a plain pass)`
  ].join('\n')
)
