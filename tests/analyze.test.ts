import {readFileSync} from 'node:fs'
import path from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {analyze, lint} from '../src/index.js'
import {pushinessOf} from '../src/analyze/pushiness.js'
import {readabilityOf} from '../src/analyze/readability.js'
import trustlint from '../src/remark.js'

const root = path.resolve(import.meta.dirname, '..')

async function sentencesOf(text: string) {
  const file = await lint(text)
  return {sentences: file.data.trustlintProse!.sentences, source: String(file.value)}
}

describe('readability', () => {
  it('measures Japanese sentence length, kanji ratio and 読点 per sentence', async () => {
    const {sentences, source} = await sentencesOf('これはペンです。私は学生です、そして先生です。')
    const readability = readabilityOf(sentences, source)
    // 8 and 15 visible characters; 5 kanji among 20 kana and kanji; one 読点 in two sentences.
    expect(readability.ja).toEqual({sentences: 2, meanSentenceLength: 11.5, maxSentenceLength: 15, kanjiRatio: 0.25, commasPerSentence: 0.5})
    expect(readability.en).toBeNull()
    expect(readability.japaneseShare).toBe(1)
  })

  it('computes Flesch reading ease for English', async () => {
    const {sentences, source} = await sentencesOf('The cat sat on the mat. It was happy!')
    const readability = readabilityOf(sentences, source)
    // 9 words, 2 sentences, 10 syllables: 206.835 − 1.015 × 4.5 − 84.6 × 10/9 = 108.27.
    expect(readability.en).toEqual({sentences: 2, words: 9, wordsPerSentence: 4.5, fleschReadingEase: 108.3})
    // One "!" in 29 visible characters.
    expect(readability.exclamationsPer1000).toBeCloseTo(34.48, 2)
  })
  it('counts an astral kanji as one character and leaves whitespace of every width out', async () => {
    const {sentences, source} = await sentencesOf('𠮷野家で　食べた！')
    const readability = readabilityOf(sentences, source)
    // 𠮷 is one kanji of two UTF-16 units: 8 characters, 9 units; kanji 𠮷野家食, kana でべた; the ideographic space is not counted.
    expect(readability.ja).toEqual({sentences: 1, meanSentenceLength: 8, maxSentenceLength: 8, kanjiRatio: 0.57, commasPerSentence: 0})
    expect(readability.chars).toBe(9)
    expect(readability.exclamationsPer1000).toBeCloseTo(111.11, 2)
  })

  it('gives a stretch the same figures whether its sentences were counted before or not', async () => {
    const {sentences, source} = await sentencesOf('短い文です。The cat sat on the mat. 長めの文で、読点もあります！')
    const first = readabilityOf(sentences.slice(0, 2), source)
    const whole = readabilityOf(sentences, source)
    expect(readabilityOf(sentences.slice(0, 2), source)).toEqual(first)
    // 短い文です。 6 characters (kanji 短文, kana いです); 長めの文で、読点もあります！ 14 (kanji 長文読点, kana 8): 6 of 17 are kanji.
    expect(whole.ja).toEqual({sentences: 2, meanSentenceLength: 10, maxSentenceLength: 14, kanjiRatio: 0.35, commasPerSentence: 0.5})
    // 6 words of one syllable: 206.835 − 1.015 × 6 − 84.6 × 1 = 116.1.
    expect(whole.en).toEqual({sentences: 1, words: 6, wordsPerSentence: 6, fleschReadingEase: 116.1})
  })
})

describe('pushiness', () => {
  const finding = (category: string, fatal: boolean | undefined) => {
    const message = new VFileMessage('x')
    message.category = category as never
    message.fatal = fatal
    return message
  }

  it('follows the documented formula', () => {
    // One urgency warning in 1,000 characters: density 2; 100 × (1 − e^(−2/6)) = 28.3.
    expect(pushinessOf([finding('urgency', false)], 1000)).toMatchObject({score: 28, density: 2})
    // A hard-sell error weighs 3 × 1.5; CTA findings do not count at all.
    expect(pushinessOf([finding('hard-sell', true), finding('weak-cta', false)], 1000)).toMatchObject({score: 53, density: 4.5})
    // Short texts count as 300 characters, so one cue cannot max the score out.
    expect(pushinessOf([finding('urgency', false)], 20).score).toBe(67)
    expect(pushinessOf([], 1000).score).toBe(0)
  })
})

describe('analyze()', () => {
  it('reports stage, pushiness, CTA strength and readability per section of the demo draft', async () => {
    const file = 'fixtures/demo/en-newsletter.md'
    const analysis = await analyze(new VFile({path: file, value: readFileSync(path.join(root, file), 'utf8')}))
    const offer = analysis.sections.at(-1)!
    expect(offer.stage).toMatchObject({declared: 'sales', inferred: 'sales', used: 'sales'})
    expect(offer.stage.signals.map((signal) => signal.name)).toContain('purchase-ask')
    expect(offer.cta.primary).toMatchObject({text: 'Reserve my seat', strength: 1})
    const lessons = analysis.sections.filter((section) => section.stage.declared === 'education')
    expect(lessons.length).toBeGreaterThanOrEqual(3)
    const pushiest = lessons.reduce((a, b) => (b.pushiness.score > a.pushiness.score ? b : a))
    expect(pushiest.pushiness.findings.length).toBeGreaterThan(0)
    expect(pushiest.pushiness.score).toBeGreaterThan(0)
    expect(analysis.document.readability.en?.wordsPerSentence).toBeGreaterThan(5)
    // Every signal points at the text it names.
    const source = readFileSync(path.join(root, file), 'utf8')
    for (const section of analysis.sections) {
      for (const signal of section.stage.signals) expect(source.slice(signal.start, signal.end).normalize('NFKC')).toContain(signal.text.normalize('NFKC').slice(0, 3))
    }
  })

  it('infers the stage of an unmarked section from what it does, with its confidence', async () => {
    const optIn = await analyze('## Free checklist\n\nGet the free checklist: ten headline fixes in one page. [Download the checklist](https://example.com/free/checklist)')
    expect(optIn.document.stage).toMatchObject({declared: null, inferred: 'acquisition'})
    const offer = await analyze('## 講座のご案内\n\n受講料は29,800円（税込）です。お支払いはクレジットカードか銀行振込で、募集は5月31日までです。\n\n[講座に申し込む](https://example.com/checkout)')
    expect(offer.document.stage.inferred).toBe('sales')
    expect(offer.document.stage.confidence).toBeGreaterThan(0.5)
    const lesson = await analyze('## 見出しのコツ\n\n見出しは読者への約束です。なぜなら、読者は見出しで読むかどうかを決めるからです。例えば、数字を入れると具体的になります。あなたの最近の見出しはどうでしょうか？')
    expect(lesson.document.stage.inferred).toBe('education')
  })
})

