/**
 * Compile rules/*.yml into src/generated/rules.json: validate each rule
 * (errors name the file, rule and field) and turn plain-text Japanese cues into
 * lemma patterns with kuromoji. Run by `npm run rules` (part of `npm run build`);
 * tests/meta.test.ts checks that the committed output is current.
 */
import {readFile, readdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parse} from 'yaml'
import {compileRule, RuleDataError} from '../core/rule-pack.js'
import type {CompiledRule} from '../core/rule-types.js'
import {loadTokenizer} from '../lang/ja/tokenizer.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const RULES_DIR = path.join(root, 'rules')
export const OUTPUT = path.join(root, 'src/generated/rules.json')

/** Read, validate and compile every rule file, sorted by id. */
export async function compileRuleFiles(dir = RULES_DIR): Promise<CompiledRule[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.yml')).sort()
  const tokenizer = await loadTokenizer()
  const rules: CompiledRule[] = []
  for (const name of names) {
    const file = path.posix.join('rules', name)
    let raw: unknown
    try {
      raw = parse(await readFile(path.join(dir, name), 'utf8'))
    } catch (error) {
      throw new RuleDataError(file, undefined, '(yaml)', (error as Error).message.split('\n')[0]!)
    }
    const rule = compileRule(raw, file, tokenizer)
    if (rule.id + '.yml' !== name) throw new RuleDataError(file, rule.id, 'id', `must equal the file name (${name.slice(0, -4)})`)
    rules.push(rule)
  }
  return rules
}

/** The generated file's text: stable, diff-friendly JSON. */
export function serialize(rules: CompiledRule[]): string {
  return JSON.stringify(rules, null, 1) + '\n'
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  compileRuleFiles()
    .then((rules) => writeFile(OUTPUT, serialize(rules)))
    .then(() => console.error(`trustlint: compiled rules into ${path.relative(root, OUTPUT)}`))
    .catch((error: Error) => {
      console.error(error.message)
      process.exitCode = 1
    })
}
