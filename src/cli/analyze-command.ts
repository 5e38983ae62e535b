import path from 'node:path'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {createAnalyzer, type Analyzer} from '../analyze/analyze.js'
import type {Analysis, AnalysisReport} from '../analyze/types.js'
import {parseStage, STAGES} from '../core/stages.js'
import {toHtmlReport} from '../report/html.js'
import {UsageError} from './args.js'
import {configFor, emptyConfig, loadConfigFile, optionsFor, type ResolvedConfig} from './config.js'
import {expandPaths} from './files.js'
import {readText} from './read.js'
import type {CliIo} from './run.js'
import {writeAtomic} from './write-atomic.js'

export const ANALYZE_USAGE = `Usage: trustlint analyze [options] [files, folders or globs…]

Show, per draft, the stage each part reads as, how pushy it is, how strong its
call to action is, and how readable it is.

Options:
  --format <name>        table (default), json or html
  -o, --output <file>    write the report to a file (html: one self-contained page)
  --stage <stage|auto>   stage of unmarked text; auto infers it per section
  --locale <ja|en>       language of the messages and of the HTML report
  --config <file>, --no-config, --ignore-path <file>, --ignore-pattern <p>, --no-ignore
                         as for linting`

/** `trustlint analyze …`; resolves to the exit code (0, or 2 on usage errors). */
export async function runAnalyze(argv: string[], io: CliIo): Promise<number> {
  let values
  let positionals: string[]
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: {type: 'string', default: 'table'},
        output: {type: 'string', short: 'o'},
        stage: {type: 'string'},
        locale: {type: 'string'},
        config: {type: 'string'},
        'no-config': {type: 'boolean'},
        'ignore-path': {type: 'string', multiple: true},
        'ignore-pattern': {type: 'string', multiple: true},
        'no-ignore': {type: 'boolean'},
        help: {type: 'boolean', short: 'h'}
      }
    })
    values = parsed.values
    positionals = parsed.positionals
    if (!['table', 'json', 'html'].includes(values.format!)) throw new UsageError(`Unknown format "${values.format}"; expected table, json or html`)
    if (values.stage !== undefined && values.stage !== 'auto' && !parseStage(values.stage)) {
      throw new UsageError(`Unknown stage "${values.stage}" in --stage; expected auto or one of ${STAGES.join(', ')} (or 集客, 教育, 販売)`)
    }
    if (values.locale !== undefined && values.locale !== 'ja' && values.locale !== 'en') throw new UsageError(`--locale expects ja or en, got "${values.locale}"`)
  } catch (error) {
    io.stderr.write(`trustlint analyze: ${(error as Error).message}\n\n${ANALYZE_USAGE}\n`)
    return 2
  }
  if (values.help) {
    io.stdout.write(ANALYZE_USAGE + '\n')
    return 0
  }

  const explicit = values.config ? await loadConfigFile(path.resolve(io.cwd, values.config)) : undefined
  const configs = new Map<string, Promise<ResolvedConfig>>()
  const configOf = (file: string) => explicit ?? (values['no-config'] ? emptyConfig(io.cwd) : configFor(path.resolve(io.cwd, file), configs))
  const {files, missing} = await expandPaths(positionals.length > 0 ? positionals : ['.'], {
    cwd: io.cwd,
    ignorePaths: values['ignore-path'] ?? [],
    ignorePatterns: values['ignore-pattern'] ?? [],
    useDefaultIgnores: !values['no-ignore']
  })
  for (const entry of missing) io.stderr.write(`trustlint analyze: cannot read ${entry.path}: ${entry.reason}\n`)
  if (files.length === 0) {
    io.stderr.write(`trustlint analyze: No files matched ${positionals.join(', ') || 'the current folder'}\n`)
    return 2
  }

  const analyzers = new Map<string, Analyzer>()
  const drafts: {analysis: Analysis; source: string}[] = []
  for (const file of files) {
    const read = await readText(path.resolve(io.cwd, file))
    if (read.kind === 'skip') {
      io.stderr.write(`trustlint analyze: ${read.reason[values.locale === 'ja' ? 'ja' : 'en']}\n`)
      continue
    }
    const options = optionsFor(await configOf(file), file, values.stage)
    if (values.locale) options.locale = values.locale as 'ja' | 'en'
    const key = JSON.stringify(options)
    let analyzer = analyzers.get(key)
    if (!analyzer) {
      analyzer = createAnalyzer(options)
      analyzers.set(key, analyzer)
    }
    drafts.push({analysis: await analyzer.analyze(new VFile({path: file, value: read.value})), source: read.value})
  }

  let text: string
  if (values.format === 'json') {
    const report: AnalysisReport = {version: 1, files: drafts.map(({analysis}) => ({path: analysis.path, document: analysis.document, sections: analysis.sections}))}
    text = JSON.stringify(report) + '\n'
  } else if (values.format === 'html') {
    text = toHtmlReport(drafts, values.locale as 'ja' | 'en' | undefined)
  } else {
    text = table(drafts.map((draft) => draft.analysis))
  }
  if (values.output) {
    await writeAtomic(path.resolve(io.cwd, values.output), text)
    io.stderr.write(`trustlint analyze: wrote ${values.output}\n`)
  } else io.stdout.write(text)
  return 0
}

/** A compact terminal table, one row per draft. */
function table(analyses: Analysis[]): string {
  const rows = analyses.map((analysis) => {
    const {stage, pushiness, cta, readability} = analysis.document
    const stageText = `${stage.declared ?? '—'} / ${stage.inferred} ${stage.confidence.toFixed(2)}`
    const readable = [
      readability.ja ? `ja ${readability.ja.meanSentenceLength}字/文 漢字${Math.round(readability.ja.kanjiRatio * 100)}%` : '',
      readability.en ? `en ${readability.en.wordsPerSentence} w/s FRE ${readability.en.fleschReadingEase}` : ''
    ]
      .filter(Boolean)
      .join(', ')
    return [analysis.path, stageText, String(pushiness.score), cta.primary ? cta.primary.strength.toFixed(2) : '—', String(analysis.sections.length), readable]
  })
  const header = ['file', 'stage declared / inferred', 'pushiness', 'CTA', 'sections', 'readability']
  const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column]!))))
  const line = (cells: string[]) => cells.map((cell, column) => cell + ' '.repeat(widths[column]! - width(cell))).join('  ').trimEnd()
  return [line(header), line(widths.map((size) => '-'.repeat(size))), ...rows.map(line)].join('\n') + '\n'
}

// East Asian wide characters take two terminal columns.
function width(text: string): number {
  let total = 0
  for (const char of text) total += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(char) ? 2 : 1
  return total
}
