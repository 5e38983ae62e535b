import path from 'node:path'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {createAnalyzer, type Analyzer} from '../analyze/analyze.js'
import {archiveOf, type ArchiveEntry, type ArchiveReport} from '../analyze/archive.js'
import {parseDay} from '../analyze/archive-dates.js'
import type {Analysis, AnalysisReport} from '../analyze/types.js'
import {OptionsError} from '../core/options.js'
import {parseStage, STAGES} from '../core/stages.js'
import {toHtmlReport} from '../report/html.js'
import {UsageError} from './args.js'
import {ConfigError, configFor, emptyConfig, loadConfigFile, optionsFor, type ResolvedConfig} from './config.js'
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
  --since <date>, --until <date>
                         with several drafts: the window of the archive view
                         (YYYY-MM-DD, both days included)
  --no-archive           no archive view (order, balance, pitch-cadence, trust-debt)
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
        since: {type: 'string'},
        until: {type: 'string'},
        'no-archive': {type: 'boolean'},
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
    for (const key of ['since', 'until'] as const) {
      if (values[key] !== undefined && !parseDay(values[key])) throw new UsageError(`--${key} expects a day such as 2024-05-13, got "${values[key]}"`)
    }
    if (values.since && values.until && parseDay(values.since)! > parseDay(values.until)!) throw new UsageError(`--since ${values.since} is after --until ${values.until}`)
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
  const entries: ArchiveEntry[] = []
  for (const file of files) {
    const read = await readText(path.resolve(io.cwd, file))
    if (read.kind === 'skip') {
      io.stderr.write(`trustlint analyze: ${read.reason[values.locale === 'ja' ? 'ja' : 'en']}\n`)
      continue
    }
    const config = await configOf(file)
    const options = optionsFor(config, file, values.stage)
    if (values.locale) options.locale = values.locale as 'ja' | 'en'
    const key = JSON.stringify(options)
    let analyzer = analyzers.get(key)
    if (!analyzer) {
      analyzer = asConfigError(config, io.cwd, () => createAnalyzer(options))
      analyzers.set(key, analyzer)
    }
    const analysis = await analyzer.analyze(new VFile({path: file, value: read.value}))
    drafts.push({analysis, source: read.value})
    entries.push({analysis, configStage: config.stageFor(file), rules: options.rules})
  }

  // One draft has no sequence; two or more are an archive unless --no-archive.
  let archive: ArchiveReport | undefined
  if (drafts.length >= 2 && !values['no-archive']) {
    const folder = commonFolder(entries.map((entry) => entry.analysis.path))
    // trust-debt is about the whole archive: the config of the archive's folder applies.
    const folderConfig = await configOf(path.join(folder, '(archive)'))
    archive = asConfigError(folderConfig, io.cwd, () =>
      archiveOf(entries, {
        since: values.since && parseDay(values.since)!,
        until: values.until && parseDay(values.until)!,
        locale: values.locale as 'ja' | 'en' | undefined,
        rules: optionsFor(folderConfig, folder, values.stage).rules
      })
    )
    for (const entry of archive.undated) io.stderr.write(`trustlint analyze: ${entry.path}: ${entry.reason}; listed as undated\n`)
    if (archive.order === 'path' && (values.since || values.until)) io.stderr.write('trustlint analyze: no draft is dated, so --since and --until are ignored; the archive is in path order\n')
  }

  let text: string
  if (values.format === 'json') {
    const report: AnalysisReport = {version: 1, files: drafts.map(({analysis}) => ({path: analysis.path, document: analysis.document, sections: analysis.sections}))}
    if (archive) report.archive = archive
    text = JSON.stringify(report) + '\n'
  } else if (values.format === 'html') {
    text = toHtmlReport(drafts, values.locale as 'ja' | 'en' | undefined, archive)
  } else {
    text = table(drafts.map((draft) => draft.analysis), archive)
  }
  if (values.output) {
    await writeAtomic(path.resolve(io.cwd, values.output), text)
    io.stderr.write(`trustlint analyze: wrote ${values.output}\n`)
  } else io.stdout.write(text)
  return 0
}

