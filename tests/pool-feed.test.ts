import {describe, expect, it} from 'vitest'
import {JobFeed, lintFeed, type WorkerPool} from '../src/cli/pool.js'
import type {LintJob, LintJobResult} from '../src/cli/lint-job.js'

const job = (path: string): LintJob => ({path, value: path, options: {}, optionsKey: 'k'})

/** A pool that answers after a delay per file, remembering the order and the time budget of each run. */
function fakePool(delays: Record<string, number>) {
  const started: string[] = []
  let destroyed = false
  const pool: WorkerPool = {
    run(task, options) {
      const {path} = task as LintJob
      started.push(path)
      return new Promise<LintJobResult>((resolve, reject) => {
        const timer = setTimeout(() => resolve({messages: [{ruleId: path}] as never}), delays[path] ?? 1)
        options?.signal?.addEventListener('abort', () => {
          clearTimeout(timer)
          reject(new Error('aborted'))
        })
      })
    },
    async destroy() {
      destroyed = true
    }
  }
  return {pool, started, destroyed: () => destroyed}
}

describe('handing jobs to the pool while files are read', () => {
  it('starts on the first job before the last is pushed, and returns results in job order', async () => {
    const feed = new JobFeed()
    const {pool, started, destroyed} = fakePool({'a.md': 30, 'b.md': 1, 'c.md': 1})
    const done: number[] = []
    const linting = lintFeed(feed, pool, {concurrency: 2, onDone: (count) => done.push(count), fileTimeoutMs: 0})
    feed.push(job('a.md'))
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(started).toEqual(['a.md'])
    feed.push(job('b.md'))
    feed.push(job('c.md'))
    feed.close()
    const results = await linting
    expect(results.map((result) => ('messages' in result ? (result.messages[0] as {ruleId: string}).ruleId : result.error))).toEqual(['a.md', 'b.md', 'c.md'])
    expect(done).toEqual([1, 2, 3])
    expect(destroyed()).toBe(true)
  })

  it('ends at once on a feed closed empty', async () => {
    const feed = new JobFeed()
    const {pool, destroyed} = fakePool({})
    feed.close()
    expect(await lintFeed(feed, pool, {concurrency: 2})).toEqual([])
    expect(destroyed()).toBe(true)
  })

  it('gives a file over its budget an error and goes on with the next', async () => {
    // The first job of a lane has a start-up grace of 10 s, so the budget is checked on a second job.
    const {pool} = fakePool({'first.md': 1, 'slow.md': 10_000, 'next.md': 1})
    const feed = new JobFeed()
    for (const name of ['first.md', 'slow.md', 'next.md']) feed.push(job(name))
    feed.close()
    const results = await lintFeed(feed, pool, {concurrency: 1, fileTimeoutMs: 20})
    expect(results[1]).toEqual({error: 'took longer than its time budget (--file-timeout)', timedOut: true})
    expect('messages' in results[2]!).toBe(true)
  })
})
