import type {Lang} from '../lang/script.js'
import {isLevel, type Level, type LevelSetting, type StageLevels} from './levels.js'
import type {CompiledRule} from './rule-types.js'
import {requireStage, type Stage, type StageName} from './stages.js'
import {readPacks, type ParsedPack, type UserPack} from './user-packs.js'

/** Options of `lint()`, `createLinter()` and the remark plugin (plain JSON). */
export interface TrustlintOptions {
  /** Stage for text that no directive or front matter marks; default `education`. Aliases 集客/教育/販売 work. */
  stage?: StageName
  /** Language of the messages; by default the language of the flagged text. */
  locale?: Lang
  /** Route all text to one language instead of detecting it per run of script. */
  lang?: Lang
  /** Rule levels: `off | info | warning | error` for every stage, or per stage. */
  rules?: Record<string, LevelSetting>
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
}

/** Options checked and resolved against the rule set. */
export interface ResolvedOptions {
  stage: Stage
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
}

/** A bad option: names the option and what is allowed. */
export class OptionsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OptionsError'
  }
}

/** Check options once; throws {@link OptionsError} or `UnknownStageError` with a clear message. */
export function resolveOptions(options: TrustlintOptions | undefined, rules: CompiledRule[]): ResolvedOptions {
  const given = options ?? {}
  const stage = given.stage === undefined ? 'education' : requireStage(given.stage, 'the "stage" option')
  for (const key of ['locale', 'lang'] as const) {
    const value = given[key]
    if (value !== undefined && value !== 'ja' && value !== 'en') {
      throw new OptionsError(`Option "${key}" must be "ja" or "en", got ${JSON.stringify(value)}`)
    }
  }
  const levels = new Map<string, StageLevels>()
  for (const rule of rules) levels.set(rule.id, {...rule.levels})
  for (const [id, setting] of Object.entries(given.rules ?? {})) {
    const current = levels.get(id)
    if (!current) {
      const hint = closest(id, [...levels.keys()])
      throw new OptionsError(`Unknown rule "${id}" in the "rules" option${hint ? `; did you mean "${hint}"?` : ''}`)
    }
    levels.set(id, applySetting(current, setting, id))
  }
  if (given.accept !== undefined && (!Array.isArray(given.accept) || given.accept.some((term) => typeof term !== 'string'))) {
    throw new OptionsError('Option "accept" must be a list of strings')
  }
  if (given.flagMentions !== undefined && typeof given.flagMentions !== 'boolean') {
    throw new OptionsError('Option "flagMentions" must be true or false')
  }
  if (given.packs !== undefined && !Array.isArray(given.packs)) {
    throw new OptionsError('Option "packs" must be a list of pack files or pack objects')
  }
  const packs = readPacks(given.packs ?? [], rules)
  const accept = [...(given.accept ?? []), ...packs.flatMap((pack) => pack.accept)]
  return {
    stage,
    locale: given.locale,
    lang: given.lang,
    dictPath: given.dictPath,
    rules,
    levels,
    packs,
    accept,
    flagMentions: given.flagMentions ?? false
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

/** The nearest name by edit distance, for "did you mean" hints. */
export function closest(name: string, candidates: string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

