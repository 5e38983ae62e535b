/**
 * Proof that trustlint's dictionary loader (src/lang/ja/dictionary-loader.ts: the
 * uncompressed cache, views instead of copies, the indexed Viterbi builder) gives
 * exactly kuromoji's tokens: tokenize the text of every paragraph and heading of
 * the corpus (Japanese and English files) with stock `kuromoji.builder().build()`
 * and with trustlint's loader, twice (a cold load from the .gz files, then a load
 * from the cache), and compare every field of every token.
 *
 *   npx tsx bench/token-identity.ts [corpus folder, default ../shared/corpus]
 *
 * Exits 1 and prints the first differences when any token differs. Also notes how
 * long each load and each pass over the texts took (CPU time of this process).
 */
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import kuromoji from 'kuromoji'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {DICT_CACHE_ENV} from '../src/lang/ja/dictionary-cache.js'
import {loadDictionary} from '../src/lang/ja/dictionary-loader.js'
import {defaultDictPath} from '../src/lang/ja/tokenizer.js'
import {blockTexts} from './lib/block-texts.js'

const corpus = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../../shared/corpus'))
const dicPath = defaultDictPath()
const parser = unified().use(remarkParse)

const texts: string[] = []
for (const lang of ['ja', 'en']) {
  const folder = path.join(corpus, lang)
  for (const name of readdirSync(folder).sort()) {
    if (name.endsWith('.md')) texts.push(...blockTexts(parser.parse(readFileSync(path.join(folder, name), 'utf8'))))
  }
}
// Also the NFKC forms, which is what trustlint tokenizes.
texts.push(...texts.map((text) => text.normalize('NFKC')).filter((text, index) => text !== texts[index]))
// And the edges of the ported trie walk: surrogate pairs, lone surrogates (kuromoji
// throws on a lone high one; so must the loader), the longest IPADIC entry, half-width kana.
texts.push(
  '🔥今すぐ😀お申し込みください！',
  '𠮷野家で𩸽を食べた。',
  'a\uD83Db今すぐ',
  '今すぐ\uD83D',
  '\uDC00テスト\uDC00です',
  'ラテン・アメリカ・スモーラー・カンパニーズ・ファンドの説明',
  'ｾｰﾙは本日まで。ｶﾞｯﾂﾘ',
  ''
)

/** Tokens as JSON, or the error's type and message, so that failures must match too. */
function dump(tokenize: (text: string) => unknown, text: string): string {
  try {
    return JSON.stringify(tokenize(text))
  } catch (error) {
    return `throws ${(error as Error).constructor.name}`
  }
}

/** Milliseconds of CPU time (user + system) that `work` takes. */
async function cpu<T>(work: () => T | Promise<T>): Promise<[T, number]> {
  const before = process.cpuUsage()
  const result = await work()
  const used = process.cpuUsage(before)
  return [result, (used.user + used.system) / 1000]
}
const timings: string[] = []

const [stock, stockLoad] = await cpu(
  () =>
    new Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>>((resolve, reject) =>
      kuromoji.builder({dicPath}).build((error, tokenizer) => (error ? reject(error) : resolve(tokenizer)))
    )
)
const [expected, stockPass] = await cpu(() => texts.map((text) => dump((t) => stock.tokenize(t), text)))
timings.push(`kuromoji: load ${stockLoad.toFixed(0)} ms, tokenize ${stockPass.toFixed(0)} ms`)

// A private cache folder, so the first load is certainly from the .gz files.
const cache = mkdtempSync(path.join(os.tmpdir(), 'trustlint-dict-'))
process.env[DICT_CACHE_ENV] = cache
let failures = 0
let tokens = 0
try {
  for (const round of ['gzip', 'cache'] as const) {
    const [loaded, load] = await cpu(() => loadDictionary(dicPath))
    if (loaded.source !== round) throw new Error(`expected a load from ${round}, got ${loaded.source}`)
    const [actuals, pass] = await cpu(() => texts.map((text) => dump((t) => loaded.tokenizer.tokenize(t), text)))
    timings.push(`trustlint from ${round}: load ${load.toFixed(0)} ms${round === 'gzip' ? ' (with the cache write)' : ''}, tokenize ${pass.toFixed(0)} ms`)
    actuals.forEach((actual, index) => {
      if (round === 'gzip' && actual.startsWith('[')) tokens += (JSON.parse(actual) as unknown[]).length
      if (actual !== expected[index] && failures++ < 5) {
        console.error(`[${round}] differs for ${JSON.stringify(texts[index]!.slice(0, 60))}…\n  kuromoji: ${expected[index]!.slice(0, 300)}\n  trustlint: ${actual.slice(0, 300)}`)
      }
    })
  }
} finally {
  rmSync(cache, {recursive: true, force: true})
}
console.log(
  failures
    ? `${failures} of ${texts.length * 2} tokenizations differ`
    : `identical: ${texts.length} texts (${tokens.toLocaleString('en')} tokens) tokenized the same by kuromoji and by trustlint's loader, from .gz and from the cache`
)
console.log(`CPU time (noted, not asserted): ${timings.join('; ')}`)
process.exitCode = failures ? 1 : 0
