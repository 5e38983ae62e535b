import type {Root} from 'mdast'
import type {Location} from 'vfile-location'
import type {ProseBlock} from '../core/prose.js'
import {bySection, splitSections, type Section} from '../core/sections.js'
import {scopeAt, type StageScope} from '../core/stage-directives.js'
import type {Stage} from '../core/stages.js'
import type {ProseSentence} from '../core/text-model.js'
import {buildInventory} from '../cta/inventory.js'
import {DEFAULT_INFERENCE, inferSectionStage, sectionText, type StageInference} from './stage-inference.js'

/** What `stage: auto` decided for the sections nothing declares. */
export interface AutoStages {
  /** Sections whose inferred stage the rules use. */
  scopes: StageScope[]
  /** Sections left at the fallback stage because the inference was not confident enough. */
  unsure: {section: Section; inference: StageInference; start: number; end: number}[]
}

export interface AutoStageInput {
  tree: Root
  source: string
  location: Location
  blocks: ProseBlock[]
  sentences: ProseSentence[]
  /** Directive scopes: sections they cover keep their declared stage. */
  declared: StageScope[]
  fallback: Stage
  threshold?: number
}

/**
 * `stage: auto`: infer the stage of every section that no directive covers.
 * A confident inference becomes a scope the rules use; below the threshold
 * the section keeps the fallback stage and is listed in `unsure`.
 */
export function autoStages(input: AutoStageInput): AutoStages {
  const threshold = input.threshold ?? DEFAULT_INFERENCE.threshold
  const sections = splitSections(input.tree, input.blocks, () => input.fallback)
  const inventory = buildInventory({
    source: input.source,
    tree: input.tree,
    location: input.location,
    sentences: input.sentences,
    sections,
    stageAt: () => input.fallback
  })
  const scopes: StageScope[] = []
  const unsure: AutoStages['unsure'] = []
  const sentencesBySection = bySection(input.sentences, sections, (sentence) => sentence.start)
  for (const [index, section] of sections.entries()) {
    if (scopeAt(input.declared, section.start)) continue
    const sentences = sentencesBySection[index]!
    if (sentences.length === 0) continue
    // The inventory has one entry per section given, in the same order.
    const ctas = inventory.sections[index]
    const inference = inferSectionStage(sectionText(section, sentences, input.source), ctas)
    if (inference.confidence >= threshold) scopes.push({stage: inference.inferred, start: section.start, end: section.end})
    else unsure.push({section, inference, start: sentences[0]!.start, end: sentences[0]!.end})
  }
  return {scopes, unsure}
}
