import {createHash} from 'node:crypto'
import path from 'node:path'
import {VFile} from 'vfile'
import {BUILTIN_RULES} from '../core/builtin-rules.js'
import {fatalFor} from '../core/levels.js'
import type {TrustlintOptions} from '../core/options.js'
import {documentLang, noticeUrl, type NoticeId} from '../core/notices.js'
import {parseStage, STAGES} from '../core/stages.js'
import {toGithubAnnotations} from '../report/github.js'
import {jsonReportChunks, toJsonReport} from '../report/json.js'
import {toSarif} from '../report/sarif.js'
import {stylish} from '../report/stylish.js'
import {USAGE, UsageError, parseCliArgs, type CliArgs} from './args.js'
import {applyBaseline, buildBaseline, readBaseline, writeBaseline} from './baseline.js'
import {contentHash, DEFAULT_CACHE_LOCATION, LintCache} from './cache.js'
import {ConfigError, configFor, emptyConfig, loadConfigFile, optionsFor, type ResolvedConfig} from './config.js'
import {changedSince, expandPaths, inShard, parseShard} from './files.js'
import type {LintJob} from './lint-job.js'
import {DEFAULT_FILE_TIMEOUT_MS, defaultConcurrency, JobFeed, lintFeed, lintJobs, POOL_MIN_FILES, startPool} from './pool.js'
import {binary, decode, readText, type ReadResult} from './read.js'
import {formatOf} from '../formats/index.js'
import {filesByPart} from '../formats/parts.js'
import {addPlain, fileFromPlain} from './serialize.js'
import {VERSION} from './version.js'
import {writeAtomic} from './write-atomic.js'

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  cwd: string
  stdout: NodeJS.WritableStream & {isTTY?: boolean}
  stderr: NodeJS.WritableStream & {isTTY?: boolean}
  stdin: NodeJS.ReadableStream
}

interface Linted {
  file: VFile
  source: string
}

