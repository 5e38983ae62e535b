import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {DictionaryLoadError, lint} from '../src/index.js'
import {DICT_ENV, defaultDictPath, loadTokenizer, resolveDictPath} from '../src/lang/ja/tokenizer.js'

const missing = path.join(import.meta.dirname, 'no-such-dictionary')

describe('the Japanese dictionary', () => {
  afterEach(() => {
    delete process.env[DICT_ENV]
  })

  it('is not loaded for English-only text', async () => {
    // A broken dictionary path cannot fail a file that has no Japanese text.
    const file = await lint('# Plan\n\nAct now and read the guide.', {dictPath: missing})
    expect(file.messages.map((message) => message.actual)).toEqual(['Act now'])
  })

  it('fails with a clear error naming the folder, and is retried on the next call', async () => {
    const first = lint('今すぐお申し込みください。', {dictPath: missing})
    await expect(first).rejects.toBeInstanceOf(DictionaryLoadError)
    await expect(lint('今すぐ', {dictPath: missing})).rejects.toThrow(/no-such-dictionary.*dictPath option or TRUSTLINT_KUROMOJI_DICT/)
    // The failure is not cached: the loader starts again (a new promise) each time.
    const again = loadTokenizer(missing)
    expect(again).not.toBe(loadTokenizer(defaultDictPath()))
    await expect(again).rejects.toBeInstanceOf(DictionaryLoadError)
    expect(loadTokenizer(missing)).not.toBe(again)
    await loadTokenizer(missing).catch(() => undefined)
  })

  it('is loaded once: concurrent first calls share one load', async () => {
    const a = loadTokenizer()
    const b = loadTokenizer()
    expect(a).toBe(b)
    const [one, two] = await Promise.all([a, b])
    expect(one).toBe(two)
  })

  it('takes its folder from the option, then the environment, then the package', () => {
    expect(resolveDictPath('/opt/dict')).toBe('/opt/dict')
    process.env[DICT_ENV] = '/env/dict'
    expect(resolveDictPath()).toBe('/env/dict')
    expect(resolveDictPath('/opt/dict')).toBe('/opt/dict')
    delete process.env[DICT_ENV]
    expect(resolveDictPath()).toBe(defaultDictPath())
    expect(defaultDictPath()).toMatch(/kuromoji[\\/]dict$/)
  })

  it('gives each Japanese word its surface, lemma, part of speech, conjugation and reading', async () => {
    const file = await lint('急いで申し込みます。')
    const sentence = file.data.trustlintProse!.sentences[0]!
    const words = sentence.node.children.filter((node) => node.type === 'WordNode')
    expect(words.map((word) => word.data)).toContainEqual(
      expect.objectContaining({
        surface: '急い',
        basicForm: '急ぐ',
        pos: '動詞',
        posDetail1: '自立',
        conjugatedType: '五段・ガ行',
        conjugatedForm: '連用タ接続',
        reading: 'イソイ'
      })
    )
  })
})
