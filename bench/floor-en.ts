/**
 * The English floor: remark-parse each file, then parse the text of every
 * paragraph and heading into nlcst with ParseEnglish. No rules, no output.
 *
 *   node floor-en.js <files…>   (built by the harness; see bench/run.ts)
 */
import {readFileSync} from 'node:fs'
import {ParseEnglish} from 'parse-english'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import {blockTexts} from './lib/block-texts.js'

const english = new ParseEnglish()
const parser = unified().use(remarkParse)
let sentences = 0
for (const file of process.argv.slice(2)) {
  for (const text of blockTexts(parser.parse(readFileSync(file, 'utf8')))) {
    for (const paragraph of english.parse(text).children) {
      if (paragraph.type === 'ParagraphNode') sentences += paragraph.children.length
    }
  }
}
process.stdout.write(`${sentences}\n`)
