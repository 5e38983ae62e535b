import {availableParallelism} from 'node:os'
import type {LintJob, LintJobResult} from './lint-job.js'

/** A worker pool (piscina), typed loosely so the module is only loaded when a pool is used. */
export interface WorkerPool {
  run(task: unknown): Promise<unknown>
  destroy(): Promise<void>
}

/** How the CLI spreads files over threads. */
export interface PoolOptions {
  /** Worker threads; 1 lints in the main thread. Default: the available cores. */
  concurrency?: number
  onDone?: (done: number) => void
  /** A pool started earlier (see {@link startPool}); lintJobs uses it and then destroys it. */
  pool?: WorkerPool
}

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
  if (!options.pool && (concurrency <= 1 || (!explicit && chars < POOL_MIN_CHARS))) {
    // Loaded only when something misses the cache: a cached run never pays for the lint stack.
    const {runJob} = await import('./lint-job.js')
    const results: LintJobResult[] = []
    for (const job of jobs) results.push(tick(await runJob(job)))
    return results
  }
  const pool = options.pool ?? (await startPool(concurrency))
  try {
    return await Promise.all(jobs.map((job) => (pool.run(job) as Promise<LintJobResult>).then(tick)))
  } finally {
    await pool.destroy()
  }
}
