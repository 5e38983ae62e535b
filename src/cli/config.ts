import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {lilconfig, type LilconfigResult} from 'lilconfig'
import picomatch from 'picomatch'
import {parse as parseYaml} from 'yaml'
import {BUILTIN_RULES} from '../core/builtin-rules.js'
import {isLevel} from '../core/levels.js'
import {closest} from '../core/closest.js'
import type {TrustlintOptions} from '../core/options.js'
import {parseStage, STAGES, type Stage} from '../core/stages.js'
import {DOCUMENT_TYPES, FOOTER_SOURCES, type DocumentType, type FooterSource} from '../core/email-document.js'
import PRESETS from '../generated/presets.json' with {type: 'json'}

/** The keys of a trustlint config file (docs/config.md). */
export interface ConfigData {
  extends?: string | string[]
  rules?: Record<string, unknown>
  stages?: Record<string, string>
  stage?: string
  packs?: string[]
  accept?: string[]
  locale?: 'ja' | 'en'
  flagMentions?: boolean
  ignore?: string[]
  /** `email` or `page` for every file, or glob → type (docs/cli.md). */
  type?: DocumentType | Record<string, DocumentType>
  /** `provided-by-service` when the sending service adds the legal footer; or glob → value. */
  footer?: FooterSource | Record<string, FooterSource>
  /** glob → stage of the subject line and preheader (docs/formats.md). */
  subjectStages?: Record<string, string>
  subjectFromTitle?: boolean
}

const KEYS = ['extends', 'rules', 'stages', 'stage', 'packs', 'accept', 'locale', 'flagMentions', 'ignore', 'type', 'footer', 'subjectStages', 'subjectFromTitle'] as const

/** A config that cannot be used: names the file, the key and the fix. */
export class ConfigError extends Error {
  constructor(file: string, key: string, problem: string) {
    super(`${file}: "${key}": ${problem}`)
    this.name = 'ConfigError'
  }
}

/** A config ready to apply to files below its folder. */
export interface ResolvedConfig {
  /** The file it came from (undefined: none found, or --no-config). */
  file: string | undefined
  dir: string
  data: ConfigData
  /** Changes whenever anything that affects linting changes (cache key). */
  hash: string
  stageFor(file: string): Stage | undefined
  /** The document type a `type` glob (or plain value) gives the file. */
  typeFor(file: string): DocumentType | undefined
  /** The footer source a `footer` glob (or plain value) gives the file. */
  footerFor(file: string): FooterSource | undefined
  /** The stage a `subjectStages` glob gives the subject line of a file, if any. */
  subjectStageFor(file: string): Stage | undefined
}

export const SEARCH_PLACES = [
  '.trustlintrc',
  '.trustlintrc.json',
  '.trustlintrc.yaml',
  '.trustlintrc.yml',
  'trustlint.config.js',
  'trustlint.config.mjs',
  'trustlint.config.cjs',
  'package.json'
]

const loadYamlOrJson = (file: string, content: string) => {
  try {
    return parseYaml(content, {logLevel: 'error'}) as unknown
  } catch (error) {
    throw new ConfigError(file, '(file)', `not valid JSON or YAML: ${(error as Error).message.split('\n')[0]}`)
  }
}

// JS configs run code (as ESLint's do): they are imported, never evaluated otherwise.
const loadJs = async (file: string) => {
  const module = (await import(pathToFileURL(file).href)) as {default?: unknown}
  return module.default ?? module
}

const explorer = lilconfig('trustlint', {
  searchPlaces: SEARCH_PLACES,
  loaders: {
    noExt: loadYamlOrJson,
    '.json': loadYamlOrJson,
    '.yaml': loadYamlOrJson,
    '.yml': loadYamlOrJson,
    '.js': loadJs,
    '.mjs': loadJs,
    '.cjs': loadJs
  }
})

