import type {Nodes, Root} from 'mdast'
import type {CueMatch} from '../kinds/existence.js'
import {POS, POS_DETAIL} from '../lang/ja/pos.js'
import {normalizeWithMap} from '../lang/normalize.js'
import type {ProseBlock} from './prose.js'
import type {ProseSentence} from './text-model.js'

/**
 * Mentions are not the writer's voice (issue 3 §3, docs/mentions.md): a cue
 * inside quotation marks, inside a blockquote or list of examples, or the
 * object of talk about marketing (〜という表現, "words like") is not the
 * writer pressuring the reader, so it is not flagged unless `flagMentions`.
 */

/** Source ranges, sorted by start. */
type Ranges = [number, number][]

// Quotation marks that make a mention. Straight ' is left out: it is far more
// often an apostrophe; ’ closes only when no letter follows (not "don’t").
const PAIRS: Record<string, string> = {'「': '」', '『': '』', '“': '”', '‘': '’', '«': '»', '〝': '〟', '"': '"'}
const QUOTE_MARK = new RegExp(`[${[...new Set(Object.entries(PAIRS).flat())].join('')}]`, 'g')

/** Source ranges of quoted text in a block (the marks included). */
export function quotedRanges(block: ProseBlock): Ranges {
  const text = block.text
  const ranges: Ranges = []
  const stack: {open: string; at: number}[] = []
  // Only quotation marks change the state: visit those, not every character.
  for (const {index, 0: char} of text.matchAll(QUOTE_MARK)) {
    const top = stack[stack.length - 1]
    if (top && char === PAIRS[top.open]) {
      if (char === '’' && /\p{L}/u.test(text[index + 1] ?? '')) continue
      stack.pop()
      ranges.push([block.origin[top.at]!, block.originEnd[index]!])
      continue
    }
    if (char === '‘' && /\p{L}/u.test(text[index - 1] ?? '')) continue
    if (char === '"' && stack.some((entry) => entry.open === '"')) continue
    if (PAIRS[char] !== undefined) stack.push({open: char, at: index})
  }
  return ranges
}