/** A bad rule setting (level or option) is a config error, exit 2, naming the config file. */
function asConfigError<T>(config: ResolvedConfig, cwd: string, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error
    throw new ConfigError(config.file ? path.relative(cwd, config.file) || config.file : '(options)', 'rules', error.message)
  }
}

/** A compact terminal table, one row per draft; with an archive, in its order and with its balance below. */
function table(analyses: Analysis[], archive?: ArchiveReport): string {
  const byPath = new Map(analyses.map((analysis) => [analysis.path, analysis]))
  const ordered = archive ? [...archive.issues.map((issue) => issue.path), ...archive.undated.map((entry) => entry.path)].map((file) => byPath.get(file)!) : analyses
  const rows = ordered.map((analysis, index) => {
    const {stage, pushiness, cta, readability} = analysis.document
    const stageText = `${stage.declared ?? '—'} / ${stage.inferred} ${stage.confidence.toFixed(2)}`
    const readable = [
      readability.ja ? `ja ${readability.ja.meanSentenceLength}字/文 漢字${Math.round(readability.ja.kanjiRatio * 100)}%` : '',
      readability.en ? `en ${readability.en.wordsPerSentence} w/s FRE ${readability.en.fleschReadingEase}` : ''
    ]
      .filter(Boolean)
      .join(', ')
    const row = [analysis.path, stageText, String(pushiness.score), cta.primary ? cta.primary.strength.toFixed(2) : '—', String(analysis.sections.length), readable]
    if (!archive) return row
    const issue = archive.issues[index]
    const archiveCells = issue ? [issue.date ?? '—', issue.stage, issue.educationBefore === null ? '' : String(issue.educationBefore)] : ['undated', '', '']
    return [...archiveCells, ...row]
  })
  const header = [...(archive ? ['date', 'archive stage', 'edu before'] : []), 'file', 'stage declared / inferred', 'pushiness', 'CTA', 'sections', 'readability']
  const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column]!))))
  const line = (cells: string[]) => cells.map((cell, column) => cell + ' '.repeat(widths[column]! - width(cell))).join('  ').trimEnd()
  const lines = [line(header), line(widths.map((size) => '-'.repeat(size))), ...rows.map(line)]
  if (archive) lines.push('', ...balanceLines(archive))
  return lines.join('\n') + '\n'
}

/** The archive's order, balance and sequence findings, for the table. */
function balanceLines(archive: ArchiveReport): string[] {
  const {balance, issues} = archive
  const sources = (['front-matter', 'file-name'] as const)
    .map((source) => [source, issues.filter((issue) => issue.dateSource === source).length] as const)
    .filter(([, count]) => count > 0)
    .map(([source, count]) => `${source.replace('-', ' ')} ${count}`)
  const window = archive.since || archive.until ? `, ${archive.since ?? '…'} to ${archive.until ?? '…'}` : ''
  const order = archive.order === 'date' ? `by date (${sources.join(', ')})${window}` : 'by path (no draft is dated)'
  const share = (name: string, part: {count: number; share: number}) => `${name} ${part.count} (${Math.round(part.share * 100)}%)`
  const lines = [
    `Archive: ${issues.length} issues ${order}${archive.undated.length > 0 ? `; ${archive.undated.length} undated, listed last` : ''}`,
    `Balance: ${share('education', balance.education)}, ${share('acquisition', balance.acquisition)}, ${share('sales', balance.sales)}; ` +
      `${balance.educationPerSale === null ? 'no sales issue' : `${balance.educationPerSale} education per sales issue`}; longest sales run ${balance.longestSalesRun}`
  ]
  for (const finding of archive.findings) lines.push(`${finding.path}:1:1  ${finding.severity}  ${finding.message}  ${finding.ruleId}`)
  return lines
}

/** The deepest folder holding every path (POSIX, as the analysis gives them). */
function commonFolder(paths: string[]): string {
  const folders = paths.map((file) => file.split('/').slice(0, -1))
  const common: string[] = []
  for (let index = 0; folders.every((parts) => index < parts.length && parts[index] === folders[0]![index]); index++) common.push(folders[0]![index]!)
  return common.join('/') || '.'
}

// East Asian wide characters take two terminal columns.
function width(text: string): number {
  let total = 0
  for (const char of text) total += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(char) ? 2 : 1
  return total
}
