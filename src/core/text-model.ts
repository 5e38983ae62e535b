import type {Paragraph as NlcstParagraph, Root as NlcstRoot, Sentence as NlcstSentence, SentenceContent, Word} from 'nlcst'
import {unified} from 'unified'
import {retextEnglish} from './plugins.js'
import {toString} from 'nlcst-to-string'
import type {Location} from 'vfile-location'
import {splitJapaneseSentences} from '../lang/ja/sentences.js'
import type {JapaneseTokenizer, KuromojiToken} from '../lang/ja/tokenizer.js'
import {tokenizeBounded} from '../lang/ja/bounded-tokenize.js'
import {POS, POS_DETAIL} from '../lang/ja/pos.js'
import {expandWord, foldWord, type NormalWord} from '../lang/en/words.js'
import {normalizeWithMap, originAt, originEndAt, type NormalizedText} from '../lang/normalize.js'
import {splitRuns, type Lang} from '../lang/script.js'
import type {ProseBlock} from './prose.js'
import type {Stage} from './stages.js'

/** A kuromoji token placed in the source: offsets are source offsets. */
export interface JaToken {
  token: KuromojiToken
  start: number
  end: number
}

/** What trustlint stores on a Japanese word node's `data`. */
export interface JapaneseWordData {
  lang: 'ja'
  surface: string
  basicForm: string
  pos: string
  posDetail1: string
  posDetail2: string
  posDetail3: string
  conjugatedType: string
  conjugatedForm: string
  reading: string | undefined
  pronunciation: string | undefined
}

/**
 * One sentence of one language run, ready for the rules. All offsets are
 * offsets into the file's text.
 */
export interface ProseSentence {
  lang: Lang
  stage: Stage
  block: ProseBlock
  start: number
  end: number
  /** NFKC text of the sentence, for regex patterns, mapped to source offsets. */
  normalized: NormalizedText
  /** Japanese: tokens in order. */
  tokens: JaToken[]
  /** English: words, contractions expanded. */
  words: NormalWord[]
  /** The sentence as an nlcst node, positioned in the source. */
  node: NlcstSentence
}

// The bare kuromoji tokens of the sentence read last, shared by every rule and
// every negation check on it: the rules run sentence by sentence, so one entry
// serves them, and no sentence keeps a second array of its tokens (issue 13).
let rawSentence: ProseSentence | undefined
let rawOfSentence: KuromojiToken[] = []

/** The kuromoji tokens of a Japanese sentence, without their offsets. */
export function rawTokens(sentence: ProseSentence): KuromojiToken[] {
  if (rawSentence !== sentence) {
    rawOfSentence = sentence.tokens.map((entry) => entry.token)
    rawSentence = sentence
  }
  return rawOfSentence
}

/** Text of a block split into language runs and sentences. */
export interface SentencePlan {
  lang: Lang
  block: ProseBlock
  /** Block-text offsets. */
  start: number
  end: number
}

/** Split blocks into language runs and, for Japanese, sentences (no tokenizing yet). */
export function planSentences(blocks: ProseBlock[], force?: Lang): SentencePlan[] {
  const plans: SentencePlan[] = []
  for (const block of blocks) {
    for (const run of splitRuns(block.text, force)) {
      if (run.lang === 'ja') {
        for (const span of splitJapaneseSentences(block.text, run.start, run.end)) {
          plans.push({lang: 'ja', block, start: span.start, end: span.end})
        }
      } else {
        plans.push({lang: 'en', block, start: run.start, end: run.end})
      }
    }
  }
  return plans
}

