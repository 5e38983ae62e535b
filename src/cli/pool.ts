import {availableParallelism} from 'node:os'
import type {LintJob, LintJobResult} from './lint-job.js'

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
  return new Piscina({
    filename: new URL('./cli-worker.js', import.meta.url).href,
    minThreads: concurrency,
    maxThreads: concurrency,
    idleTimeout: 1000
  })
}

/**
 * Below this much text a pool costs more than it saves: each worker loads
 * its own Japanese dictionary (~0.6 s, ~100 MB), so small runs stay in-process.
 */
export const POOL_MIN_CHARS = 300_000

/** The default number of workers: the cores Node may use. */
export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism())
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
  const pool = options.pool ?? (await startPool(concurrency))
  const budget = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS
  try {
    if (budget <= 0) return await Promise.all(jobs.map((job) => (pool.run(job) as Promise<LintJobResult>).then(tick)))
    // As many jobs in flight as threads: a job's clock then starts when it runs,
    // not while it waits in the queue behind others.
    const results: LintJobResult[] = new Array(jobs.length)
    let next = 0
    const lane = async () => {
      // A lane's first job also starts its thread and may load the Japanese
      // dictionary: that is not the file's cost, so it gets a grace period.
      let grace = STARTUP_GRACE_MS
      while (next < jobs.length) {
        const index = next++
        const result = await runWithBudget(pool, jobs[index]!, budget + grace)
        results[index] = tick(result)
        // A timed-out job's thread is terminated: the next job starts a new one, and gets the grace again.
        grace = 'timedOut' in result && result.timedOut ? STARTUP_GRACE_MS : 0
      }
    }
    await Promise.all(Array.from({length: concurrency}, lane))
    return results
  } finally {
    await pool.destroy()
  }
}

/** One job in the pool within its time budget: past it, the worker is terminated and the file gets an error. */
async function runWithBudget(pool: WorkerPool, job: LintJob, budget: number): Promise<LintJobResult> {
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