/** Run the CLI; resolves to the exit code (never calls process.exit). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'analyze') {
    try {
      const {runAnalyze} = await import('./analyze-command.js')
      return await runAnalyze(argv.slice(1), io)
    } catch (error) {
      if (error instanceof ConfigError) return usage(io, error.message, false)
      throw error
    }
  }
  let args: CliArgs
  try {
    args = parseCliArgs(argv)
    if (args.stage !== undefined && args.stage !== 'auto' && !parseStage(args.stage)) {
      throw new UsageError(`Unknown stage "${args.stage}" in --stage; expected auto or one of ${STAGES.join(', ')} (or 集客, 教育, 販売)`)
    }
    if (args.shard) parseShard(args.shard)
  } catch (error) {
    return usage(io, (error as Error).message)
  }
  if (args.help) {
    io.stdout.write(USAGE + '\n')
    return 0
  }
  if (args.version) {
    io.stdout.write(VERSION + '\n')
    return 0
  }
  try {
    return await lintAndReport(args, io)
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) return usage(io, error.message, false)
    throw error
  }
}

async function lintAndReport(args: CliArgs, io: CliIo): Promise<number> {
  const explicitConfig = args.config ? await loadConfigFile(path.resolve(io.cwd, args.config)) : undefined
  const configs = new Map<string, Promise<ResolvedConfig>>()
  const configOf = async (file: string) => {
    if (explicitConfig) return explicitConfig
    if (args.noConfig) return emptyConfig(io.cwd)
    return configFor(path.resolve(io.cwd, file), configs)
  }

  // Which files.
  let inputs: {path: string; read: () => Promise<ReadResult>}[]
  const missing: {path: string; reason: string}[] = []
  if (args.stdin) {
    const name = args.stdinFilename ?? '<stdin>'
    const email = formatOf(args.stdinFilename) === 'eml'
    inputs = [{path: name, read: async () => (email ? binary : (bytes: Uint8Array) => decode(bytes, name))(await readAll(io.stdin))}]
  } else {
    const firstConfig = await configOf(path.join(io.cwd, 'x'))
    const expanded = await expandPaths(args.paths.length > 0 ? args.paths : ['.'], {
      cwd: io.cwd,
      ignorePaths: args.ignorePaths,
      ignorePatterns: [...args.ignorePatterns, ...(firstConfig.data.ignore ?? [])],
      useDefaultIgnores: !args.noIgnore
    })
    let files = expanded.files
    missing.push(...expanded.missing)
    if (args.changedSince) {
      const changed = changedSince(args.changedSince, io.cwd)
      files = files.filter((file) => changed.has(file))
    }
    if (args.shard) {
      const shard = parseShard(args.shard)
      files = files.filter((file) => inShard(file, shard))
    }
    if (files.length === 0 && missing.length === 0) {
      if (args.changedSince || args.shard) {
        // Nothing changed or nothing in this shard is a success, not a usage error.
        return finish(args, io, [], 0)
      }
      throw new UsageError(`No files matched ${args.paths.length > 0 ? args.paths.join(', ') : 'the current folder'}`)
    }
    const maxSize = args.maxFileSize
    inputs = files.map((file) => ({path: file, read: () => readText(path.resolve(io.cwd, file), maxSize, file)}))
  }

  // Messages about unreadable files: in the --locale language, else English.
  const uiLang = args.locale === 'ja' ? 'ja' : 'en'

  // Read, decode and resolve options; fail fast on bad configuration.
  const cache = args.cache ? await LintCache.open(path.resolve(io.cwd, args.cacheLocation ?? DEFAULT_CACHE_LOCATION)) : undefined
  const results = new Map<string, Linted>()
  const jobs: LintJob[] = []
  const pending: {job: LintJob; configHash: string; contentHash: string; note: ReadResult}[] = []
  const checked = new Set<string>()
  // A large run without a cache starts its workers now, so they load while the files are read.
  const workers = args.concurrency ?? defaultConcurrency()
  const early = !args.cache && workers > 1 && (args.concurrency !== undefined || inputs.length >= POOL_MIN_FILES) ? await startPool(workers) : undefined
  const fileTimeoutMs = args.fileTimeout === undefined ? undefined : args.fileTimeout * 1000
  const progress = progressLine(io, inputs.length, () => jobs.length)
  // With the pool started, each job goes to it as soon as its file is read.
  const feed = early ? new JobFeed() : undefined
  const fed = early && feed ? lintFeed(feed, early, {concurrency: workers, onDone: progress.update, fileTimeoutMs}) : undefined
  fed?.catch(noop) // awaited below; never an unhandled rejection meanwhile

  try {
    // Read ahead a few files at a time (I/O overlaps); results are used in order.
    const reads = readAhead(inputs.map((input) => input.read), 16)
    for (const [index, input] of inputs.entries()) {
      const read = await reads[index]!
      if (read.kind === 'skip') {
        results.set(input.path, {file: noticeFile(input.path, read.ruleId, read.level, read.reason[uiLang]), source: ''})
        continue
      }
      const config = await configOf(input.path === '<stdin>' ? path.join(io.cwd, 'stdin.md') : input.path)
      const options = optionsFor(config, input.path, args.stage)
      if (args.locale) options.locale = args.locale as 'ja' | 'en'
      const optionsKey = createHash('sha256').update(JSON.stringify([config.hash, options])).digest('hex').slice(0, 16)
      const hash = contentHash(read.value)
      // A cache hit was linted with this very configuration, so it was valid then.
      const cached = cache?.get(input.path, hash, optionsKey)
      if (!cached && !checked.has(optionsKey)) {
        // Check once per distinct configuration, here, so that a bad config is
        // one clear message (exit 2) rather than an error on every file.
        const {resolveOptions} = await import('../core/options.js')
        try {
          resolveOptions(options, BUILTIN_RULES)
        } catch (error) {
          const message = (error as Error).message
          throw new ConfigError(config.file ? path.relative(io.cwd, config.file) || config.file : '(options)', /pack/i.test(message) ? 'packs' : 'rules', message)
        }
        checked.add(optionsKey)
      }
      if (cached) {
        const file = fileFromPlain(input.path, cached)
        addReadNote(file, read, args.locale)
        results.set(input.path, {file, source: read.value})
        continue
      }
      const job: LintJob = {path: input.path, value: read.value, options: options as TrustlintOptions, optionsKey}
      jobs.push(job)
      feed?.push(job)
      pending.push({job, configHash: optionsKey, contentHash: hash, note: read})
    }
  } catch (error) {
    // A bad config or file list must not leave worker threads keeping the process alive.
    feed?.close()
    await early?.destroy()
    throw error
  } finally {
    feed?.close()
  }

  // Lint (in a worker pool for large runs).
  const outcomes =
    (await fed) ??
    (await lintJobs(jobs, {
      concurrency: args.concurrency,
      onDone: progress.update,
      fileTimeoutMs,
      enforceTimeout: args.fileTimeout !== undefined && args.fileTimeout > 0
    }))
  progress.done()
  outcomes.forEach((outcome, index) => {
    const {job, configHash, contentHash: hash, note} = pending[index]!
    if ('error' in outcome) {
      const ja = (args.locale ?? documentLang(job.value)) === 'ja'
      const reason = outcome.timedOut
        ? ja
          ? `${job.path} のチェックが時間の上限（--file-timeout ${args.fileTimeout ?? DEFAULT_FILE_TIMEOUT_MS / 1000} 秒）を超えたため中止しました。ほかのファイルはチェックを続けます`
          : `Linting ${job.path} took longer than its time budget (--file-timeout ${args.fileTimeout ?? DEFAULT_FILE_TIMEOUT_MS / 1000} s); stopped, the other files are linted`
        : ja
          ? `${job.path} をチェックできませんでした: ${outcome.error}`
          : `Could not lint ${job.path}: ${outcome.error}`
      results.set(job.path, {file: noticeFile(job.path, outcome.timedOut ? 'file-timeout' : 'internal-error', 'error', reason), source: job.value})
      return
    }
    cache?.set(job.path, hash, configHash, outcome.messages)
    const file = fileFromPlain(job.path, outcome.messages)
    addReadNote(file, note, args.locale)
    results.set(job.path, {file, source: job.value})
  })
  // The plain messages now live on the files (and in the cache); a large draft's would double them.
  outcomes.length = 0
  for (const entry of missing) {
    const reason = uiLang === 'ja' ? `${entry.path} を読み込めません: ${entry.reason}` : `Cannot read ${entry.path}: ${entry.reason}`
    results.set(entry.path, {file: noticeFile(entry.path, 'read-error', 'error', reason), source: ''})
  }
  await cache?.save()

  const linted = [...results.values()].sort((a, b) => compare(a.file.path, b.file.path))

  if (args.baselineWrite) {
    const baseline = buildBaseline(linted)
    await writeBaseline(path.resolve(io.cwd, args.baselineWrite), baseline)
    io.stderr.write(`trustlint: recorded ${baseline.findings.reduce((sum, entry) => sum + entry.count, 0)} findings in ${args.baselineWrite}\n`)
    return 0
  }
  let known = 0
  if (args.baseline) known = applyBaseline(linted, await readBaseline(path.resolve(io.cwd, args.baseline), args.baseline))
  return finish(args, io, linted.map((entry) => entry.file), known)
}

/** Filter, format, write and compute the exit code. */
async function finish(args: CliArgs, io: CliIo, files: VFile[], known: number): Promise<number> {
  if (args.quiet) for (const file of files) file.messages = file.messages.filter((message) => message.fatal === true)
  const errors = files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal === true).length, 0)
  const warnings = files.reduce((sum, file) => sum + file.messages.filter((message) => message.fatal === false).length, 0)

  let text: string
  if (args.format === 'json' && !args.output) {
    // In pieces: one string of a large draft's report would be the run's largest allocation.
    // A pipe takes 64 KB at a time and Node queues the rest in memory, so each piece waits
    // until the reader has taken the ones before it: without that, the report of a 10 MB
    // draft piped to another program was all held at once (docs/performance.md, Large files).
    for (const chunk of jsonReportChunks(files)) {
      // A reader that went away (`| head`) takes no more: stop instead of waiting for it.
      if (closed(io.stdout)) break
      if (!io.stdout.write(chunk)) await drained(io.stdout)
    }
    text = '\n'
  } else if (args.format === 'json') text = JSON.stringify(toJsonReport(files)) + '\n'
  else if (args.format === 'sarif') text = JSON.stringify(toSarif(files, BUILTIN_RULES, VERSION, io.cwd), null, 2) + '\n'
  else if (args.format === 'github') text = toGithubAnnotations(files)
  else {
    const report = stylish(filesByPart(files), {quiet: true})
    text = report ? report + '\n' : ''
    if (known > 0) text += `${known} known finding${known === 1 ? '' : 's'} hidden by the baseline\n`
  }
  if (args.output) {
    await writeAtomic(path.resolve(io.cwd, args.output), text)
  } else if (args.format === 'stylish') {
    if (text) io.stderr.write(text)
  } else if (!closed(io.stdout)) {
    io.stdout.write(text)
  }

  if (errors > 0) return 1
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr.write(`trustlint: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`)
    return 1
  }
  return 0
}

