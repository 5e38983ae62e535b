import type {Stage} from '../core/stages.js'
import type {JsonMessage, JsonPoint} from '../report/json.js'
import type {ArchiveReport} from './archive.js'
import type {Readability} from './readability.js'
import type {StageSignal} from './stage-inference.js'

/** The stage of a section or document: what was declared, what the text reads as, and what the rules used. */
export interface StageReport {
  /** From a directive or front matter; null when nothing declares it. */
  declared: Stage | null
  inferred: Stage
  /** 0–1: the fitted model's probability for the inferred stage (docs/analyzer.md, "Calibration"). */
  confidence: number
  /** The stage the rules applied: the declared one, else the inferred one (with `stage: auto`) or the configured one. */
  used: Stage
  signals: StageSignal[]
}

/** The calls to action of a section or document, summarised. */
export interface CtaSummary {
  count: number
  /** The strongest primary ask (or the strongest ask when none is primary). */
  primary: {text: string; url: string | null; strength: number; reasons: {code: string; delta: number; evidence?: string}[]; start: JsonPoint; end: JsonPoint} | null
  /** Distinct primary targets beyond the main one. */
  competing: number
  /** Mean strength of all asks, 0–1 (null without asks). */
  meanStrength: number | null
}

export interface PushinessReport {
  score: number
  density: number
  findings: JsonMessage[]
}

/** One heading-delimited section. */
export interface SectionAnalysis {
  heading: string | null
  start: JsonPoint
  end: JsonPoint
  stage: StageReport
  pushiness: PushinessReport
  cta: CtaSummary
  readability: Readability
}

/** The analysis of one document: the whole, then each section. */
export interface Analysis {
  path: string
  document: {
    stage: StageReport
    pushiness: PushinessReport
    cta: CtaSummary
    readability: Readability
  }
  sections: SectionAnalysis[]
  /** The front matter's `date:` (else `published:`, `pubDate:`) as written, for the archive view; null without one. */
  frontMatterDate: {key: string; value: string} | null
  /** Every lint message of the document (the findings of all sections), for reports. */
  messages: JsonMessage[]
}

/** `trustlint analyze --format json`, version 1. */
export interface AnalysisReport {
  version: 1
  files: Omit<Analysis, 'messages' | 'frontMatterDate'>[]
  /** With two or more drafts: their sequence, balance and sequence findings (docs/analyzer.md, "Archives"). */
  archive?: ArchiveReport
}
