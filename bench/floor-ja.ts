/**
 * The Japanese floor: what any kuromoji-based linter must do, and nothing more.
 * Load the stock kuromoji dictionary once, remark-parse each file, tokenize the
 * text of every paragraph and heading once. No rules, no output.
 *
 *   node floor-ja.js <files…>   (built by the harness; see bench/run.ts)
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import kuromoji from 'kuromoji'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import {blockTexts} from './lib/block-texts.js'

const dicPath = path.join(path.dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict')
const tokenizer = await new Promise<kuromoji.Tokenizer<kuromoji.IpadicFeatures>>((resolve, reject) =>
  kuromoji.builder({dicPath}).build((error, built) => (error ? reject(error) : resolve(built)))
)
const parser = unified().use(remarkParse)
let tokens = 0
for (const file of process.argv.slice(2)) {
  for (const text of blockTexts(parser.parse(readFileSync(file, 'utf8')))) tokens += tokenizer.tokenize(text).length
}
// Printed so the work cannot be optimised away, and for a sanity check.
process.stdout.write(`${tokens}\n`)
