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
export const PRESETS_OUTPUT = path.join(root, 'src/generated/presets.json')
const PRESETS_FILE = 'presets.yml'

/** A preset: rule settings in the config syntax, with a reason. */
export interface Preset {
  description: string
  rules: Record<string, unknown>
}

/** Read, validate and compile every rule file, sorted by id. */
export async function compileRuleFiles(dir = RULES_DIR): Promise<CompiledRule[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.yml') && name !== PRESETS_FILE).sort()
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

/** Read and check rules/presets.yml against the compiled rules. */
export async function compilePresets(rules: CompiledRule[], dir = RULES_DIR): Promise<Record<string, Preset>> {
  const file = path.posix.join('rules', PRESETS_FILE)
  const raw = parse(await readFile(path.join(dir, PRESETS_FILE), 'utf8')) as Record<string, Preset>
  const ids = new Set(rules.map((rule) => rule.id))
  const levels = new Set(['off', 'info', 'warning', 'error'])
  for (const [name, preset] of Object.entries(raw)) {
    if (typeof preset?.description !== 'string') throw new RuleDataError(file, name, 'description', 'expected text')
    for (const [id, setting] of Object.entries(preset.rules ?? {})) {
      if (!ids.has(id)) throw new RuleDataError(file, name, `rules.${id}`, 'unknown rule')
      const values = typeof setting === 'string' ? [setting] : Object.values(setting as object)
      if (values.some((value) => !levels.has(value as string))) throw new RuleDataError(file, name, `rules.${id}`, 'expected off, info, warning or error')
    }
    preset.rules ??= {}
    // `others: off`: a preset that runs only its own rules names every other rule as off,
    // so a rule added later is off in it too.
    const others = (preset as {others?: unknown}).others
    if (others !== undefined) {
      if (others !== 'off') throw new RuleDataError(file, name, 'others', 'expected off')
      for (const id of ids) preset.rules[id] ??= 'off'
      delete (preset as {others?: unknown}).others
    }
  }
  return raw
}

/** The generated file's text: stable, diff-friendly JSON. */
export function serialize(value: unknown): string {
  return JSON.stringify(value, null, 1) + '\n'
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  compileRuleFiles()
    .then(async (rules) => {
      await writeFile(OUTPUT, serialize(rules))
      await writeFile(PRESETS_OUTPUT, serialize(await compilePresets(rules)))
    })
    .then(() => console.error(`trustlint: compiled rules and presets into ${path.relative(root, path.dirname(OUTPUT))}`))
    .catch((error: Error) => {
      console.error(error.message)
      process.exitCode = 1
    })
}
