import type {Lang} from '../lang/script.js'
import type {StageLevels} from './levels.js'
import type {Stage} from './stages.js'

/** The fixed vocabulary of message categories. */
export const CATEGORIES = [
  'urgency',
  'scarcity',
  'fomo',
  'hard-sell',
  'hype',
  'price-push',
  'pressure-punctuation',
  'countdown',
  'social-proof',
  'no-cta',
  'weak-cta',
  'vague-link',
  'competing-cta',
  'buried-cta',
  'compliance',
  'sequence',
  'other'
] as const

export type Category = (typeof CATEGORIES)[number]

/**
 * What a negation right after a cue does to it (DOMAIN.md §2):
 * `cancel` — a calm negation removes the pressure (急がなくても大丈夫, "no need to hurry");
 * `keep` — still pushy whatever the negation;
 * `frame` — loss and regret cues (後悔, 損, "miss out"): kept in purpose, prohibition,
 *   threat and double-negative frames (後悔しないために, お見逃しなく, "don't miss out"),
 *   dropped after a calm negation ("you'll never miss an issue") or when the
 *   negation makes a guarantee (絶対に損しない: that is `hype`'s job);
 * `ignore` — negation is not looked at.
 */
export type NegationEffect = 'cancel' | 'keep' | 'frame' | 'ignore'

/** Text in both languages. */
export interface Bilingual {
  ja: string
  en: string
}

/** One slot of a Japanese token pattern; each listed field must equal one of its values. */
export interface JaTokenSpec {
  surface?: string[]
  basic?: string[]
  pos?: string[]
  posDetail1?: string[]
  conjForm?: string[]
  /** The slot may be absent. */
  optional?: boolean
  /** Must follow the match but is not part of it (a closing 。 or ！ after an order); last slots only. */
  peek?: boolean
}

interface PatternBase {
  /** The entry as written in the rule file, for error messages and docs. */
  source: string
  /** Calmer alternatives for this cue; overrides the rule's. */
  expected?: string[]
}

export interface JaTokenPattern extends PatternBase {
  kind: 'tokens'
  tokens: JaTokenSpec[]
}

export interface EnWordPattern extends PatternBase {
  kind: 'words'
  /** Each slot lists the normalised word forms it accepts. */
  words: string[][]
  /** Match only as the first word of a sentence or clause (imperatives such as "Hurry"). */
  clauseStart?: boolean
}

export interface RegexPattern extends PatternBase {
  kind: 'regex'
  regex: string
  flags: string
}

export type JaPattern = JaTokenPattern | RegexPattern
export type EnPattern = EnWordPattern | RegexPattern

/** A rule as compiled from `rules/<id>.yml`: one concept, both languages. */
export interface CompiledRule {
  id: string
  category: Category
  description: Bilingual
  levels: StageLevels
  negation: NegationEffect
  /** Templates; `{{actual}}` is replaced by the flagged text. */
  messages: Bilingual
  /** Templates for stages whose reason differs from the default one (which speaks of education content). */
  stageMessages?: Partial<Record<Stage, Bilingual>>
  expected: Partial<Record<Lang, string[]>>
  patterns: {ja: JaPattern[]; en: EnPattern[]}
  /** Name of a code-backed check in src/checks/ (for what data cannot express). */
  check?: string
  /**
   * `check`: the rule's pattern matches are candidates that its check judges
   * (it asks `CheckContext.cues`), not findings the engine reports itself.
   * The claims rules use it: a No.1 claim is a finding only without a source.
   */
  judge?: 'check'
  /** Rule-specific options (defaults from the YAML `options:` mapping). */
  options?: Record<string, unknown>
  /**
   * `archive`: a finding on the sequence of a newsletter archive, judged by
   * `trustlint analyze` over several drafts (src/analyze/archive.ts), never on one draft.
   */
  scope?: 'archive'
}