// An introduction that announces examples: it names wording and ends with a colon,
// or says "for example" (例えば次のような表現：, "Phrases like these:").
const JA_INTRO = /(表現|言葉|文言|フレーズ|言い回し|例文|コピー|見出し|煽り|NG|悪い例|よくある例|例えば|たとえば|例)[^。]*[:：]\s*$/u
const EN_INTRO = /\b(phrases?|words?|wording|lines?|copy|headlines?|subject lines?|examples?|e\.g\.|for example|such as|like this|like these|claims?|slogans?|clich[eé]s?)\b[^.!?]*:\s*$/iu
// A block that labels itself as a bad example (✗ 今すぐ…, NG: …, Bad: …).
const EXAMPLE_LABEL = /^\s*(?:[✗✘×❌🙅]|NG\s*[:：]|NG例|悪い例|Bad\s*:|Don['’]t\s*:|Avoid\s*:|Before\s*:)/iu

/** Source ranges of blockquotes and lists that hold examples of wording. */
export function exampleRanges(tree: Root, blocks: ProseBlock[]): Ranges {
  const ranges: Ranges = []
  const byNode = new Map<unknown, ProseBlock>(blocks.map((block) => [block.node, block]))
  const textOf = (node: Nodes) => byNode.get(node)?.text ?? ''
  const visit = (node: Nodes) => {
    if (!('children' in node)) return
    const children = node.children as Nodes[]
    // Example containers right after one another share their introduction.
    let afterExample = false
    children.forEach((child, index) => {
      const wasExample = afterExample
      afterExample = false
      if (child.type === 'blockquote' || child.type === 'list') {
        const previous = children[index - 1]
        const intro = previous && (previous.type === 'paragraph' || previous.type === 'heading') ? textOf(previous) : ''
        const first = blocks.find((block) => inside(block.start, child))
        const labelled = first && EXAMPLE_LABEL.test(first.text)
        if (wasExample || JA_INTRO.test(intro) || EN_INTRO.test(intro) || labelled) {
          ranges.push([child.position!.start.offset!, child.position!.end.offset!])
          afterExample = true
          return
        }
      }
      // A single labelled paragraph: "✗ 今すぐお申し込みください".
      if (child.type === 'paragraph' && EXAMPLE_LABEL.test(textOf(child))) {
        ranges.push([child.position!.start.offset!, child.position!.end.offset!])
        return
      }
      visit(child)
    })
  }
  visit(tree)
  return ranges
}

function inside(offset: number, node: Nodes): boolean {
  const position = node.position
  return !!position && offset >= position.start.offset! && offset < position.end.offset!
}

// Japanese talk about wording after the cue: 今すぐという表現, 今すぐと書くと, 今すぐなどの言葉;
// and reported speech: 買え買えとすすめる, 御買いなさいと云いだした, 申し込めと迫られる.
const SAY_VERBS = new Set([
  'いう', '言う', '云う', '書く', '煽る', '謳う', 'うたう', '呼ぶ', '記す', '表記', '表示', '連呼', '連発', '多用', 'すすめる',
  '勧める', '薦める', '叫ぶ', '答える', '迫る', '促す', '言い出す', '云い出す', '言いだす', '云いだす', '繰り返す', '押す', '怒鳴る', 'せかす', '急かす', '頼む', '聞く'
])
const META_NOUNS = new Set([
  '表現', '言葉', '文言', 'フレーズ', '言い回し', '煽り', 'コピー', '文句', '見出し', 'ボタン', '表示', '単語', 'ワード', '語', '類', '系', '表記', '文字', '件名', 'タイトル',
  // A claim talked about as a claim (楽して稼げるという話を信じてはいけません, 必ず痩せるという宣伝).
  '話', '噂', 'うわさ', '宣伝', '広告', '誘い', '触れ込み', '売り込み', '勧誘', '主張', '謳い文句', 'うたい文句', '売り文句'
])
const LINKERS = new Set(['など', 'なんて', 'のような', 'みたい', 'といった', 'という', 'の', 'な', 'よう', '等', 'と', 'いう', 'いっ', 'た', 'や'])

function japaneseMention(sentence: ProseSentence, cue: CueMatch): boolean {
  const tokens = sentence.tokens
  // Closing quotes and brackets right after the cue are skipped: 「今すぐ」という.
  let at = cue.to
  while (tokens[at] && tokens[at]!.token.pos === POS.symbol && /^[」』”"')）]$/.test(tokens[at]!.token.surface_form)) at++
  // A repeated cue (買え買え) is one utterance.
  const surface = tokens.slice(cue.from, cue.to).map((entry) => entry.token.surface_form).join('')
  while (at + (cue.to - cue.from) <= tokens.length && tokens.slice(at, at + cue.to - cue.from).map((entry) => entry.token.surface_form).join('') === surface) {
    at += cue.to - cue.from
  }
  for (let index = at; index < tokens.length && index < at + 4; index++) {
    const token = tokens[index]!.token
    // A 読点 right after the cue may still lead to talk about it (…倍増、といった見出し).
    if (token.pos === POS.symbol && !(index === at && token.pos_detail_1 === POS_DETAIL.comma)) break
    if (token.pos === POS.symbol) continue
    if (token.basic_form === 'と' && token.pos === POS.particle) {
      // The first verb after the quoting と, within a short object (と念を押す).
      for (let probe = index + 1; probe < tokens.length && probe <= index + 4; probe++) {
        const next = tokens[probe]!.token
        if (next.pos === POS.symbol) break
        if (next.pos === POS.verb) {
          if (SAY_VERBS.has(next.basic_form)) return true
          break
        }
      }
    }
    if (META_NOUNS.has(token.basic_form) && index > at && LINKERS.has(tokens[index - 1]!.token.surface_form)) return true
    if (token.pos === POS.verb && !LINKERS.has(token.surface_form) && index > at) break
  }
  return reportedSpeech(tokens, at) || voicedWorry(tokens, at) || japaneseActorBefore(tokens, cue.from) || describedTactic(tokens, at)
}

// A tactic described by its effect or named as one: 今すぐ決めなければ損しそうな気になってしまう;
// 完全無料プレゼントでアドレスを集める典型的な手法です. The cue is what the tactic says, not
// what the writer says to the reader.
const TACTIC_NOUNS = new Set(['手法', '手口', '常套手段', '常套句', 'テクニック', '戦術', '心理術', '売り文句', '謳い文句', 'うたい文句', '殺し文句'])
const MOOD_NOUNS = new Set(['気', '気分', '気持ち', '心理'])
const INDUCE_VERBS = new Set(['なる', 'させる', 'さす', 'する', '陥る', '駆る'])
// The feeling is named close to the cue (今すぐ決めなければ損しそうな気になる), not anywhere after it.
const MOOD_WINDOW = 14

function describedTactic(tokens: ProseSentence['tokens'], at: number): boolean {
  for (let index = at; index < tokens.length; index++) {
    const token = tokens[index]!.token
    if (token.pos === POS.symbol && token.pos_detail_1 !== POS_DETAIL.comma) return false
    if (TACTIC_NOUNS.has(token.basic_form) && token.pos === POS.noun) return true
    // 〜な気になる, 〜気にさせる, 〜という気分になる: the pressure named as a feeling it causes.
    if (index - at < MOOD_WINDOW && MOOD_NOUNS.has(token.basic_form) && token.pos === POS.noun) {
      const particle = tokens[index + 1]?.token
      const verb = tokens[index + 2]?.token
      if (particle && verb && (particle.surface_form === 'に' || particle.surface_form === 'が') && INDUCE_VERBS.has(verb.basic_form)) return true
    }
  }
  return false
}

// A worry voiced on the reader's behalf (issue 12): 後悔しそうで迷う、という声もよく聞きます;
// 損をしたくないと感じる方も多いでしょう. The clause may run past a 読点 before its と.
const VOICE_NOUNS = new Set(['声', '意見', '悩み', '相談', '不安', '心配', '質問', '気持ち', '方', '人', '読者', '感想'])
const FEEL_VERBS = new Set(['思う', '感じる', '悩む', '迷う', '心配', '考える', '不安'])
const VOICE_WINDOW = 20

function voicedWorry(tokens: ProseSentence['tokens'], at: number): boolean {
  for (let index = at; index < tokens.length && index < at + VOICE_WINDOW; index++) {
    const token = tokens[index]!.token
    if (token.pos === POS.symbol && token.pos_detail_1 !== POS_DETAIL.comma) return false
    if (token.pos !== POS.particle) continue
    // という声, って声: the quoting particle fused with its verb.
    if ((token.surface_form === 'という' || token.surface_form === 'って') && VOICE_NOUNS.has(tokens[index + 1]?.token.basic_form ?? '')) return true
    if (token.surface_form !== 'と' && token.surface_form !== 'って') continue
    const verb = tokens[index + 1]?.token
    if (!verb) return false
    const noun = tokens[index + 2]?.token
    if ((verb.basic_form === 'いう' || verb.basic_form === '言う') && noun && VOICE_NOUNS.has(noun.basic_form)) return true
    // 「…できます、と書く広告」: a quoting と right after a 読点 closes an unmarked quotation.
    if (SAY_VERBS.has(verb.basic_form) && tokens[index - 1]?.token.pos_detail_1 === POS_DETAIL.comma) return true
    if (FEEL_VERBS.has(verb.basic_form)) {
      // と思う方, と感じている人, と迷う読者: the feeling belongs to a group of readers.
      for (let probe = index + 2; probe < tokens.length && probe <= index + 4; probe++) {
        if (VOICE_NOUNS.has(tokens[probe]!.token.basic_form) && tokens[probe]!.token.pos === POS.noun) return true
      }
    }
  }
  return false
}

// Reported speech whose quoted clause goes on after the cue (今直ぐ舟を出すからと聞けば,
// 今すぐ申し込めと何度も言われた): a quoting と and a verb of saying later in the clause.
const REPORT_WINDOW = 8

function reportedSpeech(tokens: ProseSentence['tokens'], at: number): boolean {
  for (let index = at; index < tokens.length && index < at + REPORT_WINDOW; index++) {
    const token = tokens[index]!.token
    if (token.pos === POS.symbol) return false
    if (token.surface_form !== 'と' || token.pos !== POS.particle) continue
    for (let probe = index + 1; probe < tokens.length && probe <= index + 4; probe++) {
      const next = tokens[probe]!.token
      if (next.pos === POS.symbol) return false
      if (next.pos === POS.verb) {
        if (SAY_VERBS.has(next.basic_form)) return true
        break
      }
    }
  }
  return false
}

// English talk about wording before the cue: "words like", "avoid saying", "the phrase".
const EN_META = new Set([
  'word', 'words', 'phrase', 'phrases', 'wording', 'language', 'copy', 'line', 'lines', 'label', 'labels', 'button',
  'buttons', 'claim', 'claims', 'term', 'terms', 'expression', 'expressions', 'slogan', 'slogans', 'headline',
  'headlines', 'cliché', 'cliche', 'clichés', 'cliches', 'tactic', 'tactics', 'lingo', 'jargon'
])
const EN_LIKE = new Set(['like', 'such', 'including', 'as'])
const EN_SAY = new Set(['say', 'says', 'saying', 'said', 'write', 'writes', 'writing', 'wrote', 'avoid', 'avoiding', 'ban', 'banning'])

function englishMention(sentence: ProseSentence, cue: CueMatch): boolean {
  const words = sentence.words
  const before = words[cue.from - 1]?.norm
  if (before && (EN_SAY.has(before) || EN_META.has(before))) return true
  for (let index = cue.from - 1; index >= 0 && index >= cue.from - 6; index--) {
    if (EN_META.has(words[index]!.norm) && EN_LIKE.has(words[index + 1]?.norm ?? '')) return true
  }
  // A tactic described as someone else's (issue 12): "stores will make TVs available in
  // limited quantities", "retailers invent fake countdowns".
  for (let index = cue.from - 1; index >= 0 && index >= cue.from - ACTOR_WINDOW; index--) {
    if (EN_ACTORS.has(words[index]!.norm)) return true
  }
  // A pressure described by what it does to people: "making you feel you'll miss out
  // if you don't act fast", "tricks shoppers into buying now".
  for (let index = 0; index < cue.from - 1; index++) {
    if (!EN_AUDIENCE.has(words[index + 1]!.norm)) continue
    const verb = words[index]!.norm
    if (EN_CAUSE.has(verb) && EN_FEEL.has(words[index + 2]?.norm ?? '')) return true
    if (EN_PRESSURE.has(verb) && words.slice(index + 2, Math.min(cue.from + 1, index + 5)).some((word) => word.norm === 'into')) return true
  }
  // Anywhere earlier in the sentence, a thing that speaks and its verb of telling:
  // "A message tells you three people are viewing this, and there's only one left."
  for (let index = 0; index < cue.from - 1; index++) {
    if (!EN_ACTORS.has(words[index]!.norm) && !EN_SPEAKERS.has(words[index]!.norm)) continue
    if (EN_TELLS.has(words[index + 1]!.norm) || EN_TELLS.has(words[index + 2]?.norm ?? '')) return true
  }
  return false
}

const EN_AUDIENCE = new Set(['you', 'people', 'readers', 'customers', 'buyers', 'shoppers', 'consumers', 'users', 'visitors', 'them', 'us', 'someone', 'everyone', 'subscribers'])
const EN_CAUSE = new Set(['make', 'makes', 'making', 'made', 'get', 'gets', 'getting', 'leave', 'leaves', 'leaving'])
const EN_FEEL = new Set(['feel', 'feeling', 'think', 'believe', 'fear', 'worry', 'panic'])
const EN_PRESSURE = new Set(['pressure', 'pressures', 'pressured', 'pressuring', 'trick', 'tricks', 'tricked', 'tricking', 'manipulate', 'manipulates', 'manipulating', 'guilt', 'guilts', 'rush', 'rushes', 'rushing', 'push', 'pushes', 'pushing', 'scare', 'scares', 'scaring', 'nudge', 'nudges', 'nudging'])
const EN_SPEAKERS = new Set(['message', 'messages', 'banner', 'banners', 'popup', 'popups', 'pop-up', 'pop-ups', 'notification', 'notifications', 'site', 'sites', 'ad', 'email', 'emails', 'timer', 'label', 'sign'])
const EN_TELLS = new Set(['tells', 'told', 'says', 'said', 'claims', 'claimed', 'shows', 'showed', 'displays', 'displayed', 'warns', 'warned', 'reads', 'announces', 'announced', 'insists', 'screams', 'boasts', 'promises', 'promised'])

const ACTOR_WINDOW = 10
const EN_ACTORS = new Set([
  'stores', 'retailers', 'shops', 'sellers', 'merchants', 'marketers', 'advertisers', 'brands', 'vendors', 'scammers',
  'spammers', 'websites', 'marketplaces', 'ads', 'advertisements', 'salespeople', 'dealers'
])
// The same in Japanese: 業者は…, 通販サイトが…, 悪質な販売者も… before the cue, in its sentence.
const JA_ACTORS = new Set([
  '業者', '悪徳業者', '販売業者', '広告主', '通販サイト', 'ショップ', '売り手', '販売者', '販売側', '店側', 'マーケター', '詐欺師', '詐欺メール', '迷惑メール', 'スパムメール', '売り場'
])
const JA_ACTOR_PARTICLES = new Set(['は', 'が', 'も', 'で'])

function japaneseActorBefore(tokens: ProseSentence['tokens'], from: number): boolean {
  for (let index = from - 1; index >= 1 && index >= from - ACTOR_WINDOW * 2; index--) {
    const token = tokens[index]!.token
    if (token.pos === POS.symbol && token.pos_detail_1 !== POS_DETAIL.comma) return false
    if (JA_ACTOR_PARTICLES.has(token.surface_form) && token.pos === POS.particle && JA_ACTORS.has(tokens[index - 1]!.token.basic_form)) return true
  }
  return false
}

/** The mention and accept ranges of one file, computed once. */
export interface CueFilter {
  /** Is a cue (or a check's finding) a mention rather than the writer's voice? */
  isMention(sentence: ProseSentence | undefined, cue: CueMatch): boolean
  /** Is the range inside a term of the accept list? */
  isAccepted(start: number, end: number): boolean
}

/** Build the filter for one file. `accept` lists terms whose inside is never flagged. */
export function createCueFilter(tree: Root, blocks: ProseBlock[], accept: string[]): CueFilter {
  const quoted = blocks.flatMap(quotedRanges)
  const examples = exampleRanges(tree, blocks)
  const accepted = acceptRanges(blocks, accept)
  return {
    isMention(sentence, cue) {
      if (covered(quoted, cue.start, cue.end) || covered(examples, cue.start, cue.end)) return true
      if (!sentence || cue.from < 0) return false
      return sentence.lang === 'ja' ? japaneseMention(sentence, cue) : englishMention(sentence, cue)
    },
    isAccepted: (start, end) => covered(accepted, start, end)
  }
}

function covered(ranges: Ranges, start: number, end: number): boolean {
  return ranges.some(([from, to]) => start >= from && end <= to)
}

/** Source ranges where an accepted term occurs (NFKC, case-insensitive). */
export function acceptRanges(blocks: ProseBlock[], accept: string[]): Ranges {
  const terms = accept.map((term) => term.normalize('NFKC').toLowerCase()).filter(Boolean)
  if (terms.length === 0) return []
  const ranges: Ranges = []
  for (const block of blocks) {
    const map = normalizeWithMap(block.text)
    const text = map.text.toLowerCase()
    if (text.length !== map.text.length) continue
    for (const term of terms) {
      for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
        const end = at + term.length
        ranges.push([block.origin[map.origin[at]!]!, block.originEnd[map.originEnd[end - 1]! - 1]!])
      }
    }
  }
  return ranges
}
