import {Worker} from 'node:worker_threads'
import {describe, expect, it} from 'vitest'
import {buildTokenizer, loadDictionary} from '../src/lang/ja/dictionary-loader.js'
import {readDictionary} from '../src/lang/ja/dictionary-read.js'
import {serveDictionary, sharedBytes, useSharedDictionary} from '../src/lang/ja/dictionary-share.js'
import {defaultDictPath} from '../src/lang/ja/tokenizer.js'

const SENTENCE = '今すぐお申し込みください。残りわずか、お早めに！'

describe('the dictionary shared between threads', () => {
  it('answers a request with the dictionary in shared memory, and the tokens are the same', async () => {
    const dicPath = defaultDictPath()
    // Before a pool serves it, a thread has no shared bytes and loads on its own.
    expect(await sharedBytes(dicPath)).toBeUndefined()
    const server = serveDictionary('trustlint-test-share')
    try {
      // A BroadcastChannel delivers to the other channel objects of its name, in this thread too.
      useSharedDictionary('trustlint-test-share')
      const bytes = await sharedBytes(dicPath)
      expect(bytes?.buffer).toBeInstanceOf(SharedArrayBuffer)
      const loaded = await loadDictionary(dicPath)
      expect(loaded.source).toBe('shared')
      const own = buildTokenizer((await readDictionary(dicPath)).buffers)
      expect(loaded.tokenizer.tokenize(SENTENCE)).toEqual(own.tokenize(SENTENCE))
      // A second request is answered from the same memory, not read again.
      expect((await sharedBytes(dicPath))?.buffer).toBe(bytes?.buffer)
    } finally {
      server.close()
    }
  })

  it('falls back to the thread’s own load when the main thread cannot read the dictionary', async () => {
    const server = serveDictionary('trustlint-test-share-missing')
    try {
      // This thread already asks on the first test's channel (one per thread), so a worker thread asks.
      const worker = new Worker(
        `const {BroadcastChannel, parentPort} = require('node:worker_threads')
         const channel = new BroadcastChannel('trustlint-test-share-missing')
         channel.onmessage = (event) => { if (event.data.dicPath) { parentPort.postMessage(event.data); channel.close() } }
         channel.postMessage({need: '/nonexistent/dictionary/folder'})`,
        {eval: true}
      )
      const answer = await new Promise<{dicPath: string; bytes?: unknown; error?: string}>((resolve) => worker.once('message', resolve))
      await worker.terminate()
      expect(answer.dicPath).toBe('/nonexistent/dictionary/folder')
      expect(answer.bytes).toBeUndefined()
      expect(answer.error).toMatch(/ENOENT|no such file/)
    } finally {
      server.close()
    }
  })
})
