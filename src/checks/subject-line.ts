import emojiRegex from 'emoji-regex'
import type {ProseBlock} from '../core/prose.js'
import type {CompiledRule} from '../core/rule-types.js'
import type {Stage} from '../core/stages.js'
import {documentLang} from '../core/notices.js'
import {ruleMessage} from '../cta/report.js'
import type {Lang} from '../lang/script.js'
import {CAPS_WORD, shoutingRanges} from './pressure-punctuation.js'
import type {Check, CheckContext} from './types.js'

const OPEN_QUOTES = ['“', '"', "'", '‘', '「', '『']
const CLOSE_QUOTES = ['”', '"', "'", '’', '」', '』']

type Problem = 'reply' | 'alarm' | 'caps' | 'emoji' | 'exclamation' | 'promise'

interface PromiseSpec {
  id: string
  subject: string
  body: string
}

/** A finding in block-text offsets. */
interface Hit {
  from: number
  to: number
  problem: Problem
}

/**
 * `subject-line`: the subject blocks (front matter `subject:`, an HTML
 * `<title>`, an .eml's Subject) checked for a fake reply/forward prefix, alarm
 * tags, shouting capitals, more than one emoji or exclamation mark, and a
 * promise (prize, refund, account …) the body never mentions. All patterns are
 * the rule's options in rules/subject-line.yml. The typography of a subject is
 * this rule's, so pressure-punctuation leaves subject blocks alone.
 */
export const subjectLine: Check = (context, rule) => {
  const subjects = context.blocks.filter((block) => block.kind === 'subject')
  if (subjects.length === 0) return
  const options = rule.options ?? {}
  const body = fold(
    context.blocks
      .filter((block) => block.kind !== 'subject')
      .map((block) => block.text)
      .join('\n')
  ).toLowerCase()
  for (const block of subjects) {
    const folded = fold(block.text)
    const hits: Hit[] = []
    const add = (from: number, to: number, problem: Problem) => {
      // Trailing spaces are not part of what is flagged.
      while (to > from && /\s/.test(block.text[to - 1]!)) to--
      while (from < to && /\s/.test(block.text[from]!)) from++
      // A quoted word is talked about, not used: Why we never write “URGENT” (fixtures/subject-line/en/ok-subject-talk.md).
      if (OPEN_QUOTES.includes(block.text[from - 1] ?? '') && CLOSE_QUOTES.includes(block.text[to] ?? '')) return
      if (to > from && !hits.some((hit) => from < hit.to && to > hit.from)) hits.push({from, to, problem})
    }
    const reply = new RegExp(String(options.replyPrefix ?? '(?!)'), 'iu').exec(folded)
    if (reply) add(reply.index, reply.index + reply[0].length, 'reply')
    for (const alarm of (options.alarms as {regex: string; flags?: string}[] | undefined) ?? []) {
      for (const match of folded.matchAll(new RegExp(alarm.regex, globalFlags(alarm.flags)))) add(match.index, match.index + match[0].length, 'alarm')
    }
    for (const [from, to] of shouting(context, block)) add(from, to, 'caps')
    excess(block.text, emojiRegex(), false, Number(options.maxEmoji ?? 1), (from, to) => add(from, to, 'emoji'))
    excess(block.text, /[!！‼❗❕]+/gu, true, Number(options.maxExclamations ?? 1), (from, to) => add(from, to, 'exclamation'))
    for (const promise of (options.promises as PromiseSpec[] | undefined) ?? []) {
      const match = new RegExp(promise.subject, 'iu').exec(folded)
      if (match && !new RegExp(promise.body, 'iu').test(body)) add(match.index, match.index + match[0].length, 'promise')
    }
    const stage = stageOf(context, block)
    for (const hit of hits.sort((a, b) => a.from - b.from)) emit(context, rule, block, hit, stage)
  }
}