/** Build sentences for the plans; `tokenizer` is needed only when Japanese plans exist. */
export function buildSentences(
  plans: SentencePlan[],
  stageOf: (block: ProseBlock) => Stage,
  location: Location,
  tokenizer: JapaneseTokenizer | undefined
): ProseSentence[] {
  const sentences: ProseSentence[] = []
  // One node builder for all Japanese sentences of the document (see withLazyNode).
  const japaneseBuild = (sentence: ProseSentence) => japaneseSentenceNode(sentence, location)
  const shared = sharedTokens()
  for (const plan of plans) {
    const stage = stageOf(plan.block)
    if (plan.lang === 'ja') {
      if (!tokenizer) throw new Error('Japanese text needs the tokenizer')
      sentences.push(withLazyNode(japaneseSentence(plan, stage, tokenizer, shared), japaneseBuild))
    } else {
      sentences.push(...englishSentences(plan, stage, location))
    }
  }
  return sentences
}

/**
 * One token object per distinct word of a document, shared by all its
 * occurrences. Two tokens of the same dictionary entry (or the same unknown
 * word of the same character class) differ only in `word_position`, and the
 * place of an occurrence is its JaToken's `start`/`end`: a document repeats its
 * words, so keeping one kuromoji token (128 bytes) per occurrence was the largest
 * part of the prose model of Japanese text (docs/performance.md, Large files).
 * A shared token's `word_position` is 0: it belongs to no one occurrence.
 */
function sharedTokens(): (token: KuromojiToken) => KuromojiToken {
  const known = new Map<number, KuromojiToken>()
  const unknown = new Map<string, KuromojiToken>()
  return (token) => {
    token.word_position = 0
    if (token.word_type === 'KNOWN') {
      const seen = known.get(token.word_id)
      if (seen) return seen
      known.set(token.word_id, token)
    } else if (token.word_type === 'UNKNOWN') {
      // An unknown word's features come from its character class (word_id), its surface from the text.
      const key = `${token.word_id} ${token.surface_form}`
      const seen = unknown.get(key)
      if (seen) return seen
      unknown.set(key, token)
    }
    return token
  }
}

// Line breaks inside Japanese prose are not word breaks (hard-wrapped
// paragraphs), so they and the indentation after them are left out.
function keepInJapanese(block: ProseBlock) {
  return (char: string, index: number) => {
    if (char === '\n' || char === '\r') return false
    if (char === ' ' || char === '\t' || char === '\u3000') {
      for (let back = index - 1; back >= 0; back--) {
        const before = block.text[back]!
        if (before === '\n' || before === '\r') return false
        if (before !== ' ' && before !== '\t' && before !== '\u3000') return true
      }
    }
    return true
  }
}

function japaneseSentence(plan: SentencePlan, stage: Stage, tokenizer: JapaneseTokenizer, shared: (token: KuromojiToken) => KuromojiToken): Omit<ProseSentence, 'node'> {
  const {block} = plan
  const normalized = normalizeWithMap(block.text, plan.start, plan.end, keepInJapanese(block), block)
  // Made with map, not push: the array is kept as long as the sentence, and one grown by
  // push keeps room for up to half as many tokens again.
  const tokens: JaToken[] = tokenizeBounded(tokenizer, normalized.text).map((token) => {
    const from = token.word_position - 1
    const to = from + token.surface_form.length
    return {token: shared(token), start: originAt(normalized, from), end: originEndAt(normalized, to - 1)}
  })
  const start = block.origin[plan.start]!
  const end = block.originEnd[plan.end - 1]!
  return {lang: 'ja', stage, block, start, end, normalized, tokens, words: []}
}

function japaneseSentenceNode(sentence: ProseSentence, location: Location): NlcstSentence {
  return {
    type: 'SentenceNode',
    children: sentence.tokens.map((entry) => japaneseNode(entry.token, entry.start, entry.end, location)),
    position: span(location, sentence.start, sentence.end),
    data: {lang: 'ja', stage: sentence.stage}
  } as NlcstSentence
}

/**
 * Give a sentence its nlcst `node`, built on first read. The rules work on
 * tokens and words; the node (one object per token with its data, and line/column
 * points for every position) is for API users and costs a tenth of the Japanese
 * lint time and much of its garbage when built eagerly (issue 6 profile). An own,
 * enumerable accessor, so spreading or serialising a sentence still sees it. Its
 * getter and setter are the same functions on every sentence and the builder is
 * shared too: an accessor of its own per sentence gave each sentence its own hidden
 * class, about a kilobyte each (docs/performance.md, Large files).
 */
