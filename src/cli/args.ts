import {parseArgs} from 'node:util'

export const USAGE = `Usage: trustlint [options] [files, folders or globs…]
       trustlint analyze [options] [files, folders or globs…]   (see trustlint analyze --help)

Lint newsletter drafts (.md, .markdown, .mdx; HTML email .html, .htm; saved
email .eml; .txt as plain text) for pushy language in education content and
weak calls to action in sales content.
With no path, the current folder is linted.

Input:
  --stdin                     read one document from standard input
  --stdin-filename <path>     its name (picks the config, stage and format by extension)
  --ignore-path <file>        more ignore patterns in .gitignore syntax (repeatable)
  --ignore-pattern <pattern>  an ignore pattern (repeatable)
  --no-ignore                 do not read .gitignore and .trustlintignore
  --changed-since <git-ref>   only files changed since the ref (for pull requests)
  --shard <i>/<n>             only the i-th of n deterministic shards of the files
  --max-file-size <bytes>     skip larger files (default 2097152; .eml 16 times that)
  --file-timeout <seconds>    time budget per file in worker threads (default 30;
                              0 = none); a file over it is an error, the run goes on

Configuration:
  --config <file>             use this config file instead of searching
  --no-config                 ignore config files
  --stage <stage>             default stage: acquisition, education (default), sales
                              (or 集客, 教育, 販売); auto infers it per section
  --locale <ja|en>            language of the messages (default: that of the text)

Output:
  --format <name>             stylish (default, stderr), json, sarif or github
  -o, --output <file>         write the report to a file
  --quiet                     report errors only
  --max-warnings <n>          exit 1 when there are more than n warnings

Adoption and scale:
  --baseline <file>           report only findings not recorded in the baseline
  --baseline-write <file>     record the current findings as the baseline
  --cache                     reuse results of unchanged files
  --cache-location <file>     cache file (default .trustlintcache)
  --concurrency <n>           worker threads (default: available cores; 1 = no pool)

  -h, --help                  show this help
  -v, --version               show the version

Exit codes: 0 no error (and warnings within --max-warnings), 1 errors or too many
warnings, 2 usage, configuration or no-files errors.`

/** Parsed command line. */
export interface CliArgs {
  paths: string[]
  stdin: boolean
  stdinFilename: string | undefined
  ignorePaths: string[]
  ignorePatterns: string[]
  noIgnore: boolean
  changedSince: string | undefined
  shard: string | undefined
  maxFileSize: number | undefined
  /** Seconds one file may take to lint; undefined = the default, 0 = no budget. */
  fileTimeout: number | undefined
  config: string | undefined
  noConfig: boolean
  stage: string | undefined
  locale: string | undefined
  format: 'stylish' | 'json' | 'sarif' | 'github'
  output: string | undefined
  quiet: boolean
  maxWarnings: number | undefined
  baseline: string | undefined
  baselineWrite: string | undefined
  cache: boolean
  cacheLocation: string | undefined
  concurrency: number | undefined
  help: boolean
  version: boolean
}

/** A command line we cannot run: exit 2 with this message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const

function wholeNumber(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag} expects a whole number ≥ ${min}, got "${value}"`)
  return Number(value)
}

/** Parse argv (without node and the script). */
export function parseCliArgs(argv: string[]): CliArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        stdin: {type: 'boolean'},
        'stdin-filename': {type: 'string'},
        'ignore-path': {type: 'string', multiple: true},
        'ignore-pattern': {type: 'string', multiple: true},
        'no-ignore': {type: 'boolean'},
        'changed-since': {type: 'string'},
        shard: {type: 'string'},
        'max-file-size': {type: 'string'},
        'file-timeout': {type: 'string'},
        config: {type: 'string'},
        'no-config': {type: 'boolean'},
        stage: {type: 'string'},
        locale: {type: 'string'},
        format: {type: 'string', default: 'stylish'},
        output: {type: 'string', short: 'o'},
        quiet: {type: 'boolean'},
        'max-warnings': {type: 'string'},
        baseline: {type: 'string'},
        'baseline-write': {type: 'string'},
        cache: {type: 'boolean'},
        'cache-location': {type: 'string'},
        concurrency: {type: 'string'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'}
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const values = parsed.values
  const format = values.format as CliArgs['format']
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}"; expected ${FORMATS.join(', ')}`)
  if (values.locale !== undefined && values.locale !== 'ja' && values.locale !== 'en') {
    throw new UsageError(`--locale expects ja or en, got "${values.locale}"`)
  }
  if (values.config && values['no-config']) throw new UsageError('--config and --no-config cannot be used together')
  if (values['stdin-filename'] && !values.stdin) throw new UsageError('--stdin-filename needs --stdin')
  if (values.stdin && parsed.positionals.length > 0) throw new UsageError('--stdin lints standard input only; give no paths')
  if (values.baseline && values['baseline-write']) throw new UsageError('--baseline and --baseline-write cannot be used together')
  return {
    paths: parsed.positionals,
    stdin: values.stdin ?? false,
    stdinFilename: values['stdin-filename'],
    ignorePaths: values['ignore-path'] ?? [],
    ignorePatterns: values['ignore-pattern'] ?? [],
    noIgnore: values['no-ignore'] ?? false,
    changedSince: values['changed-since'],
    shard: values.shard,
    maxFileSize: wholeNumber(values['max-file-size'], '--max-file-size', 1),
    fileTimeout: wholeNumber(values['file-timeout'], '--file-timeout', 0),
    config: values.config,
    noConfig: values['no-config'] ?? false,
    stage: values.stage,
    locale: values.locale,
    format,
    output: values.output,
    quiet: values.quiet ?? false,
    maxWarnings: wholeNumber(values['max-warnings'], '--max-warnings', 0),
    baseline: values.baseline,
    baselineWrite: values['baseline-write'],
    cache: values.cache ?? false,
    cacheLocation: values['cache-location'],
    concurrency: wholeNumber(values.concurrency, '--concurrency', 1),
    help: values.help ?? false,
    version: values.version ?? false
  }
}