describe('remark plugin', () => {
  it('gives each section the findings that start inside it, whatever the number of sections', async () => {
    const parts = ['---\nstage: education\n---\n']
    // Sections alternate: a calm one, then one with an urgency cue; the last heading closes with one more cue.
    for (let index = 0; index < 40; index++) parts.push(`## Part ${index}\n\n${index % 2 ? 'Act now, the offer ends tonight.' : 'Here is how the method works, step by step.'}\n\n`)
    const analysis = await analyze(parts.join(''))
    expect(analysis.sections).toHaveLength(40)
    analysis.sections.forEach((section, index) => {
      const rules = section.pushiness.findings.map((finding) => finding.ruleId)
      if (index % 2) expect(rules.length).toBeGreaterThan(0)
      else expect(rules).toEqual([])
      for (const finding of section.pushiness.findings) {
        expect(finding.start.offset).toBeGreaterThanOrEqual(section.start.offset)
        expect(finding.start.offset).toBeLessThan(section.end.offset)
      }
    })
  })

  it('stores the analysis on file.data.trustlint', async () => {
    const processor = unified().use(remarkParse).use(trustlint)
    const file = new VFile('# Lesson\n\nAct now.\n\n## Offer\n\n[Join the course](https://example.com/join)\n')
    await processor.run(processor.parse(file), file)
    expect(file.data.trustlint?.sections.map((section) => section.heading)).toEqual(['Lesson', 'Offer'])
    expect(file.data.trustlint?.sections[0]!.pushiness.score).toBeGreaterThan(0)
  })
})

describe('stage: auto', () => {
  const draft = [
    '# Newsletter',
    '## How to write a headline',
    "A headline is a promise. For example, put the reader's problem first, because readers decide in a second. Act now and rewrite yours!",
    '## The workshop',
    'The four-week workshop costs $290, payable by card. Enrollment closes on May 31. Act now.',
    '[Reserve my seat](https://example.com/checkout)'
  ].join('\n\n')
  const urgency = async (options: Parameters<typeof lint>[1], text = draft) =>
    (await lint(text, options)).messages.filter((message) => message.ruleId === 'urgency').map((message) => [message.line, message.stage])

  it('lets the rules use the inferred stage of each unmarked section', async () => {
    expect(await urgency({stage: 'education'})).toEqual([
      [5, 'education'],
      [9, 'education']
    ])
    // The workshop section reads as sales, where a stated deadline is expected.
    expect(await urgency({stage: 'auto'})).toEqual([[5, 'education']])
    expect(await urgency({}, '---\nstage: auto\n---\n' + draft)).toEqual([[8, 'education']])
  })

  it('keeps declared stages, and falls back with an info message when unsure', async () => {
    const declared = draft.replace('## The workshop', '<!-- trustlint stage: education -->\n## The workshop')
    expect((await urgency({stage: 'auto'}, declared)).map(([, stage]) => stage)).toEqual(['education', 'education'])
    // A price next to a free offer: neither sales nor acquisition clearly wins.
    const file = await lint('## Notes\n\nThe class costs $20 and a free guide comes with it. Act now.', {stage: 'auto'})
    const notice = file.messages.find((message) => message.ruleId === 'stage')!
    expect(notice.fatal).toBeUndefined()
    expect(notice.reason).toMatch(/^Could not tell this section's stage with confidence \(it reads as \w+, confidence 0\.\d\d\); using education/)
    expect(file.messages.find((message) => message.ruleId === 'urgency')?.stage).toBe('education')
  })
})

describe('rule options', () => {
  it('are set with [level, options] and checked against the rule defaults', async () => {
    const text = '---\nstage: sales\n---\n\n## Offer\n\n[Join the course](https://example.com/join). [Book a call](https://example.com/call).'
    const competing = async (setting: unknown) =>
      (await lint(text, {rules: {'competing-cta': setting as never}})).messages.filter((message) => message.ruleId === 'competing-cta').length
    expect(await competing('warning')).toBe(1)
    expect(await competing(['warning', {maxTargets: 2}])).toBe(0)
    await expect(lint(text, {rules: {'competing-cta': ['warning', {maxTarget: 2}] as never}})).rejects.toThrow(
      'Rule "competing-cta" has no option "maxTarget" (did you mean "maxTargets"?)'
    )
    await expect(lint(text, {rules: {'competing-cta': ['warning', {maxTargets: 'two'}] as never}})).rejects.toThrow(/expected a number/)
  })
})
