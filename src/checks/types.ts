import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Location} from 'vfile-location'
import type {CueMatch} from '../kinds/existence.js'
import type {Level} from '../core/levels.js'
import type {ProseBlock} from '../core/prose.js'
import type {CompiledRule} from '../core/rule-types.js'
import type {Section} from '../core/sections.js'
import type {Stage} from '../core/stages.js'
import type {ProseSentence} from '../core/text-model.js'
import type {Lang} from '../lang/script.js'

/** A finding a code-backed check hands to the engine (offsets into the file's text). */
export interface CheckFinding {
  start: number
  end: number
  stage: Stage
  lang: Lang
  /** Replaces the rule's `{{actual}}`-filled message when the check needs its own text. */
  reason?: string
  expected?: string[]
  note?: string
}

/** What a code-backed check sees of one file. */
export interface CheckContext {
  file: VFile
  source: string
  location: Location
  tree: Root
  blocks: ProseBlock[]
  sentences: ProseSentence[]
  sections: Section[]
  stageAt(offset: number): Stage
  /** The level of a rule for a stage, after user options. */
  levelOf(ruleId: string, stage: Stage): Level
  /** Language for message text: the `locale` option, or the flagged text's language. */
  localeFor(lang: Lang): Lang
  /** Report a finding for `rule` at the level its stage gives (skipped when off). */
  report(rule: CompiledRule, finding: CheckFinding): void
  /**
   * The pattern matches of a `judge: check` rule, per sentence whose stage has
   * the rule on; accepted terms, mentions (quotes, talk about wording) and cues
   * that the rule's `negation:` drops are left out.
   */
  cues(rule: CompiledRule): {sentence: ProseSentence; cue: CueMatch}[]
  /** The document is an email (src/core/email-document.ts). */
  email: boolean
  /** The sending service adds the legal footer (`footer: provided-by-service`). */
  footerByService: boolean
}

/**
 * A rule that data cannot express (`check: <name>` in its YAML). It may also
 * have patterns: the engine matches those first, then calls the check.
 */
export type Check = (context: CheckContext, rule: CompiledRule) => void