/** Find the nearest config for a file (from its folder upward) and resolve it. */
export async function configFor(file: string, cache: Map<string, Promise<ResolvedConfig>>): Promise<ResolvedConfig> {
  const dir = path.dirname(path.resolve(file))
  let pending = cache.get(dir)
  if (!pending) {
    pending = explorer.search(dir).then((found) => fromResult(found, dir))
    cache.set(dir, pending)
  }
  return pending
}

/** Load an explicit config file (--config). */
export async function loadConfigFile(file: string): Promise<ResolvedConfig> {
  let found: LilconfigResult
  try {
    found = await explorer.load(path.resolve(file))
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new ConfigError(file, '(file)', `cannot be read: ${(error as Error).message}`)
  }
  return fromResult(found, path.dirname(path.resolve(file)))
}

/** The config used with --no-config, or when none is found. */
export function emptyConfig(dir: string): Promise<ResolvedConfig> {
  return fromResult(null, dir)
}

async function fromResult(found: LilconfigResult, fallbackDir: string): Promise<ResolvedConfig> {
  if (!found) return resolveConfig({}, undefined, fallbackDir)
  const file = found.filepath
  return resolveConfig(await expand(found.config, file, new Set()), file, path.dirname(file))
}

/** Validate a config object and apply its `extends` chain (extended first, own keys win). */
async function expand(raw: unknown, file: string, seen: Set<string>): Promise<ConfigData> {
  const display = path.relative(process.cwd(), file) || file
  const data = validate(raw, display)
  const parents = typeof data.extends === 'string' ? [data.extends] : (data.extends ?? [])
  let merged: ConfigData = {}
  for (const name of parents) {
    merged = merge(merged, await loadExtended(name, file, display, seen))
  }
  const own = {...data}
  delete own.extends
  // Paths in packs are relative to the config that names them.
  if (own.packs) own.packs = own.packs.map((pack) => path.resolve(path.dirname(file), pack))
  return merge(merged, own)
}

async function loadExtended(name: string, from: string, display: string, seen: Set<string>): Promise<ConfigData> {
  if (name.startsWith('trustlint:')) {
    const presets = PRESETS as Record<string, {rules: Record<string, unknown>}>
    const key = name.slice('trustlint:'.length)
    const preset = Object.hasOwn(presets, key) ? presets[key] : undefined
    if (!preset) {
      const hint = closest(name, Object.keys(PRESETS).map((key) => 'trustlint:' + key))
      throw new ConfigError(display, 'extends', `unknown preset "${name}"${hint ? `; did you mean "${hint}"?` : ''}`)
    }
    return {rules: {...preset.rules}}
  }
  let target: string
  try {
    target = name.startsWith('.') || path.isAbsolute(name) ? path.resolve(path.dirname(from), name) : createRequire(from).resolve(name)
  } catch {
    throw new ConfigError(display, 'extends', `cannot find "${name}"; give a path relative to this file or an installed package`)
  }
  if (seen.has(target)) throw new ConfigError(display, 'extends', `"${name}" extends itself in a loop`)
  seen.add(target)
  let result: LilconfigResult
  try {
    result = await explorer.load(target)
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new ConfigError(display, 'extends', `cannot load "${name}": ${(error as Error).message}`)
  }
  return expand(result?.config ?? {}, target, seen)
}

function merge(base: ConfigData, over: ConfigData): ConfigData {
  return {
    ...base,
    ...over,
    rules: {...base.rules, ...over.rules},
    stages: {...base.stages, ...over.stages},
    ...mergeByGlob('type', base, over),
    ...mergeByGlob('footer', base, over),
    subjectStages: {...base.subjectStages, ...over.subjectStages},
    accept: [...(base.accept ?? []), ...(over.accept ?? [])],
    packs: [...(base.packs ?? []), ...(over.packs ?? [])],
    ignore: [...(base.ignore ?? []), ...(over.ignore ?? [])]
  }
}

/** `type`/`footer`: a plain value replaces; glob maps merge per entry, as `stages` does. */
function mergeByGlob(key: 'type' | 'footer', base: ConfigData, over: ConfigData): Partial<ConfigData> {
  const [from, to] = [base[key], over[key]]
  if (to === undefined) return from === undefined ? {} : {[key]: from}
  if (typeof to === 'string' || typeof from !== 'object' || from === undefined) return {[key]: to}
  return {[key]: {...from, ...to}}
}

