import {BroadcastChannel} from 'node:worker_threads'
import {parseCache, serializeCache} from './dictionary-cache.js'
import {readDictionary} from './dictionary-read.js'

/**
 * One copy of the Japanese dictionary per process, however many worker threads lint.
 * Each thread that loaded its own used ~100 MB more memory (and read the cache file
 * again); now the main thread reads the dictionary once, on the first worker's request,
 * into a SharedArrayBuffer laid out as the cache file (dictionary-cache.ts), and every
 * worker builds kuromoji's structures over views into it. Nothing is loaded until a
 * worker meets Japanese text, so an English-only run never reads the dictionary.
 *
 * The request and the answer travel on a BroadcastChannel named by the pool: a worker
 * cannot message the main thread in the middle of a piscina task otherwise, and a
 * SharedArrayBuffer posted on it is shared, not copied.
 */

interface Request {
  need: string
}

interface Answer {
  dicPath: string
  bytes?: Uint8Array
  error?: string
}

type Source = (dicPath: string) => Promise<Uint8Array | undefined>

let source: Source | undefined

/** The shared dictionary bytes for this thread, if a pool serves them; undefined otherwise or on failure. */
export function sharedBytes(dicPath: string): Promise<Uint8Array | undefined> {
  return source ? source(dicPath) : Promise.resolve(undefined)
}

/**
 * Main thread: answer dictionary requests on the channel `name` until closed. The
 * channel is unref'ed: it never keeps the process alive.
 */
export function serveDictionary(name: string): {close(): void} {
  const channel = new BroadcastChannel(name)
  const loads = new Map<string, Promise<Uint8Array>>()
  channel.onmessage = (event) => {
    const request = (event as {data: Request | Answer | undefined}).data
    if (!request || !('need' in request) || typeof request.need !== 'string') return
    const dicPath = request.need
    let loading = loads.get(dicPath)
    if (!loading) loads.set(dicPath, (loading = readShared(dicPath)))
    loading.then(
      (bytes) => channel.postMessage({dicPath, bytes} satisfies Answer),
      (error: unknown) => {
        // The worker then loads on its own, and reports the error in its words if that fails too.
        loads.delete(dicPath)
        channel.postMessage({dicPath, error: String(error)} satisfies Answer)
      }
    )
  }
  channel.unref()
  return {close: () => channel.close()}
}

/** Worker thread: ask the main thread on channel `name` for the dictionary bytes. */
export function useSharedDictionary(name: string): void {
  if (source) return
  const channel = new BroadcastChannel(name)
  channel.unref()
  const waiting = new Map<string, Promise<Uint8Array | undefined>>()
  source = (dicPath) => {
    let answer = waiting.get(dicPath)
    if (answer) return answer
    answer = new Promise((resolve) => {
      const listener = (event: {data: Request | Answer | undefined}) => {
        const data = event.data
        if (!data || !('dicPath' in data) || data.dicPath !== dicPath) return
        channel.removeEventListener('message', listener as never)
        resolve(data.bytes)
      }
      channel.addEventListener('message', listener as never)
      channel.postMessage({need: dicPath} satisfies Request)
    })
    waiting.set(dicPath, answer)
    // A failed answer is not kept: a later file asks again.
    void answer.then((bytes) => {
      if (!bytes) waiting.delete(dicPath)
    })
    return answer
  }
}

/** The dictionary in the cache file's layout, in shared memory. */
async function readShared(dicPath: string): Promise<Uint8Array> {
  const shared = (size: number) => new Uint8Array(new SharedArrayBuffer(size))
  const {buffers, source: from} = await readDictionary(dicPath, shared)
  if (from === 'cache') {
    // Every file is a view into the one shared buffer that was read.
    const whole = new Uint8Array(buffers.base.buffer)
    if (parseCache(whole)) return whole
  }
  // Gunzipped files (no usable cache): laid out as the cache file, in shared memory.
  const parts = serializeCache(buffers)
  const bytes = shared(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    bytes.set(part, at)
    at += part.length
  }
  return bytes
}