function closed(stream: NodeJS.WritableStream): boolean {
  const state = stream as {destroyed?: boolean; writableEnded?: boolean}
  return state.destroyed === true || state.writableEnded === true
}

/** Resolve when a stream that refused more (write returned false) has drained, or has closed. */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    if (closed(stream)) return resolve()
    const done = () => {
      stream.off('drain', done)
      stream.off('close', done)
      stream.off('error', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('close', done)
    stream.on('error', done)
  })
}

function noticeFile(filePath: string, ruleId: NoticeId, level: 'error' | 'warning' | 'info', reason: string): VFile {
  const file = new VFile({path: filePath})
  addPlain(file, {
    reason,
    ruleId,
    source: 'trustlint',
    fatal: fatalFor(level),
    actual: undefined,
    expected: undefined,
    url: noticeUrl(ruleId),
    note: undefined,
    category: 'other',
    stage: undefined,
    lang: undefined,
    start: undefined,
    end: undefined
  })
  return file
}

/** A decoding note (Shift_JIS, UTF-16) goes first on the file, in the language of its text. */
function addReadNote(file: VFile, read: ReadResult, locale: string | undefined) {
  if (read.kind !== 'text' || !read.note) return
  const lang = locale === 'ja' || locale === 'en' ? locale : documentLang(read.value)
  const notice = noticeFile(file.path, 'encoding', read.note.level, read.note.reason[lang])
  file.messages.unshift(...notice.messages)
}