/** A value for every file, or an object of glob → value, each one of `allowed`. */
function validateByGlob(data: Record<string, unknown>, key: 'type' | 'footer', allowed: readonly string[], example: string, file: string) {
  const value = data[key]
  if (value === undefined) return
  const expected = `expected ${allowed.map((item) => JSON.stringify(item)).join(' or ')}, or an object of glob → value such as ${example}`
  if (typeof value === 'string') {
    if (!allowed.includes(value)) throw new ConfigError(file, key, expected)
    return
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(file, key, expected)
  for (const [glob, item] of Object.entries(value)) {
    if (typeof item !== 'string' || !allowed.includes(item)) throw new ConfigError(file, `${key}.${glob}`, `expected ${allowed.map((entry) => JSON.stringify(entry)).join(' or ')}`)
  }
}

function validate(raw: unknown, file: string): ConfigData {
  if (raw === undefined || raw === null) return {}
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(file, '(root)', 'expected an object of settings')
  const data = raw as Record<string, unknown>
  for (const key of Object.keys(data)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      const hint = closest(key, [...KEYS])
      throw new ConfigError(file, key, `unknown key${hint ? `; did you mean "${hint}"?` : `; expected one of ${KEYS.join(', ')}`}`)
    }
  }
  const strings = (key: string, value: unknown) => {
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      throw new ConfigError(file, key, 'expected a list of strings')
    }
  }
  if (data.extends !== undefined && typeof data.extends !== 'string') strings('extends', data.extends)
  for (const key of ['packs', 'accept', 'ignore'] as const) if (data[key] !== undefined) strings(key, data[key])
  if (data.stage !== undefined && data.stage !== 'auto' && !parseStage(data.stage)) {
    throw new ConfigError(file, 'stage', `unknown stage ${JSON.stringify(data.stage)}; expected auto or one of ${STAGES.join(', ')} (or 集客, 教育, 販売)`)
  }
  if (data.locale !== undefined && data.locale !== 'ja' && data.locale !== 'en') {
    throw new ConfigError(file, 'locale', 'expected "ja" or "en"')
  }
  if (data.flagMentions !== undefined && typeof data.flagMentions !== 'boolean') throw new ConfigError(file, 'flagMentions', 'expected true or false')
  if (data.subjectFromTitle !== undefined && typeof data.subjectFromTitle !== 'boolean') throw new ConfigError(file, 'subjectFromTitle', 'expected true or false')
  for (const key of ['stages', 'subjectStages'] as const) {
    const globs = data[key]
    if (globs === undefined) continue
    if (typeof globs !== 'object' || globs === null || Array.isArray(globs)) {
      throw new ConfigError(file, key, 'expected an object of glob → stage, e.g. {"newsletters/lessons/**": "education"}')
    }
    for (const [glob, stage] of Object.entries(globs)) {
      if (!parseStage(stage)) throw new ConfigError(file, `${key}.${glob}`, `unknown stage ${JSON.stringify(stage)}; expected one of ${STAGES.join(', ')}`)
    }
  }
  validateByGlob(data, 'type', DOCUMENT_TYPES, '{"newsletters/**": "email"}', file)
  validateByGlob(data, 'footer', FOOTER_SOURCES, '{"substack/**": "provided-by-service"}', file)
  if (data.rules !== undefined) {
    if (typeof data.rules !== 'object' || data.rules === null || Array.isArray(data.rules)) {
      throw new ConfigError(file, 'rules', 'expected an object of rule id → level')
    }
    const ids = BUILTIN_RULES.map((rule) => rule.id)
    for (const [id, setting] of Object.entries(data.rules)) {
      if (!ids.includes(id)) {
        const hint = closest(id, ids)
        throw new ConfigError(file, `rules.${id}`, `unknown rule${hint ? `; did you mean "${hint}"?` : ''}`)
      }
      validateSetting(setting, file, `rules.${id}`)
    }
  }
  return data as ConfigData
}

