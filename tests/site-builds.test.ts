import {readFileSync} from 'node:fs'
import path from 'node:path'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {createLinter} from '../src/index.js'
import trustlint, {type RemarkTrustlintOptions} from '../src/remark.js'

// The remark plugin as site builds run it (issue 14): hosts that do not parse
// front matter (@next/mdx, a bare remark-parse), MDX comments, Docusaurus's
// blog excerpt compile, and what `report` prints or throws.

const folder = path.resolve(import.meta.dirname, '../fixtures/site')
const read = (name: string) => readFileSync(path.join(folder, name), 'utf8')
const linter = createLinter()

/** Run the plugin the way a host without remark-frontmatter does (MDX for .mdx, as @next/mdx). */
async function hostRun(file: VFile, options?: RemarkTrustlintOptions) {
  const processor = unified().use(remarkParse)
  if (file.extname === '.mdx') processor.use(remarkMdx)
  processor.use(trustlint, options)
  await processor.run(processor.parse(file), file)
  return file
}

const fixture = (name: string, data: Record<string, unknown> = {}) => new VFile({path: path.join(folder, name), value: read(name), data})
const summary = (file: VFile) => file.messages.map((message) => [message.ruleId, `${message.line}:${message.column}`, message.stage ?? null])

describe('front matter the host did not parse', () => {
  it('reads a closed block from the source: no unclosed error, its stage applies (English, Markdown)', async () => {
    const file = await hostRun(fixture('front-matter-sales.md'))
    expect(summary(file)).toEqual([['no-cta', '6:3', 'sales']])
  })

  it('lints the subject line inside front matter the host did not parse, at its place in the value', async () => {
    const value = '---\nsubject: "URGENT: act now"\nstage: sales\n---\n\n# Hi\n\n[Join the course](https://example.com/join)\n'
    const file = await hostRun(new VFile({path: 'issue.md', value}), {footer: 'provided-by-service'})
    const subject = file.messages.filter((message) => message.ruleId === 'subject-line')
    expect(subject.map((message) => [message.actual, message.line, message.column])).toEqual([['URGENT', 2, 11]])
    expect(file.messages.some((message) => message.ruleId === 'front-matter')).toBe(false)
  })

  it('reads it in MDX as @next/mdx compiles it (Japanese, 販売)', async () => {
    const file = await hostRun(fixture('front-matter-ja.mdx'))
    expect(summary(file)).toEqual([['no-cta', '6:3', 'sales']])
  })

  it('does not lint the block as prose, though the host parsed it as a heading', async () => {
    // `title: Act now, …` followed by `---` is a setext heading to remark-parse.
    const file = await hostRun(fixture('front-matter-title.md'))
    expect(file.messages).toEqual([])
  })

  it('gives the same messages as the linter that does parse front matter', async () => {
    for (const name of ['front-matter-sales.md', 'front-matter-ja.mdx', 'front-matter-title.md', 'front-matter-broken.md']) {
      const viaHost = await hostRun(fixture(name))
      const viaLinter = await linter.lint(fixture(name))
      expect(summary(viaHost), name).toEqual(summary(viaLinter))
    }
  })

  it('reports invalid YAML inside a closed block where it is, not as unclosed', async () => {
    const file = await hostRun(fixture('front-matter-broken.md'))
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0]).toMatchObject({ruleId: 'front-matter', fatal: true})
    expect(file.messages[0]!.reason).toMatch(/^Front matter is not valid YAML: /)
  })

  it('still reports a block that is never closed, and one closed with CRLF line endings is closed', async () => {
    const unclosed = await hostRun(new VFile({path: 'draft.md', value: '---\ntitle: Spring\n\n# The spring cohort\n\nEight lessons.\n'}))
    expect(unclosed.messages.map((message) => [message.ruleId, message.fatal, message.line])).toEqual([['front-matter', true, 1]])
    const crlf = await hostRun(new VFile({path: 'draft.md', value: '---\r\nstage: sales\r\n---\r\n\r\n# The spring cohort\r\n\r\nEight lessons.\r\n'}))
    expect(summary(crlf)).toEqual([['no-cta', '5:3', 'sales']])
  })

  it("leaves the host's tree as it was", async () => {
    const file = fixture('front-matter-sales.md')
    const processor = unified().use(remarkParse).use(trustlint)
    const tree = processor.parse(file)
    const types = tree.children.map((node) => node.type)
    await processor.run(tree, file)
    expect(tree.children.map((node) => node.type)).toEqual(types)
    expect(types.slice(0, 2)).toEqual(['thematicBreak', 'heading'])
  })
})

describe('stage directives in MDX expression comments', () => {
  it('{/* trustlint stage: sales */} marks its section as sales (English)', async () => {
    const file = await linter.lint(fixture('stage-comment.mdx'))
    // "Act now" is urgency, a warning in education and off in sales.
    expect(file.messages).toEqual([])
    const unmarked = await linter.lint(new VFile({path: 'unmarked.mdx', value: read('stage-comment.mdx').replace('{/* trustlint stage: sales */}', '')}))
    expect(unmarked.messages.map((message) => [message.ruleId, message.actual, message.stage])).toEqual([['urgency', 'Act now', 'education']])
  })

  it('{/* trustlint stage: 販売 */} works in Japanese and through the remark plugin', async () => {
    const file = await hostRun(fixture('stage-comment-ja.mdx'))
    expect(file.messages).toEqual([])
    const unmarked = await hostRun(new VFile({path: 'unmarked.mdx', value: read('stage-comment-ja.mdx').replace('{/* trustlint stage: 販売 */}', '')}))
    expect(unmarked.messages.map((message) => [message.ruleId, message.actual])).toContainEqual(['urgency', '今すぐ'])
  })

  it('an unknown stage in an MDX comment is a warning on the comment, as in an HTML comment', async () => {
    const file = await linter.lint(fixture('stage-comment-unknown.mdx'))
    const notice = file.messages.find((message) => message.ruleId === 'stage')!
    expect(notice).toMatchObject({fatal: false, actual: '{/* trustlint stage: closing */}', line: 3})
    expect(notice.reason).toMatch(/^Unknown stage "closing"/)
  })
})

