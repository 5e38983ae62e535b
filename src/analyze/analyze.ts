import type {Root} from 'mdast'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {location as locate} from 'vfile-location'
import {readFrontMatter} from '../core/front-matter.js'
import {createLinter, type Linter} from '../core/processor.js'
import type {TrustlintOptions} from '../core/options.js'
import {bySection, splitSections, type Section} from '../core/sections.js'
import {readStageDirectives, scopeAt, stageAt} from '../core/stage-directives.js'
import type {Stage} from '../core/stages.js'
import type {ProseSentence} from '../core/text-model.js'
import type {Cta, SectionCtas} from '../cta/types.js'
import {toJsonReport, type JsonMessage, type JsonPoint} from '../report/json.js'
import {frontMatterDate} from './archive-dates.js'
import {DEFAULT_PUSHINESS, pushinessOf, type PushinessOptions} from './pushiness.js'
import {readabilityOf} from './readability.js'
import {
  collectSignals,
  DEFAULT_INFERENCE,
  inferDocumentStage,
  scoreSignals,
  sectionText,
  type InferenceOptions,
  type SectionEvidence
} from './stage-inference.js'
import type {Analysis, CtaSummary, PushinessReport, SectionAnalysis, StageReport} from './types.js'

/** Options of `analyze()`: the linter's, plus the score formulas. */
export interface AnalyzeOptions extends TrustlintOptions {
  pushiness?: Partial<PushinessOptions>
  inference?: Partial<InferenceOptions>
}

/** An analyzer reusing one linter across documents. */
export interface Analyzer {
  analyze(input: string | VFile): Promise<Analysis>
}

/** Create an analyzer; options are checked once. */
export function createAnalyzer(options: AnalyzeOptions = {}): Analyzer {
  const {pushiness, inference, ...lintOptions} = options
  const linter = createLinter(lintOptions)
  const pushinessOptions = {...DEFAULT_PUSHINESS, ...pushiness, weights: {...DEFAULT_PUSHINESS.weights, ...pushiness?.weights}}
  const inferenceOptions = {...DEFAULT_INFERENCE, ...inference, priors: {...DEFAULT_INFERENCE.priors, ...inference?.priors}}
  return {
    analyze: (input) => analyzeWith(linter, input, pushinessOptions, inferenceOptions)
  }
}

/**
 * Analyze one draft: for the document and each heading-delimited section, the
 * stage (declared, inferred with confidence and the signals behind it, used),
 * pushiness 0–100 with its findings, the calls to action and their strength,
 * and readability. The findings are the linter's, so they match `lint()`.
 */
export function analyze(input: string | VFile, options: AnalyzeOptions = {}): Promise<Analysis> {
  return createAnalyzer(options).analyze(input)
}

async function analyzeWith(
  linter: Linter,
  input: string | VFile,
  pushinessOptions: PushinessOptions,
  inferenceOptions: InferenceOptions
): Promise<Analysis> {
  const {file, tree} = await linter.lintWithTree(input instanceof VFile ? input : new VFile({value: input}))
  return analysisOf(file, tree, pushinessOptions, inferenceOptions)
}

/**
 * The analysis of a file that has just been linted (its messages, prose model
 * and CTA inventory are on the file). Used by `analyze()` and by the remark plugin.
 */