function validateSetting(setting: unknown, file: string, key: string) {
  const fix = 'expected off, info, warning or error; [level, options]; or a level per stage such as {"education": "error", "sales": "off"}'
  if (isLevel(setting)) return
  if (Array.isArray(setting)) {
    if (!isLevel(setting[0]) || setting.length > 2 || (setting[1] !== undefined && (typeof setting[1] !== 'object' || setting[1] === null))) {
      throw new ConfigError(file, key, fix)
    }
    return
  }
  if (typeof setting !== 'object' || setting === null) throw new ConfigError(file, key, fix)
  for (const [stage, level] of Object.entries(setting)) {
    if (!parseStage(stage)) throw new ConfigError(file, `${key}.${stage}`, `unknown stage; expected one of ${STAGES.join(', ')}`)
    if (!isLevel(level)) throw new ConfigError(file, `${key}.${stage}`, fix)
  }
}

function resolveConfig(data: ConfigData, file: string | undefined, dir: string): ResolvedConfig {
  const relativeTo = (target: string) => path.relative(dir, path.resolve(target)).split(path.sep).join('/')
  // A plain value for every file, or glob → value where the last matching glob wins,
  // so later, more specific entries can override.
  const byGlob = <T>(value: string | Record<string, string> | undefined, read: (item: string) => T) => {
    if (value === undefined) return (): T | undefined => undefined
    if (typeof value === 'string') {
      const item = read(value)
      return (): T | undefined => item
    }
    const globs = Object.entries(value).map(([glob, item]) => ({match: picomatch(glob, {dot: true}), item: read(item)}))
    return (target: string): T | undefined => {
      const relative = relativeTo(target)
      let found: T | undefined
      for (const glob of globs) if (glob.match(relative)) found = glob.item
      return found
    }
  }
  const stageAt = byGlob(data.stages, (stage) => parseStage(stage)!)
  const subjectStageAt = byGlob(data.subjectStages, (stage) => parseStage(stage)!)
  const typeAt = byGlob(data.type, (type) => type as DocumentType)
  const footerAt = byGlob(data.footer, (footer) => footer as FooterSource)
  const packHashes = (data.packs ?? []).map((pack) => {
    try {
      return createHash('sha256').update(readFileSync(pack)).digest('hex')
    } catch {
      return 'missing:' + pack
    }
  })
  return {
    file,
    dir,
    data,
    hash: createHash('sha256').update(JSON.stringify([data, packHashes])).digest('hex').slice(0, 16),
    typeFor: typeAt,
    footerFor: footerAt,
    stageFor: stageAt,
    subjectStageFor: subjectStageAt
  }
}

/** Library options for one file under a config; the CLI's --stage is the fallback stage. */
export function optionsFor(config: ResolvedConfig, file: string, cliStage: string | undefined): TrustlintOptions {
  const asStage = (value: string | undefined) => (value === 'auto' ? 'auto' : parseStage(value))
  const stage = config.stageFor(file) ?? (cliStage ? asStage(cliStage) : undefined) ?? asStage(config.data.stage)
  const options: TrustlintOptions = {}
  if (stage) options.stage = stage
  if (config.data.rules) options.rules = config.data.rules as TrustlintOptions['rules']
  if (config.data.locale) options.locale = config.data.locale
  if (config.data.packs?.length) options.packs = config.data.packs
  if (config.data.accept?.length) options.accept = config.data.accept
  if (config.data.flagMentions !== undefined) options.flagMentions = config.data.flagMentions
  const type = config.typeFor(file)
  if (type) options.type = type
  const footer = config.footerFor(file)
  if (footer) options.footer = footer
  const subjectStage = config.subjectStageFor(file)
  if (subjectStage) options.subjectStage = subjectStage
  if (config.data.subjectFromTitle !== undefined) options.subjectFromTitle = config.data.subjectFromTitle
  return options
}
