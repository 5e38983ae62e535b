import {readFile} from 'node:fs/promises'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {expandPaths} from './cli/files.js'
import {createLinter, type Linter} from './core/processor.js'
import {OptionsError, type TrustlintOptions} from './core/options.js'
import {UnknownStageError} from './core/stages.js'
import {toJsonReport} from './report/json.js'
import {noticeUrl} from './core/notices.js'

const USAGE = `Usage: trustlint [options] <files or folders…>

Lint Markdown newsletter drafts (.md, .markdown, .mdx) for pushy language in
education content and weak calls to action in sales content.

Options:
  --stage <stage>    default stage: acquisition, education (default), sales
                     (or 集客, 教育, 販売)
  --format <name>    stylish (default, on stderr) or json (on stdout)
  --locale <ja|en>   language of the messages (default: that of the text)
  -h, --help         show this help
  -v, --version      show the version

Exit codes: 0 no error-level finding, 1 errors found, 2 usage error.`

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        stage: {type: 'string'},
        format: {type: 'string', default: 'stylish'},
        locale: {type: 'string'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'}
      }
    })
  } catch (error) {
    return usageError((error as Error).message)
  }
  const {values, positionals} = parsed
  if (values.help) {
    process.stdout.write(USAGE + '\n')
    return 0
  }
  if (values.version) {
    process.stdout.write(VERSION + '\n')
    return 0
  }
  if (values.format !== 'stylish' && values.format !== 'json') {
    return usageError(`Unknown format "${values.format}"; expected stylish or json`)
  }
  if (positionals.length === 0) return usageError('No files or folders given')

  let linter: Linter
  try {
    linter = createLinter({stage: values.stage, locale: values.locale} as TrustlintOptions)
  } catch (error) {
    if (error instanceof UnknownStageError || error instanceof OptionsError) {
      return usageError(error.message.replace('the "stage" option', '--stage').replace('Option "locale"', '--locale'))
    }
    throw error
  }

  const {files: paths, missing} = await expandPaths(positionals)
  if (paths.length === 0 && missing.length === 0) return usageError(`No Markdown files matched ${positionals.join(', ')}`)

  const files: VFile[] = []
  for (const entry of missing) files.push(failedFile(entry.path, 'read-error', `Cannot read ${entry.path}: ${entry.reason}`))
  for (const path of paths) files.push(await lintPath(linter, path))
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))

  if (values.format === 'json') process.stdout.write(JSON.stringify(toJsonReport(files)) + '\n')
  else {
    const text = reporter(files)
    if (text) process.stderr.write(text + '\n')
  }
  return files.some((file) => file.messages.some((message) => message.fatal === true)) ? 1 : 0
}

/** Read and lint one file; any failure becomes an error message on that file. */
async function lintPath(linter: Linter, path: string): Promise<VFile> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    return failedFile(path, 'read-error', `Cannot read ${path}: ${(error as Error).message}`)
  }
  let value: string
  try {
    value = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    return failedFile(path, 'encoding', `${path} is not valid UTF-8; convert it to UTF-8 (for example with iconv -f SHIFT_JIS -t UTF-8)`)
  }
  try {
    return await linter.lint(new VFile({path, value}))
  } catch (error) {
    return failedFile(path, 'internal-error', `Could not lint ${path}: ${(error as Error).message}`)
  }
}

function failedFile(path: string, ruleId: 'read-error' | 'encoding' | 'internal-error', reason: string): VFile {
  const file = new VFile({path})
  const message = file.message(reason, {ruleId, source: 'trustlint'})
  message.fatal = true
  message.category = 'other'
  message.url = noticeUrl(ruleId)
  return file
}

function usageError(reason: string): number {
  process.stderr.write(`trustlint: ${reason}\n\n${USAGE}\n`)
  return 2
}

declare const __TRUSTLINT_VERSION__: string | undefined
const VERSION = typeof __TRUSTLINT_VERSION__ === 'string' ? __TRUSTLINT_VERSION__ : '0.0.0-dev'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: Error) => {
    process.stderr.write(`trustlint: ${error.stack ?? error.message}\n`)
    process.exitCode = 2
  }
)
