/**
 * Parsing Markdown in parts gives the tree of the whole document (issue 13,
 * src/formats/markdown-parts.ts): every Markdown file of the corpus, joined into one
 * document, is parsed whole and in parts of several sizes, and the trees are compared
 * node for node and place for place.
 *
 *   npx tsx bench/markdown-parts.ts [--corpus <folder with ja/ and en/>]
 *
 * Exits non-zero if a tree differs.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {isDeepStrictEqual, parseArgs} from 'node:util'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {parseInParts, partStarts, PART_SIZE} from '../src/formats/markdown-parts.js'

const root = path.resolve(import.meta.dirname, '..')
const {values} = parseArgs({options: {corpus: {type: 'string'}}})
const corpus = path.resolve(root, values.corpus ?? '../shared/corpus')
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()
const parse = (text: string) => processor.parse(text) as Root

const texts = ['ja', 'en'].flatMap((lang) =>
  readdirSync(path.join(corpus, lang))
    .filter((name) => /\.(md|markdown)$/.test(name))
    .sort()
    .map((name) => readFileSync(path.join(corpus, lang, name), 'utf8'))
)
const source = texts.join('\n\n')
const whole = parse(source)
console.log(`${texts.length} files joined: ${source.length.toLocaleString('en')} characters`)
let failed = false
for (const size of [1_000, 20_000, PART_SIZE]) {
  const starts = partStarts(source, size)
  const same = isDeepStrictEqual(parseInParts(source, starts, parse), whole)
  failed ||= !same
  console.log(`parts of ${size.toLocaleString('en')}+ characters: ${starts.length} cuts, tree ${same ? 'identical' : 'DIFFERENT'}`)
}
process.exit(failed ? 1 : 0)