function emit(context: CheckContext, rule: CompiledRule, block: ProseBlock, hit: Hit, stage: Stage) {
  const start = block.origin[hit.from]!
  const end = block.originEnd[hit.to - 1]!
  const lang = langAt(context, block, start)
  const problems = (rule.options?.problems ?? {}) as Record<Problem, Record<Lang, string>>
  const locale = context.localeFor(lang)
  context.report(rule, {
    start,
    end,
    stage,
    lang,
    reason: ruleMessage(context, rule, lang, {actual: context.source.slice(start, end), problem: problems[hit.problem]?.[locale] ?? hit.problem}),
    // A fake prefix, an alarm tag or an extra mark is simply deleted.
    ...(hit.problem === 'reply' || hit.problem === 'alarm' || hit.problem === 'emoji' || hit.problem === 'exclamation' ? {expected: []} : {})
  })
}

/** Shouted English in a subject: pressure-punctuation's shouting, or two capitalised words in a row (one of 4+ letters). */
function shouting(context: CheckContext, block: ProseBlock): [number, number][] {
  const ranges: [number, number][] = []
  const toBlock = (start: number, end: number): [number, number] | undefined => {
    const from = block.origin.indexOf(start)
    const to = block.originEnd.lastIndexOf(end)
    return from >= 0 && to >= from ? [from, to + 1] : undefined
  }
  for (const sentence of context.sentences) {
    if (sentence.block !== block || sentence.lang !== 'en') continue
    const written = sentence.words.filter((word, index) => index === 0 || sentence.words[index - 1]!.start !== word.start)
    const caps = written.map((word) => {
      const text = context.source.slice(word.start, word.end).normalize('NFKC')
      return text.length >= 2 && CAPS_WORD.test(text) ? text.length : 0
    })
    for (let index = 0; index < written.length; index++) {
      if (!caps[index]) continue
      let end = index
      while (end + 1 < written.length && caps[end + 1]) end++
      if (end > index && caps.slice(index, end + 1).some((length) => length >= 4)) {
        const range = toBlock(written[index]!.start, written[end]!.end)
        if (range) ranges.push(range)
      }
      index = end
    }
    for (const [start, end] of shoutingRanges(context.source, sentence.words)) {
      const range = toBlock(start, end)
      if (range) ranges.push(range)
    }
  }
  return ranges
}

/** Report the matches of `pattern` beyond the first `allowed` (a run of marks counts each mark). */
function excess(text: string, pattern: RegExp, eachChar: boolean, allowed: number, report: (from: number, to: number) => void) {
  let seen = 0
  for (const match of text.matchAll(pattern)) {
    const count = eachChar ? [...match[0]].length : 1
    seen += count
    if (seen > allowed) {
      // Within a run, the marks up to the allowance stay: "Sale!!" flags the second "!".
      const keep = Math.max(0, count - (seen - allowed))
      const from = match.index + [...match[0]].slice(0, keep).join('').length
      report(from, match.index + match[0].length)
    }
  }
}

/** The stage of a subject block: its sentences carry it (the first section's stage, or `subject_stage:`). */
function stageOf(context: CheckContext, block: ProseBlock): Stage {
  return context.sentences.find((sentence) => sentence.block === block)?.stage ?? context.stageAt(block.start)
}

function langAt(context: CheckContext, block: ProseBlock, offset: number): Lang {
  const sentence = context.sentences.find((candidate) => candidate.block === block && candidate.start <= offset && offset < candidate.end)
  return sentence?.lang ?? documentLang(block.text)
}

/** NFKC per UTF-16 unit where it keeps the length (ＲＥ： → RE:), so offsets stay those of the text. */
function fold(text: string): string {
  let folded = ''
  for (const char of text) {
    const normal = char.normalize('NFKC')
    folded += normal.length === char.length ? normal : char
  }
  return folded
}

function globalFlags(flags: string | undefined): string {
  return (flags ?? 'u').includes('g') ? flags! : (flags ?? 'u') + 'g'
}
