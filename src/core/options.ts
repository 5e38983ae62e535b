import type {Lang} from '../lang/script.js'
import {isLevel, type Level, type LevelSetting, type RuleSetting, type StageLevels} from './levels.js'
import type {CompiledRule} from './rule-types.js'
import {requireStage, type Stage, type StageName} from './stages.js'
import {closest} from './closest.js'
import {FORMATS, isFormat, type Format} from '../formats/index.js'
import {readPacks, type ParsedPack, type UserPack} from './user-packs.js'
import {DOCUMENT_TYPES, FOOTER_SOURCES, type DocumentType, type FooterSource} from './email-document.js'

/** Options of `lint()`, `createLinter()` and the remark plugin (plain JSON). */
export interface TrustlintOptions {
  /**
   * Stage for text that no directive or front matter marks; default `education`. Aliases 集客/教育/販売 work.
   * `auto` infers each unmarked section's stage (docs/analyzer.md), falling back to `education` below the confidence threshold.
   */
  stage?: StageName | 'auto'
  /** Language of the messages; by default the language of the flagged text. */
  locale?: Lang
  /** Route all text to one language instead of detecting it per run of script. */
  lang?: Lang
  /**
   * Rule levels: `off | info | warning | error` for every stage, or per stage; `[level, options]`
   * also sets the rule's options (e.g. `{'competing-cta': ['warning', {maxTargets: 2}]}`).
   */
  rules?: Record<string, RuleSetting>
  /** Folder of kuromoji's dictionary (default: env `TRUSTLINT_KUROMOJI_DICT`, then the kuromoji package). */
  dictPath?: string
  /**
   * User phrase packs (docs/user-packs.md): paths of YAML files or pack objects.
   * Each adds cues to rules; its self-tests run when it loads.
   */
  packs?: (string | UserPack)[]
  /** Terms whose inside is never flagged (product names, brand slogans), in either language. */
  accept?: string[]
  /** Also flag cues that are mentioned rather than used: quoted, in examples, talked about (docs/mentions.md). */
  flagMentions?: boolean
  /**
   * `email` or `page`: what the document is, for the footer rules (`sender-identity`, `unsubscribe`).
   * By default `.eml`/`.html`/`.htm` files and front matter with `subject:` are emails (docs/rules/unsubscribe.md).
   */
  type?: DocumentType
  /** `provided-by-service`: the sending service adds the legal footer (Substack, まぐまぐ!), so the footer rules stay quiet. */
  footer?: FooterSource
  /** Input format (docs/formats.md); by default from the file's extension, else Markdown. */
  format?: Format
  /** Lint front matter `title:` as the subject line when there is no `subject:` (docs/formats.md). */
  subjectFromTitle?: boolean
  /** Stage of the subject line and preheader; default: the stage of the document's first section (front matter `subject_stage:` wins). */
  subjectStage?: StageName
}

/** Options checked and resolved against the rule set. */
export interface ResolvedOptions {
  /** The configured stage (the fallback when `auto` cannot decide). */
  stage: Stage
  /** `stage: auto`: infer the stage of each unmarked section. */
  autoStage: boolean
  locale: Lang | undefined
  lang: Lang | undefined
  dictPath: string | undefined
  rules: CompiledRule[]
  levels: Map<string, StageLevels>
  /** Packs validated at resolve time; Japanese plain text is compiled at the first lint. */
  packs: ParsedPack[]
  /** The `accept` option plus every pack's `accept:` list. */
  accept: string[]
  flagMentions: boolean
  type: DocumentType | undefined
  footer: FooterSource
  format: Format | undefined
  subjectFromTitle: boolean
  subjectStage: Stage | undefined
}

/** A bad option: names the option and what is allowed. */
export class OptionsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OptionsError'
  }
}