describe('Docusaurus blog excerpts', () => {
  // Docusaurus marks the files it compiles with data.compilerName; the blog list
  // compiles `post.md?truncated=true`, the text cut before the truncate marker.
  const excerptOf = (source: string) => source.split(/<!--\s*truncate\s*-->|\{\/\*\s*truncate\s*\*\/\}/)[0]!

  it.each(['blog-excerpt.md', 'blog-excerpt-ja.mdx'])('%s: the excerpt compile is not linted; the full post is, once, with its ask', async (name) => {
    const excerpt = await hostRun(new VFile({path: path.join(folder, name), value: excerptOf(read(name)), data: {compilerName: 'client'}}))
    expect(excerpt.messages).toEqual([])
    const post = await hostRun(fixture(name, {compilerName: 'server'}))
    expect(post.messages).toEqual([])
  })

  it('the same cut text outside Docusaurus is linted as it is (its sales part has no ask)', async () => {
    const file = await hostRun(new VFile({path: path.join(folder, 'blog-excerpt.md'), value: excerptOf(read('blog-excerpt.md'))}))
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['no-cta', true]])
  })
})

describe("report: 'fail'", () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  const failing = async (value: string, options: RemarkTrustlintOptions = {}) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const file = new VFile({path: path.resolve('pages/post.md'), value})
    const error = await hostRun(file, {report: 'fail', ...options}).then(
      () => undefined,
      (error: unknown) => error
    )
    return {file, error: error as VFileMessage}
  }

  it('throws a VFileMessage with file, line, column and rule, listing every error and counting warnings', async () => {
    const value = '# Lesson\n\nBuy now and read on.\n\nThis method is guaranteed to work.\n\nOrder today.\n'
    const {error} = await failing(value)
    expect(error).toBeInstanceOf(VFileMessage)
    expect(error).toMatchObject({file: path.resolve('pages/post.md'), line: 3, column: 1, ruleId: 'hard-sell', source: 'trustlint', fatal: true})
    expect(error.message.split('\n')).toEqual([
      'trustlint: 2 errors and 1 warning in pages/post.md',
      expect.stringMatching(/^ {2}pages\/post\.md:3:1 {2}“Buy now” .* {2}\(hard-sell\)$/),
      expect.stringMatching(/^ {2}pages\/post\.md:7:1 {2}“Order today” .* {2}\(hard-sell\)$/)
    ])
    // @mdx-js/loader prefixes `file:${error.name}`; webpack prints the stack.
    expect(error.name).toBe('3:1-3:8')
    expect(error.stack).toContain('trustlint: 2 errors and 1 warning')
  })

  it('speaks Japanese for a Japanese document', async () => {
    const {error} = await failing('# 講座\n\n今すぐ購入してください。\n')
    expect(error.message.split('\n')[0]).toBe('trustlint: pages/post.md にエラー 1 件、警告 1 件')
    expect(error).toMatchObject({line: 3, ruleId: 'hard-sell'})
  })

  it('does not throw for warnings only, and prints them', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const file = new VFile({path: path.resolve('pages/warn-only.md'), value: '# Lesson\n\nThis method is guaranteed to work.\n'})
    await expect(hostRun(file, {report: 'fail'})).resolves.toBe(file)
    expect(spy).toHaveBeenCalledTimes(1)
    expect(String(spy.mock.calls[0]![0])).toMatch(/pages\/warn-only\.md\n\s*3:16-3:34\s+warning/)
  })
})

describe("report: 'console'", () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('prints a file once however many times the host compiles it, and again when it changes', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const where = path.resolve('docs/printed-once.mdx')
    const value = '# Lesson\n\nAct now and read on.\n'
    // Docusaurus: a client and a server compile of the same page, each with its own processor.
    await hostRun(new VFile({path: where, value, data: {compilerName: 'client'}}), {report: 'console'})
    await hostRun(new VFile({path: where, value, data: {compilerName: 'server'}}), {report: 'console'})
    expect(spy).toHaveBeenCalledTimes(1)
    await hostRun(new VFile({path: where, value: value.replace('Act now', 'Act fast')}), {report: 'console'})
    expect(spy).toHaveBeenCalledTimes(2)
  })

  it('prints the path relative to the working folder and each suggestion on its own line', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await hostRun(new VFile({path: path.resolve('docs/suggested.md'), value: '# Lesson\n\nAct now and read on.\n\n大至急、ご確認を。\n'}), {report: 'console'})
    const lines = String(spy.mock.calls[0]![0]).split('\n')
    expect(lines[0]).toBe('docs/suggested.md')
    expect(lines[1]).toMatch(/^3:1-3:8\s+warning\s+“Act now”.*urgency\s+trustlint$/)
    expect(lines[2]).toMatch(/^ {4}suggestion: `.+`$/)
    expect(lines[3]).toMatch(/^5:1-5:4\s+warning\s+「大至急」.*urgency\s+trustlint$/)
    expect(lines[4]).toMatch(/^ {4}提案: 「.+」$/)
  })
})
