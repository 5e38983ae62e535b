/**
 * trustlint: a funnel-aware copy linter for Japanese and English newsletters.
 * Pushy sales language is flagged in education content; weak calls to action
 * in sales content.
 */
export {lint, createLinter, createProcessor, type Linter} from './core/processor.js'
export type {TrustlintOptions} from './core/options.js'
export {OptionsError} from './core/options.js'
export {STAGES, DEFAULT_STAGE, UnknownStageError, parseStage, type Stage, type StageName} from './core/stages.js'
export type {Level, LevelSetting, RuleSetting, StageLevels} from './core/levels.js'
export {CATEGORIES, type Category, type CompiledRule, type Bilingual} from './core/rule-types.js'
export {BUILTIN_RULES as rules} from './core/builtin-rules.js'
export {DictionaryLoadError, DICT_ENV} from './lang/ja/tokenizer.js'
export type {Lang} from './lang/script.js'
export type {ProseModel} from './core/engine.js'
export type {ProseSentence, JapaneseWordData} from './core/text-model.js'
export {toJsonReport, type JsonReport, type JsonMessage} from './report/json.js'
export {findCtas} from './cta/find-ctas.js'
export {SCORE_WEIGHTS} from './cta/score.js'
export type {
  AskForm,
  Cta,
  CtaInventory,
  CtaKind,
  CtaPoint,
  CtaPosition,
  CtaReason,
  CtaSpan,
  NonAskKind,
  NonAskLink,
  SectionCtas
} from './cta/types.js'
export {PackError, loadPack, type UserPack, type ParsedPack} from './core/user-packs.js'
export {regexHazard} from './core/safe-regex.js'
export {analyze, createAnalyzer, analysisOf, type AnalyzeOptions, type Analyzer} from './analyze/analyze.js'
export {archiveOf, type ArchiveEntry, type ArchiveOptions, type ArchiveReport, type ArchiveIssue} from './analyze/archive.js'
export type {ArchiveFinding} from './analyze/archive-findings.js'
export type {Analysis, AnalysisReport, SectionAnalysis, StageReport, CtaSummary, PushinessReport} from './analyze/types.js'
export type {Readability, JapaneseReadability, EnglishReadability} from './analyze/readability.js'
export {DEFAULT_PUSHINESS, type PushinessOptions} from './analyze/pushiness.js'
export {DEFAULT_INFERENCE, type InferenceOptions, type StageSignal, type SignalName} from './analyze/stage-inference.js'
