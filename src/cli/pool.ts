import {availableParallelism} from 'node:os'
import {serveDictionary} from '../lang/ja/dictionary-share.js'
import type {LintJob, LintJobResult} from './lint-job.js'
import type {WorkerJob} from './worker.js'

/** A worker pool (piscina), typed loosely so the module is only loaded when a pool is used. */
export interface WorkerPool {
  run(task: unknown, options?: {signal?: AbortSignal}): Promise<unknown>
  destroy(): Promise<void>
}

/** How the CLI spreads files over threads. */
export interface PoolOptions {
  /** Worker threads; 1 lints in the main thread. Default: the available cores. */
  concurrency?: number
  onDone?: (done: number) => void
  /** A pool started earlier (see {@link startPool}); lintJobs uses it and then destroys it. */
  pool?: WorkerPool
  /**
   * Milliseconds one file may take in a worker (0 = no budget). A worker past it
   * is terminated and the file gets an error; the run goes on.
   */
  fileTimeoutMs?: number
  /** The budget was asked for explicitly: lint in a worker even for a small run, so it can be enforced. */
  enforceTimeout?: boolean
}

/** Default time budget per file in worker threads. */
export const DEFAULT_FILE_TIMEOUT_MS = 30_000

/** Added to the budget of a thread's first file: starting the thread and loading the dictionary. */
const STARTUP_GRACE_MS = 10_000

/** Files from which a run is large enough to start the pool before reading them. */
export const POOL_MIN_FILES = 60

/**
 * Start the pool now: its threads load the lint stack while the main thread
 * reads and decodes the files, instead of after.
 */
export async function startPool(concurrency: number): Promise<WorkerPool> {
  const {Piscina} = await import('piscina')
  // The workers share one copy of the Japanese dictionary, read by this thread when the first asks.
  const dictionaryChannel = `trustlint-dictionary-${process.pid}-${++pools}`
  const server = serveDictionary(dictionaryChannel)
  const piscina = new Piscina({
    filename: new URL('./cli-worker.js', import.meta.url).href,
    minThreads: concurrency,
    maxThreads: concurrency,
    idleTimeout: 1000,
    resourceLimits: {maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB}
  })
  return {
    run: (job, options) => piscina.run({...(job as LintJob), dictionaryChannel} satisfies WorkerJob, options),
    destroy: async () => {
      server.close()
      await piscina.destroy()
    }
  }
}

let pools = 0

/**
 * The young generation of each worker's heap, in MB (V8's default here is
 * several times larger). Every isolate keeps its own young generation, so a
 * pool of two held about 1.45 times the memory of one thread in a quiet
 * benchmark run; with 8 MB per worker, about 1.3 times, for the same CPU time
 * (docs/performance.md, Round 5: the pool's memory). Only the nursery is
 * bounded: a large file still gets all the old space it needs.
 */
const WORKER_YOUNG_GENERATION_MB = 8

/**
 * Below this much text a pool costs more than it saves: each worker loads the
 * lint stack and builds its own dictionary structures, so small runs stay in-process.
 */
export const POOL_MIN_CHARS = 300_000

/** The default number of workers: the cores Node may use. */
export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism())
}

/**
 * Jobs handed to a pool while the main thread still reads the files, so the workers
 * start on the first file instead of waiting for the last to be read and decoded.
 */
export class JobFeed {
  readonly jobs: LintJob[] = []
  private closed = false
  private waiting: (() => void)[] = []

  push(job: LintJob): void {
    this.jobs.push(job)
    this.wake()
  }

  /** No more jobs will come. */
  close(): void {
    this.closed = true
    this.wake()
  }

  /** Resolves when job `index` exists (true) or the feed closed without it (false). */
  async has(index: number): Promise<boolean> {
    while (index >= this.jobs.length && !this.closed) await new Promise<void>((resolve) => this.waiting.push(resolve))
    return index < this.jobs.length
  }

  private wake() {
    const waiting = this.waiting
    this.waiting = []
    for (const resolve of waiting) resolve()
  }
}

/** Lint every job of a feed in a started pool (see {@link startPool}), as the jobs come; results in job order. */
export async function lintFeed(feed: JobFeed, pool: WorkerPool, options: Omit<PoolOptions, 'pool'> = {}): Promise<LintJobResult[]> {
  const concurrency = Math.max(1, options.concurrency ?? defaultConcurrency())
  const budget = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS
  let done = 0
  const results: LintJobResult[] = []
  let next = 0
  try {
    // As many jobs in flight as threads: a job's clock then starts when it runs,
    // not while it waits in the queue behind others.
    await Promise.all(
      Array.from({length: concurrency}, async () => {
        // A lane's first job also starts its thread and may build the Japanese
        // dictionary: that is not the file's cost, so it gets a grace period.
        let grace = STARTUP_GRACE_MS
        while (await feed.has(next)) {
          // Another lane may have taken the job while this one waited.
          if (next >= feed.jobs.length) continue
          const index = next++
          const result = await runWithBudget(pool, feed.jobs[index]!, budget > 0 ? budget + grace : 0)
          results[index] = result
          options.onDone?.(++done)
          // A timed-out job's thread was terminated: the next job starts a new one.
          grace = 'timedOut' in result && result.timedOut ? STARTUP_GRACE_MS : 0
        }
      })
    )
    return results
  } finally {
    await pool.destroy()
  }
}

/** Lint every job; results come back in job order whatever thread ran them. */
export async function lintJobs(jobs: LintJob[], options: PoolOptions = {}): Promise<LintJobResult[]> {
  const explicit = options.concurrency !== undefined
  const concurrency = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency(), jobs.length))
  const chars = jobs.reduce((sum, job) => sum + job.value.length, 0)
  let done = 0
  const tick = <T>(result: T) => {
    options.onDone?.(++done)
    return result
  }
  if (jobs.length === 0) {
    await options.pool?.destroy()
    return []
  }
  if (!options.pool && !options.enforceTimeout && (concurrency <= 1 || (!explicit && chars < POOL_MIN_CHARS))) {
    // Loaded only when something misses the cache: a cached run never pays for the lint stack.
    const {runJob} = await import('./lint-job.js')
    const results: LintJobResult[] = []
    for (const job of jobs) results.push(tick(await runJob(job)))
    return results
  }
  const feed = new JobFeed()
  for (const job of jobs) feed.push(job)
  feed.close()
  return lintFeed(feed, options.pool ?? (await startPool(concurrency)), {...options, concurrency})
}

/** One job in the pool within its time budget: past it, the worker is terminated and the file gets an error. */
async function runWithBudget(pool: WorkerPool, job: LintJob, budget: number): Promise<LintJobResult> {
  if (budget <= 0) return (pool.run(job) as Promise<LintJobResult>).catch((error: unknown) => ({error: (error as Error).message}))
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, budget)
  try {
    return (await pool.run(job, {signal: controller.signal})) as LintJobResult
  } catch (error) {
    if (timedOut) return {error: 'took longer than its time budget (--file-timeout)', timedOut: true}
    return {error: (error as Error).message}
  } finally {
    clearTimeout(timer)
  }
}