/** Check options once; throws {@link OptionsError} or `UnknownStageError` with a clear message. */
export function resolveOptions(options: TrustlintOptions | undefined, builtin: CompiledRule[]): ResolvedOptions {
  let rules = builtin
  const given = options ?? {}
  const autoStage = given.stage === 'auto'
  const stage = given.stage === undefined || autoStage ? 'education' : requireStage(given.stage, 'the "stage" option')
  for (const key of ['locale', 'lang'] as const) {
    const value = given[key]
    if (value !== undefined && value !== 'ja' && value !== 'en') {
      throw new OptionsError(`Option "${key}" must be "ja" or "en", got ${JSON.stringify(value)}`)
    }
  }
  const levels = new Map<string, StageLevels>()
  for (const rule of rules) levels.set(rule.id, {...rule.levels})
  const ruleOptions = new Map<string, Record<string, unknown>>()
  for (const [id, raw] of Object.entries(given.rules ?? {})) {
    const current = levels.get(id)
    if (!current) {
      const hint = closest(id, [...levels.keys()])
      throw new OptionsError(`Unknown rule "${id}" in the "rules" option${hint ? `; did you mean "${hint}"?` : ''}`)
    }
    let setting = raw as LevelSetting | [LevelSetting, Record<string, unknown>?]
    if (Array.isArray(setting)) {
      const [level, extra] = setting
      if (setting.length > 2) throw new OptionsError(`Rule "${id}": expected [level, options]`)
      if (extra !== undefined) ruleOptions.set(id, checkRuleOptions(rules.find((rule) => rule.id === id)!, extra))
      setting = level as LevelSetting
    }
    levels.set(id, applySetting(current, setting, id))
  }
  // Rules with user options become copies carrying the merged options.
  rules = rules.map((rule) => {
    const extra = ruleOptions.get(rule.id)
    return extra ? {...rule, options: {...rule.options, ...extra}} : rule
  })
  if (given.accept !== undefined && (!Array.isArray(given.accept) || given.accept.some((term) => typeof term !== 'string'))) {
    throw new OptionsError('Option "accept" must be a list of strings')
  }
  if (given.flagMentions !== undefined && typeof given.flagMentions !== 'boolean') {
    throw new OptionsError('Option "flagMentions" must be true or false')
  }
  // An empty path would silently mean the default dictionary: say so instead.
  if (given.dictPath !== undefined && (typeof given.dictPath !== 'string' || given.dictPath.trim() === '')) {
    throw new OptionsError('Option "dictPath" must be the path of a kuromoji dictionary folder (leave it out for the bundled one)')
  }
  if (given.packs !== undefined && !Array.isArray(given.packs)) {
    throw new OptionsError('Option "packs" must be a list of pack files or pack objects')
  }
  if (given.type !== undefined && !DOCUMENT_TYPES.includes(given.type)) {
    throw new OptionsError(`Option "type" must be ${DOCUMENT_TYPES.map((type) => `"${type}"`).join(' or ')}, got ${JSON.stringify(given.type)}`)
  }
  if (given.footer !== undefined && !FOOTER_SOURCES.includes(given.footer)) {
    throw new OptionsError(`Option "footer" must be ${FOOTER_SOURCES.map((source) => `"${source}"`).join(' or ')}, got ${JSON.stringify(given.footer)}`)
  }
  if (given.format !== undefined && !isFormat(given.format)) {
    throw new OptionsError(`Option "format" must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(given.format)}`)
  }
  if (given.subjectFromTitle !== undefined && typeof given.subjectFromTitle !== 'boolean') {
    throw new OptionsError('Option "subjectFromTitle" must be true or false')
  }
  const packs = readPacks(given.packs ?? [], rules)
  const accept = [...(given.accept ?? []), ...packs.flatMap((pack) => pack.accept)]
  return {
    stage,
    autoStage,
    locale: given.locale,
    lang: given.lang,
    dictPath: given.dictPath,
    rules,
    levels,
    packs,
    accept,
    flagMentions: given.flagMentions ?? false,
    type: given.type,
    footer: given.footer ?? 'in-document',
    format: given.format,
    subjectFromTitle: given.subjectFromTitle ?? false,
    subjectStage: given.subjectStage === undefined ? undefined : requireStage(given.subjectStage, 'the "subjectStage" option')
  }
}

function applySetting(current: StageLevels, setting: LevelSetting, id: string): StageLevels {
  if (isLevel(setting)) return {acquisition: setting, education: setting, sales: setting}
  if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) {
    throw new OptionsError(`Rule "${id}": expected off, info, warning, error or a level per stage`)
  }
  const next = {...current}
  for (const [key, level] of Object.entries(setting)) {
    const stage = requireStage(key, `the "rules.${id}" option`)
    if (!isLevel(level)) throw new OptionsError(`Rule "${id}", stage "${key}": expected off, info, warning or error`)
    next[stage] = level as Level
  }
  return next
}

/** Check user options of a rule against the defaults in its YAML: known names, same types. */
function checkRuleOptions(rule: CompiledRule, given: unknown): Record<string, unknown> {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new OptionsError(`Rule "${rule.id}": options must be an object`)
  }
  const defaults = rule.options ?? {}
  const names = Object.keys(defaults)
  for (const [name, value] of Object.entries(given)) {
    if (!(name in defaults)) {
      const hint = closest(name, names)
      const known = names.length > 0 ? `; its options are ${names.join(', ')}` : '; it has no options'
      throw new OptionsError(`Rule "${rule.id}" has no option "${name}"${hint ? ` (did you mean "${hint}"?)` : known}`)
    }
    const expected = Array.isArray(defaults[name]) ? 'array' : typeof defaults[name]
    const actual = Array.isArray(value) ? 'array' : typeof value
    if (expected !== actual) throw new OptionsError(`Rule "${rule.id}", option "${name}": expected a ${expected}, got ${JSON.stringify(value)}`)
  }
  return given as Record<string, unknown>
}



export {closest}
