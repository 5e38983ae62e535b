import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import fc from 'fast-check'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseInParts, partStarts, PART_SIZE} from '../src/formats/markdown-parts.js'
import {createLinter} from '../src/index.js'
import {block, frontMatter, newline} from './markdown-arbitraries.js'

// A large Markdown document is parsed in parts (docs/performance.md, Large files). The
// tree must be the one the whole document parses to, node for node and place for place;
// these documents are cut every few lines to put a cut next to every construct.

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()
const parse = (text: string) => processor.parse(text) as Root

function inParts(source: string, partSize: number) {
  const starts = partStarts(source, partSize)
  return {starts, tree: starts.length > 0 ? parseInParts(source, starts, parse) : parse(source)}
}

// Blocks whose neighbours change their meaning, or that blank lines do not close.
const BLOCKS = [
  'A plain paragraph with *emphasis* and a [link][ref].',
  '今すぐお申し込みください。講座の内容を説明します。',
  '```\ncode\n\nstill code\n```',
  '````md\n```\nnot closed by three\n\n```\nstill code\n````',
  '~~~\ntilde code\n\n~~~',
  '```js\nan open fence that a later fence closes\n',
  '<!-- a comment\n\nspanning a blank line -->',
  '<!-- closed on its line -->',
  '<script>\nlet a = 1\n\nlet b = 2\n</script>',
  '<div>\nhtml block\n</div>',
  '- item one\n\n- item two, a loose list\n\nLazy paragraph after the list.',
  '1. step\n   ```bash\n   npm install\n\nnot code: the list item ended\n   ```',
  '> quoted\n\n> quoted again',
  '[ref]: https://example.com "defined later or earlier"',
  'A footnote call[^note] and a [ref] reference.',
  '[^note]: The footnote text.\n\n    Its second paragraph.',
  '| a | b |\n| - | - |\n| 1 | 2 |',
  'Heading\n=======',
  '    indented code\n\n    more',
  'www.example.com and https://example.com/path bare links',
  'Line with CRLF\r\nendings\r\n\r\nand a paragraph',
  'Line with CR\rendings\r\rand more',
  '\tA tab-started line',
  '*** ',
  '---\nA paragraph after a rule',
  'Inline [link](https://example.com) only',
  '<?php echo 1;\n\n?>',
  '<![CDATA[\n\n]]>',
  '<!DOCTYPE html\n\n>'
]

/** A seeded pseudo-random generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x7fffffff
  }
}

function document(seed: number, frontMatter: boolean) {
  const next = random(seed)
  const blocks = Array.from({length: 40}, () => BLOCKS[Math.floor(next() * BLOCKS.length)]!)
  const separator = () => (next() < 0.8 ? '\n\n' : next() < 0.5 ? '\n' : '\n\n\n')
  return (frontMatter ? '---\ntitle: x\n\nstage: education\n---\n' : '') + blocks.map((block) => block + separator()).join('')
}

describe('parsing Markdown in parts', () => {
  it('gives the whole document’s tree for generated documents cut every few lines', () => {
    let cuts = 0
    for (let seed = 1; seed <= 150; seed++) {
      const source = document(seed, seed % 7 === 0)
      const {starts, tree} = inParts(source, 20 + (seed % 5) * 30)
      cuts += starts.length
      expect(tree, `seed ${seed}`).toEqual(parse(source))
    }
    // The documents were really cut.
    expect(cuts).toBeGreaterThan(500)
  }, 60_000)

  it('gives the whole document’s tree for fuzzed documents (references, surrogates, control characters, CRLF)', () => {
    // The position property's pieces, with the blocks that blank lines do not close.
    const anyBlock = fc.oneof(block, fc.constantFrom(...BLOCKS))
    const fuzzed = fc
      .tuple(frontMatter, fc.array(anyBlock, {minLength: 2, maxLength: 30}), newline, fc.constantFrom('\n\n', '\n', '\n\n\n'))
      .map(([front, blocks, eol, gap]) => (front + blocks.join(gap) + '\n').replaceAll('\n', eol))
    fc.assert(
      fc.property(fuzzed, fc.integer({min: 5, max: 200}), (source, size) => {
        const starts = partStarts(source, size)
        expect(starts.length > 0 ? parseInParts(source, starts, parse) : parse(source)).toEqual(parse(source))
      }),
      {numRuns: Number(process.env.FUZZ_RUNS) || 200}
    )
  }, 120_000)

  it('resolves a reference whose definition is in another part', () => {
    const source = 'See [the guide] and[^1].\n\n' + 'Filler paragraph.\n\n'.repeat(20) + '[the guide]: https://example.com\n\n[^1]: A note.\n'
    const {starts, tree} = inParts(source, 40)
    expect(starts.length).toBeGreaterThan(3)
    expect(tree).toEqual(parse(source))
    const first = tree.children[0]
    expect(first?.type === 'paragraph' && first.children.map((child) => child.type)).toEqual(['text', 'linkReference', 'text', 'footnoteReference', 'text'])
  })

  it('never cuts inside a fence, a comment or front matter', () => {
    const filler = 'Filler paragraph.\n\n'.repeat(10)
    const source = `---\ntitle: x\n\n${filler}---\n\n${filler}\`\`\`\n${filler}\`\`\`\n\n<!--\n${filler}-->\n\n${filler}`
    const {starts, tree} = inParts(source, 40)
    const fenced = [source.indexOf('```'), source.lastIndexOf('```')]
    const comment = [source.indexOf('<!--'), source.indexOf('-->')]
    const front = [0, source.indexOf('\n---\n')]
    for (const [from, to] of [fenced, comment, front]) expect(starts.filter((start) => start > from! && start <= to!)).toEqual([])
    expect(starts.length).toBeGreaterThan(5)
    expect(tree).toEqual(parse(source))
  })

  it('parses the rest whole when a cut turns out to be inside a block', () => {
    // The fence inside the list item misleads the line scan: the later fence looks like its close.
    const source = '- item\n  ```\n  code\n\nparagraph\n  ```\n\n' + 'inside the fence\n\n'.repeat(20) + '```\n\nafter\n'
    const {starts, tree} = inParts(source, 30)
    expect(starts.length).toBeGreaterThan(0)
    expect(tree).toEqual(parse(source))
  })

  it('leaves small documents whole', () => {
    expect(partStarts('A paragraph.\n\n'.repeat(1000))).toEqual([])
  })

  it('is how the linter reads a large draft: a link whose definition ends the draft is still a link', async () => {
    const filler = 'A calm paragraph about the course and what it covers.\n\n'
    const source = '[Click here][guide] to read the guide.\n\n' + filler.repeat(Math.ceil((PART_SIZE * 3) / filler.length)) + '[guide]: https://example.com/guide\n'
    expect(partStarts(source).length).toBeGreaterThanOrEqual(2)
    const {tree} = await createLinter().lintWithTree(new VFile({path: 'large.md', value: source}))
    const first = tree?.children[0]
    expect(first?.type === 'paragraph' && first.children[0]).toMatchObject({type: 'linkReference', identifier: 'guide', position: {start: {offset: 0}, end: {offset: 19}}})
    expect(tree?.children.at(-1)).toMatchObject({type: 'definition', url: 'https://example.com/guide', position: {start: {offset: source.length - 35}}})
    // Linting 0.8 MB takes about 4 s on a busy two-core machine: more than vitest's default 5 s under load.
  }, 30_000)
})
