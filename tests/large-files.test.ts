import {spawn, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {toString} from 'nlcst-to-string'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {afterAll, describe, expect, it} from 'vitest'
import {collectProse} from '../src/core/prose.js'
import {buildSentences, planSentences, rawTokens, restage} from '../src/core/text-model.js'
import {loadTokenizer} from '../src/lang/ja/tokenizer.js'
import {lint, toJsonReport} from '../src/index.js'
import {normalizeWithMap, originAt, originEndAt} from '../src/lang/normalize.js'
import {jsonReportChunks} from '../src/report/json.js'
import {unified} from 'unified'
import remarkParse from 'remark-parse'

// What keeps the memory of a large draft down (docs/performance.md, Large files) must not
// change what the linter sees or reports.

function englishSentences(source: string) {
  const tree = unified().use(remarkParse).parse(source)
  const blocks = collectProse(tree, source)
  return buildSentences(planSentences(blocks, 'en'), () => 'education', location(new VFile(source)), undefined)
}

describe('Japanese tokens, one object per distinct word of a document', () => {
  const source = '講座を説明します。講座は無料です。\n\nヌポラヌポのワードとヌポラヌポのポポヌン。\n'

  async function japaneseSentences() {
    const tree = unified().use(remarkParse).parse(source)
    const blocks = collectProse(tree, source)
    return buildSentences(planSentences(blocks, 'ja'), () => 'education', location(new VFile(source)), await loadTokenizer())
  }

  it('are shared between occurrences, each placed by its own offsets', async () => {
    const sentences = await japaneseSentences()
    const placed = sentences.flatMap((sentence) => sentence.tokens)
    const lectures = placed.filter((entry) => entry.token.surface_form === '講座')
    expect(lectures.map((entry) => source.slice(entry.start, entry.end))).toEqual(['講座', '講座'])
    expect(lectures[0]!.start).not.toBe(lectures[1]!.start)
    expect(lectures[0]!.token).toBe(lectures[1]!.token)
    // An unknown word is shared by its surface: another unknown word of the same
    // character class (same word_id, same features) is another token.
    const words = placed.filter((entry) => entry.token.surface_form === 'ヌポラヌポ')
    expect(words).toHaveLength(2)
    expect(words[0]!.token).toBe(words[1]!.token)
    const other = placed.find((entry) => entry.token.surface_form === 'ポポヌン')!
    expect(other.token.word_type).toBe('UNKNOWN')
    expect(other.token.word_id).toBe(words[0]!.token.word_id)
    expect(other.token).not.toBe(words[0]!.token)
    // Every token still covers its text, and a shared token claims no one position.
    for (const entry of placed) {
      expect(source.slice(entry.start, entry.end)).toBe(entry.token.surface_form)
      expect(entry.token.word_position).toBe(0)
    }
    const particles = new Set(placed.filter((entry) => entry.token.pos === '助詞').map((entry) => entry.token))
    expect([...particles].map((token) => token.surface_form).sort()).toEqual(['の', 'は', 'を', 'と'].sort())
  })

  it('read bare (rawTokens) give the tokens of the sentence asked for, whatever was read before', async () => {
    const sentences = await japaneseSentences()
    for (const index of [0, 1, 0, 2, 2, 1]) {
      const sentence = sentences[index]!
      expect(rawTokens(sentence)).toEqual(sentence.tokens.map((entry) => entry.token))
    }
  })
})

describe('English sentence nodes, parsed again when first read', () => {
  const source = 'We explain the course here. Join it today!\nMr. Smith agrees.\n\nRead *the* guide.\n'

  it('cover their sentence exactly, in any order of reading', () => {
    const sentences = englishSentences(source)
    expect(sentences.map((sentence) => source.slice(sentence.start, sentence.end))).toEqual([
      'We explain the course here.',
      'Join it today!',
      'Mr. Smith agrees.',
      'Read *the* guide.'
    ])
    // The third first: the whole run's nodes are built then, each on its own sentence.
    for (const index of [2, 0, 1, 3]) {
      const sentence = sentences[index]!
      const node = sentence.node
      expect(node.position!.start.offset).toBe(sentence.start)
      expect(node.position!.end.offset).toBe(sentence.end)
      expect(node.data).toMatchObject({lang: 'en', stage: 'education'})
      expect(sentence.node).toBe(node)
    }
    // Markup is not prose: the last node's words are those of the paragraph's text.
    expect(toString(sentences[3]!.node)).toBe('Read the guide.')
    expect(toString(sentences[2]!.node)).toBe('Mr. Smith agrees.')
  })

  it('take a new stage whether they were read before it or after', () => {
    const sentences = englishSentences(source)
    const read = sentences[0]!.node
    restage(sentences[0]!, 'sales')
    restage(sentences[1]!, 'sales')
    expect(read.data).toMatchObject({stage: 'sales'})
    expect(sentences[1]!.node.data).toMatchObject({stage: 'sales'})
    expect(sentences[2]!.node.data).toMatchObject({stage: 'education'})
  })

  it('can be replaced, as a plain property can', () => {
    const [sentence] = englishSentences('Act now.')
    const replacement = {type: 'SentenceNode' as const, children: []}
    sentence!.node = replacement
    expect(sentence!.node).toBe(replacement)
    expect({...sentence}.node).toBe(replacement)
  })
})

describe('normalised offset maps', () => {
  const block = {origin: Int32Array.from([10, 11, 13, 14, 20]), originEnd: Int32Array.from([11, 13, 14, 20, 21])}

  it('are a view of the block map when the text is kept as it is', () => {
    const map = normalizeWithMap('abcde', 1, 4, undefined, block)
    expect(map.text).toBe('bcd')
    expect([...map.origin]).toEqual([11, 13, 14])
    expect([...map.originEnd]).toEqual([13, 14, 20])
    expect(map.origin.buffer).toBe(block.origin.buffer)
    // Made once, when first read.
    expect(map.origin).toBe(map.origin)
    expect(map.originEnd).toBe(map.originEnd)
  })

  it('are read the same through originAt/originEndAt, which make no view', () => {
    for (const map of [normalizeWithMap('abcde', 1, 4, undefined, block), normalizeWithMap('a５㌔de', 0, 5, undefined, block), normalizeWithMap('abcde', 2, 5)]) {
      const viewless = map.text.split('').map((_, index) => [originAt(map, index), originEndAt(map, index)])
      expect(viewless).toEqual(map.text.split('').map((_, index) => [map.origin[index], map.originEnd[index]]))
    }
    expect(originAt(normalizeWithMap('abcde', 2, 5, undefined, block), 0)).toBe(13)
    expect(originEndAt(normalizeWithMap('abcde', 2, 5, undefined, block), 2)).toBe(21)
  })

  it('are their own map when NFKC changes the text or characters are dropped', () => {
    // ５ becomes 5 (same width), ㌔ becomes キロ (two units from one).
    const changed = normalizeWithMap('a５㌔de', 0, 5, undefined, block)
    expect(changed.text).toBe('a5キロde')
    expect([...changed.origin]).toEqual([10, 11, 13, 13, 14, 20])
    expect([...changed.originEnd]).toEqual([11, 13, 14, 14, 20, 21])
    expect(changed.origin.buffer).not.toBe(block.origin.buffer)
    const dropped = normalizeWithMap('ab\ncd', 0, 5, (char) => char !== '\n', block)
    expect(dropped.text).toBe('abcd')
    expect([...dropped.origin]).toEqual([10, 11, 14, 20])
  })
})

describe('the JSON report in pieces', () => {
  it('is the one-string report to the byte, across batch boundaries and files', async () => {
    const many = await lint(new VFile({path: 'drafts\\many.md', value: '今すぐお申し込みください。Act now!!\n\n'.repeat(7)}))
    const none = await lint(new VFile({path: 'calm.md', value: 'We explain the course.\n'}))
    const one = await lint(new VFile({path: 'one.md', value: 'Hurry.\n'}))
    expect(many.messages.length).toBeGreaterThan(14)
    expect(none.messages).toEqual([])
    const files = [many, none, one]
    const whole = JSON.stringify(toJsonReport(files))
    for (const size of [1, 2, 7, 200, 16_384]) expect([...jsonReportChunks(files, size)].join('')).toBe(whole)
    expect([...jsonReportChunks([])].join('')).toBe(JSON.stringify(toJsonReport([])))
  })

  it('keeps each piece within the size unless one message alone is longer', async () => {
    const file = await lint(new VFile({path: 'many.md', value: '今すぐお申し込みください。Act now!!\n\n'.repeat(40)}))
    const pieces = [...jsonReportChunks([file], 2_000)]
    expect(pieces.length).toBeGreaterThan(5)
    for (const piece of pieces) {
      const messages = piece.split('"ruleId":').length - 1
      expect(piece.length <= 2_000 || messages <= 1, `${piece.length} characters, ${messages} messages`).toBe(true)
    }
    // No piece is needlessly small: two neighbours together would not have fitted.
    for (let index = 1; index < pieces.length - 1; index++) expect(pieces[index - 1]!.length + pieces[index]!.length).toBeGreaterThan(2_000)
  })
})

describe('a large draft through the CLI', () => {
  // `npm test` builds the CLI first.
  const cli = path.resolve(import.meta.dirname, '../dist/cli.js')
  const work = mkdtempSync(path.join(tmpdir(), 'trustlint-large-'))
  afterAll(() => rmSync(work, {recursive: true, force: true}))

  // Two CLI processes, each loading the dictionary: a generous hang guard, not a speed target.
  it('writes the same report on stdout (in pieces) as to --output (one string)', {timeout: 60_000}, () => {
    const paragraph = '今すぐお申し込みください。講座の内容を説明します。Act now and join the course today!!\n\n'
    writeFileSync(path.join(work, 'large.md'), '# 講座のご案内\n\n' + paragraph.repeat(600))
    const args = [cli, '--no-config', '--no-ignore', '--concurrency', '1', '--format', 'json', 'large.md']
    const piped = spawnSync(process.execPath, args, {cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
    const written = spawnSync(process.execPath, [...args, '--output', 'report.json'], {cwd: work, encoding: 'utf8'})
    // Exit code 1: the draft has error-level findings; nothing failed.
    expect([piped.status, written.status]).toEqual([1, 1])
    expect(piped.stderr + written.stderr).toBe('')
    const report = readFileSync(path.join(work, 'report.json'), 'utf8')
    expect(piped.stdout).toBe(report)
    // 600 paragraphs, each with its Japanese and English cue: more than one batch of messages.
    expect(JSON.parse(report).files[0].messages.length).toBeGreaterThan(1200)
  })

  it('stops quietly when the reader of its report goes away (`| head`)', {timeout: 60_000}, async () => {
    writeFileSync(path.join(work, 'long.md'), '今すぐお申し込みください。Act now!!\n\n'.repeat(3000))
    const child = spawn(process.execPath, [cli, '--no-config', '--no-ignore', '--concurrency', '1', '--format', 'json', 'long.md'], {cwd: work})
    let stderr = ''
    child.stderr.on('data', (data) => (stderr += data))
    // Read the first piece, then close the pipe as head does.
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(1)
  })
})