function withLazyNode(sentence: Omit<ProseSentence, 'node'>, build: (sentence: ProseSentence) => NlcstSentence): ProseSentence {
  builders.set(sentence, build)
  return Object.defineProperty(sentence, 'node', {enumerable: true, configurable: true, get: readNode, set: writeNode}) as ProseSentence
}

const builders = new WeakMap<object, (sentence: ProseSentence) => NlcstSentence>()

function readNode(this: ProseSentence): NlcstSentence {
  let node = builtNodes.get(this)
  if (!node) builtNodes.set(this, (node = builders.get(this)!(this)))
  return node
}

function writeNode(this: ProseSentence, value: NlcstSentence) {
  builtNodes.set(this, value)
}

// The nodes built so far, so that a change of stage reaches them without building the others.
const builtNodes = new WeakMap<object, NlcstSentence>()

/** Give a sentence another stage (stage inference), on its nlcst node too if one was built. */
export function restage(sentence: ProseSentence, stage: Stage): void {
  sentence.stage = stage
  const data = builtNodes.get(sentence)?.data as {stage?: Stage} | undefined
  if (data) data.stage = stage
}

function japaneseNode(token: KuromojiToken, start: number, end: number, location: Location): SentenceContent {
  const position = span(location, start, end)
  const value = token.surface_form
  if (token.pos === POS.symbol) {
    if (token.pos_detail_1 === POS_DETAIL.whitespace) return {type: 'WhiteSpaceNode', value, position}
    return {type: token.pos_detail_1 === '一般' ? 'SymbolNode' : 'PunctuationNode', value, position}
  }
  const data: JapaneseWordData = {
    lang: 'ja',
    surface: token.surface_form,
    basicForm: token.basic_form,
    pos: token.pos,
    posDetail1: token.pos_detail_1,
    posDetail2: token.pos_detail_2,
    posDetail3: token.pos_detail_3,
    conjugatedType: token.conjugated_type,
    conjugatedForm: token.conjugated_form,
    reading: token.reading,
    pronunciation: token.pronunciation
  }
  return {type: 'WordNode', children: [{type: 'TextNode', value, position}], position, data} as Word
}

// English runs go through retext-english (its ParseEnglish, not the generic
// Latin parser), frozen once; unified is called through a local alias (see processor.ts).
const newProcessor: typeof unified = unified
const english = newProcessor().use(retextEnglish).freeze()

// Words after which an imperative still counts as clause-initial ("Please hurry", "So act now").
const CLAUSE_OPENERS = new Set(['please', 'so', 'just', 'and', 'but', 'now', 'then', 'oh', 'hey', 'well'])