export function analysisOf(
  file: VFile,
  tree: Root | undefined,
  pushinessOptions: PushinessOptions = DEFAULT_PUSHINESS,
  inferenceOptions: InferenceOptions = DEFAULT_INFERENCE
): Analysis {
  const source = String(file.value ?? '')
  const prose = file.data.trustlintProse
  const messages = toJsonReport([file]).files[0]!.messages
  // toJsonReport keeps the order of file.messages.
  const asJson = new Map(file.messages.map((message, index) => [message, messages[index]!]))
  const path = (file.path ?? '<input>').replaceAll('\\', '/')
  if (!prose || !tree) {
    // The file did not parse (MDX): nothing to analyze but the message.
    return emptyAnalysis(path, messages)
  }
  const location = locate(file)
  const point = (offset: number): JsonPoint => {
    const found = location.toPoint(offset)
    return {line: found?.line ?? 1, column: found?.column ?? 1, offset}
  }
  const directives = readStageDirectives(tree).scopes
  const declaredAt = (offset: number): Stage | null => scopeAt(directives, offset) ?? prose.documentStage ?? null
  const sections = splitSections(tree, prose.blocks, (offset) => stageAt(directives, offset, prose.documentStage ?? 'education'))
  const inventory = file.data.trustlintCtas?.sections ?? []

  const parts = stageEvidenceOf(file, tree, sections)
  const evidence = parts.map((part) => part.evidence)
  const findingsBySection = messagesBySection(file.messages, parts.map((part) => part.section))
  const sectionAnalyses: SectionAnalysis[] = parts.map(({section, sentences, ctas, evidence: found}, index) => {
    const inferred = scoreSignals(found.signals, found.sentences, inferenceOptions, found)
    const declared = declaredAt(section.start)
    const stage: StageReport = {
      declared,
      inferred: inferred.inferred,
      confidence: inferred.confidence,
      used: sentences[0]?.stage ?? declared ?? section.stage,
      signals: inferred.signals
    }
    const inside = findingsBySection[index]!
    const readability = readabilityOf(sentences.filter((sentence) => sentence.block.kind !== 'heading'), source)
    const heading = section.heading ? source.slice(section.heading.start, section.heading.end).replace(/^#+\s*|\s*#*\s*$/g, '') : null
    return {
      heading,
      start: point(section.start),
      end: point(section.end),
      stage,
      pushiness: pushinessReport(inside, readability.chars, asJson, pushinessOptions),
      cta: ctaSummary(ctas ? [ctas] : []),
      readability
    }
  })

  // The document as a whole: every section's evidence, asks and findings together.
  const allSentences = prose.sentences
  const documentInference = inferDocumentStage(evidence, inferenceOptions)
  const documentReadability = readabilityOf(allSentences.filter((sentence) => sentence.block.kind !== 'heading'), source)
  const usedStages = new Set(sectionAnalyses.map((section) => section.stage.used))
  return {
    path,
    document: {
      stage: {
        declared: prose.documentStage ?? null,
        inferred: documentInference.inferred,
        confidence: documentInference.confidence,
        used: usedStages.size === 1 ? [...usedStages][0]! : (prose.documentStage ?? documentInference.inferred),
        signals: documentInference.signals
      },
      pushiness: pushinessReport(file.messages, documentReadability.chars, asJson, pushinessOptions),
      cta: ctaSummary(inventory),
      readability: documentReadability
    },
    sections: sectionAnalyses,
    frontMatterDate: frontMatterDate(readFrontMatter(tree, source).data),
    messages
  }
}

/** A section with its sentences, its CTA inventory and the stage evidence in it. */
export interface SectionPart {
  section: Section
  sentences: ProseSentence[]
  ctas: SectionCtas | undefined
  evidence: SectionEvidence
}

/**
 * The stage evidence of each section of a file that has just been linted (its
 * prose model and CTA inventory are on the file). bench/fit-stage-weights.ts
 * reads the same evidence to fit the model that scores it.
 */
export function stageEvidenceOf(file: VFile, tree: Root, sections?: Section[]): SectionPart[] {
  const source = String(file.value ?? '')
  const prose = file.data.trustlintProse
  if (!prose) return []
  const parts = sections ?? splitSections(tree, prose.blocks, () => 'education')
  // A section's CTA inventory by the offset it starts at (the first entry, if two start there).
  const inventory = new Map<number, SectionCtas>()
  for (const entry of file.data.trustlintCtas?.sections ?? []) if (!inventory.has(entry.start)) inventory.set(entry.start, entry)
  // Sentences are in document order: hand each section its run of them in one pass.
  let cursor = 0
  return parts.map((section) => {
    while (cursor < prose.sentences.length && prose.sentences[cursor]!.start < section.start) cursor++
    const first = cursor
    while (cursor < prose.sentences.length && prose.sentences[cursor]!.start < section.end) cursor++
    const sentences = prose.sentences.slice(first, cursor)
    const ctas = inventory.get(section.start)
    return {section, sentences, ctas, evidence: collectSignals(sectionText(section, sentences, source), ctas)}
  })
}

/** The messages that start inside each section, in file order. */
function messagesBySection(messages: VFileMessage[], sections: Section[]): VFileMessage[][] {
  return bySection(messages, sections, (message) => (message.place && 'start' in message.place ? message.place.start : message.place)?.offset)
}

function pushinessReport(findings: VFileMessage[], chars: number, json: Map<VFileMessage, JsonMessage>, options: PushinessOptions): PushinessReport {
  const result = pushinessOf(findings, chars, options)
  return {score: result.score, density: result.density, findings: result.findings.map((finding) => json.get(finding)!)}
}

function ctaSummary(sections: SectionCtas[]): CtaSummary {
  const ctas: Cta[] = sections.flatMap((section) => section.ctas)
  if (ctas.length === 0) return {count: 0, primary: null, competing: 0, meanStrength: null}
  const primaries = ctas.filter((cta) => cta.primary)
  const pool = primaries.length > 0 ? primaries : ctas
  const best = pool.reduce((a, b) => (b.score > a.score ? b : a))
  const targets = new Set(primaries.map((cta) => cta.target ?? cta.text))
  return {
    count: ctas.length,
    primary: {
      text: best.text,
      url: best.url ?? null,
      strength: best.score,
      reasons: best.reasons,
      start: best.position.start,
      end: best.position.end
    },
    competing: Math.max(0, targets.size - 1),
    meanStrength: Math.round((ctas.reduce((sum, cta) => sum + cta.score, 0) / ctas.length) * 100) / 100
  }
}

function emptyAnalysis(path: string, messages: JsonMessage[]): Analysis {
  const readability = {chars: 0, japaneseShare: 0, ja: null, en: null, exclamationsPer1000: 0}
  const stage: StageReport = {declared: null, inferred: 'education', confidence: 0, used: 'education', signals: []}
  return {
    path,
    document: {stage, pushiness: {score: 0, density: 0, findings: []}, cta: {count: 0, primary: null, competing: 0, meanStrength: null}, readability},
    sections: [],
    frontMatterDate: null,
    messages
  }
}

