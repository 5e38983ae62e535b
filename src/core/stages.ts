/** The three funnel stages of direct-response marketing. */
export const STAGES = ['acquisition', 'education', 'sales'] as const

/** A funnel stage: acquisition (集客), education (教育) or sales (販売). */
export type Stage = (typeof STAGES)[number]

/** A stage as users may write it: the English name or its Japanese alias. */
export type StageName = Stage | '集客' | '教育' | '販売'

/** The stage used when neither a directive, front matter nor an option names one. */
export const DEFAULT_STAGE: Stage = 'education'

const ALIASES: Record<string, Stage> = {
  acquisition: 'acquisition',
  education: 'education',
  sales: 'sales',
  集客: 'acquisition',
  教育: 'education',
  販売: 'sales'
}

/** Thrown (API, CLI) or reported (front matter, directive) for a stage name we do not know. */
export class UnknownStageError extends Error {
  readonly value: string
  constructor(value: unknown, where: string) {
    const shown = typeof value === 'string' ? value : JSON.stringify(value)
    super(
      `Unknown stage "${shown}" in ${where}; expected one of ` +
        `${STAGES.join(', ')} (or 集客, 教育, 販売)`
    )
    this.name = 'UnknownStageError'
    this.value = String(shown)
  }
}

/** Map a stage name or alias (case- and width-insensitive) to a stage, or `undefined`. */
export function parseStage(value: unknown): Stage | undefined {
  if (typeof value !== 'string') return undefined
  const key = value.normalize('NFKC').trim().toLowerCase()
  // Own keys only: "constructor" is not a stage.
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined
}

/** Like {@link parseStage} but throws {@link UnknownStageError}. */
export function requireStage(value: unknown, where: string): Stage {
  const stage = parseStage(value)
  if (!stage) throw new UnknownStageError(value, where)
  return stage
}
