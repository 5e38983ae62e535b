import type {Root} from 'mdast'
import {isHeaderBlock, type ProseBlock} from './prose.js'
import type {Stage} from './stages.js'

/**
 * A heading-delimited part of a document: from a heading (or the start of the
 * document) to the next heading of any level. The CTA rules judge a closing
 * section as a whole; the stage is the one in force at the section's first block.
 */
export interface Section {
  /** Heading text, or undefined for the part before the first heading. */
  heading: ProseBlock | undefined
  /** Source offsets. */
  start: number
  end: number
  blocks: ProseBlock[]
  stage: Stage
}

/** Split a document's blocks into sections at every heading. */
export function splitSections(tree: Root, blocks: ProseBlock[], stageOf: (offset: number) => Stage): Section[] {
  const documentEnd = tree.position?.end.offset ?? 0
  const sections: Section[] = []
  let current: Section = {heading: undefined, start: 0, end: documentEnd, blocks: [], stage: stageOf(0)}
  for (const block of blocks) {
    // The subject line and preheader are read before the body, not in its first section.
    if (isHeaderBlock(block)) continue
    if (block.kind === 'heading') {
      current.end = block.start
      if (current.blocks.length > 0 || current.heading) sections.push(current)
      current = {heading: block, start: block.start, end: documentEnd, blocks: [block], stage: stageOf(block.start)}
    } else {
      if (current.blocks.length === 0 && !current.heading) current.stage = stageOf(block.start)
      current.blocks.push(block)
    }
  }
  if (current.blocks.length > 0 || current.heading) sections.push(current)
  return sections
}
