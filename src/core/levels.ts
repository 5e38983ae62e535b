import type {Stage, StageName} from './stages.js'

/** How loudly a rule reports: `off` silences it. */
export type Level = 'off' | 'info' | 'warning' | 'error'

export const LEVELS: readonly Level[] = ['off', 'info', 'warning', 'error']

/** A level for each funnel stage. */
export type StageLevels = Record<Stage, Level>

/**
 * A user's level setting for one rule: one level for every stage, or a level
 * per stage (unnamed stages keep the rule's defaults).
 */
export type LevelSetting = Level | Partial<Record<StageName, Level>>

/** A rule setting in options and config: a level setting, or `[level setting, rule options]`. */
export type RuleSetting = LevelSetting | [LevelSetting, Record<string, unknown>?]

/** vfile's severity encoding: error → `fatal: true`, warning → `false`, info → `undefined`. */
export function fatalFor(level: Exclude<Level, 'off'>): boolean | undefined {
  if (level === 'error') return true
  if (level === 'warning') return false
  return undefined
}

/** The inverse of {@link fatalFor}, for reporters. */
export function severityOf(fatal: boolean | null | undefined): 'error' | 'warning' | 'info' {
  if (fatal === true) return 'error'
  if (fatal === false) return 'warning'
  return 'info'
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value)
}