function englishSentences(plan: SentencePlan, stage: Stage, location: Location): ProseSentence[] {
  const {block} = plan
  const sentences: ProseSentence[] = []
  const {sourceOf, sourceEndOf} = runOffsets(plan)
  // Reading one node builds those of the whole run (englishNodes), so indexOf runs once per run.
  const build = (sentence: ProseSentence) => englishNodes(plan, sentences, location)[sentences.indexOf(sentence)]!
  for (const sentence of parseRun(plan)) {
    const from = sentence.position!.start.offset!
    const to = sentence.position!.end.offset!
    const words: NormalWord[] = []
    let clauseStart = true
    for (const child of sentence.children) {
      if (child.type === 'PunctuationNode' && /^[,;:\u2013\u2014(]$/.test(toString(child))) clauseStart = true
      if (child.type !== 'WordNode') continue
      // The source offsets reposition() gives the node, without building its points.
      const childFrom = child.position!.start.offset!
      const childTo = child.position!.end.offset!
      const start = sourceOf(childFrom)
      const end = childTo > childFrom ? sourceEndOf(childTo) : start
      const expanded = expandWord(foldWord(toString(child)))
      for (const norm of expanded) {
        words.push({norm, start, end, clauseStart})
        clauseStart = CLAUSE_OPENERS.has(norm) && clauseStart
      }
    }
    sentences.push(
      withLazyNode(
        {
          lang: 'en',
          stage,
          block,
          start: sourceOf(from),
          end: sourceEndOf(to),
          normalized: normalizeWithMap(block.text, plan.start + from, plan.start + to, undefined, block),
          tokens: [],
          words
        },
        build
      )
    )
  }
  return sentences
}

/** Source offsets of a run's text offsets: where a character starts, where the one before `offset` ends. */
function runOffsets({block, start}: SentencePlan) {
  return {
    sourceOf: (offset: number) => block.origin[start + offset]!,
    sourceEndOf: (offset: number) => block.originEnd[start + offset - 1]!
  }
}

/** The nlcst sentences of an English run, positioned in the run's text. */
function parseRun(plan: SentencePlan): NlcstSentence[] {
  // Soft line breaks would split paragraphs in parse-latin; a space keeps offsets.
  const text = plan.block.text.slice(plan.start, plan.end).replace(/[\r\n]/g, ' ')
  const tree = english.parse(text) as NlcstRoot
  const sentences: NlcstSentence[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type === 'ParagraphNode') sentences.push(...joinDotWords((paragraph as NlcstParagraph).children, text))
  }
  return sentences
}

/**
 * The nlcst nodes of an English run's sentences, positioned in the source, given to all
 * of them at once (so reading every node parses each run once). The run is parsed again:
 * parse-english is deterministic, and keeping every run's tree until an API user asks
 * for a node cost most of the memory of English text (docs/performance.md, Large files).
 */
function englishNodes(plan: SentencePlan, sentences: ProseSentence[], location: Location): NlcstSentence[] {
  const {sourceOf, sourceEndOf} = runOffsets(plan)
  const nodes = parseRun(plan)
  nodes.forEach((node, index) => {
    const sentence = sentences[index]!
    node.data = {...node.data, lang: 'en', stage: sentence.stage} as NlcstSentence['data']
    reposition(node, sourceOf, sourceEndOf, location)
    // A node already read (or set) stays the one its reader holds.
    if (!builtNodes.has(sentence)) builtNodes.set(sentence, node)
  })
  return nodes.map((node, index) => builtNodes.get(sentences[index]!) ?? node)
}

/**
 * parse-english ends a sentence at a full stop that starts a word (".NET", ".com",
 * "attend .NET Fringe"); a full stop with a letter right after it, and no space, ends
 * nothing. Such sentences are joined with the next one (same children, one span).
 */
function joinDotWords(children: NlcstParagraph['children'], text: string): NlcstSentence[] {
  const sentences: NlcstSentence[] = []
  for (const child of children) {
    if (child.type !== 'SentenceNode') continue
    const last = sentences[sentences.length - 1]
    const end = last?.position?.end.offset
    if (last && end !== undefined && text[end - 1] === '.' && /^\p{L}/u.test(text.slice(end, end + 1))) {
      sentences[sentences.length - 1] = {...last, children: [...last.children, ...child.children], position: {start: last.position!.start, end: child.position!.end}}
      continue
    }
    sentences.push(child)
  }
  return sentences
}

/** Move an nlcst subtree from run-relative offsets to source positions. */
function reposition(
  node: {position?: {start: {offset?: number}; end: {offset?: number}}; children?: unknown[]},
  sourceOf: (offset: number) => number,
  sourceEndOf: (offset: number) => number,
  location: Location
) {
  if (node.position) {
    const from = node.position.start.offset!
    const to = node.position.end.offset!
    node.position = span(location, sourceOf(from), to > from ? sourceEndOf(to) : sourceOf(from))
  }
  if (node.children) for (const child of node.children) reposition(child as typeof node, sourceOf, sourceEndOf, location)
}

function span(location: Location, start: number, end: number) {
  return {start: location.toPoint(start)!, end: location.toPoint(end)!}
}