/** `expected` files decide whether to show progress; `total()` is the number of jobs so far (files are still being read). */
function progressLine(io: CliIo, expected: number, total: () => number) {
  // Only for people watching a terminal, and only when it takes a while.
  const active = Boolean(io.stderr.isTTY) && expected >= 50
  let last = 0
  return {
    update(done: number) {
      if (!active) return
      const now = Date.now()
      if (now - last < 100 && done < total()) return
      last = now
      io.stderr.write(`\rtrustlint: ${done}/${total()} files`)
    },
    done() {
      if (active) io.stderr.write('\r\x1b[K')
    }
  }
}

/** Start at most `limit` reads at once; the promises come back in input order. */
function readAhead<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T>[] {
  const results: Promise<T>[] = []
  tasks.forEach((task, index) => {
    // Task i starts once task i − limit has settled.
    const before = index >= limit ? results[index - limit]!.then(noop, noop) : Promise.resolve()
    const result = before.then(task)
    result.catch(noop) // awaited in order later; never an unhandled rejection meanwhile
    results.push(result)
  })
  return results
}

function noop() {}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return Buffer.concat(chunks)
}

function usage(io: CliIo, message: string, withUsage = true): number {
  io.stderr.write(`trustlint: ${message}\n${withUsage ? '\n' + USAGE + '\n' : ''}`)
  return 2
}

function compare(a: string | undefined, b: string | undefined) {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0
}
