import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {VFile} from 'vfile'
import trustlint from '../src/remark.js'

const draft = '# Lesson\n\nAct now and read on.\n\n大至急、ご確認を。\n'
const urgencyOnly = {rules: {'hard-sell': 'off', 'no-cta': 'off'}} as const

describe('remark plugin', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('works as unified().use(remarkParse).use(trustlint, options) and leaves messages on the file', async () => {
    const file = await unified().use(remarkParse).use(trustlint, {stage: 'education'}).use(remarkStringify).process(draft)
    expect(file.messages.map((message) => [message.ruleId, message.actual, message.line])).toEqual([
      ['urgency', 'Act now', 3],
      ['urgency', '大至急', 5]
    ])
    // The document itself is untouched.
    expect(String(file)).toBe(draft)
  })

  it("reads front matter the host already parsed (Astro's file.data.astro.frontmatter)", async () => {
    const processor = unified().use(remarkParse).use(trustlint)
    const file = new VFile({value: 'Act now.', data: {astro: {frontmatter: {stage: 'sales'}}}})
    await processor.run(processor.parse(file), file)
    expect(file.messages.map((message) => [message.ruleId, message.stage])).toEqual([['no-cta', 'sales']])
  })

  it("report: 'console' prints the findings to stderr", async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await unified().use(remarkParse).use(trustlint, {report: 'console'}).use(remarkStringify).process(new VFile({path: 'post.md', value: draft}))
    expect(spy).toHaveBeenCalledTimes(1)
    expect(String(spy.mock.calls[0]![0])).toMatch(/post\.md[\s\S]*3:1-3:8\s+warning[\s\S]*urgency/)
  })

  it("report: 'fail' throws only when an error-level message exists", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const strict = unified().use(remarkParse).use(trustlint, {report: 'fail', rules: {urgency: 'error'}}).use(remarkStringify)
    await expect(strict.process(new VFile({path: 'post.md', value: draft}))).rejects.toThrow(
      /^trustlint: 2 errors and 0 warnings in post\.md\n {2}post\.md:3:1 {2}.*\(urgency\)\n {2}post\.md:5:1 {2}.*\(urgency\)$/
    )
    const lenient = unified().use(remarkParse).use(trustlint, {report: 'fail', ...urgencyOnly}).use(remarkStringify)
    await expect(lenient.process(draft)).resolves.toBeInstanceOf(VFile)
  })

  it('rejects bad options when attached, with a clear message', () => {
    expect(() => unified().use(remarkParse).use(trustlint, {report: 'loud' as never}).freeze()).toThrow(
      'Option "report" must be messages, console or fail, got "loud"'
    )
    expect(() => unified().use(remarkParse).use(trustlint, {stage: 'closing' as never}).freeze()).toThrow(/Unknown stage "closing"/)
  })

  it('takes JSON-only options, as site configs pass them by name', async () => {
    const options = JSON.parse('{"stage":"acquisition","rules":{"urgency":{"acquisition":"error"}},"report":"messages"}')
    const file = await unified().use(remarkParse).use(trustlint, options).use(remarkStringify).process('Act now.')
    expect(file.messages.find((message) => message.ruleId === 'urgency')).toMatchObject({fatal: true, stage: 'acquisition'})
  })
})
