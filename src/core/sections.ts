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

/**
 * The index of the section holding `offset` (start ≤ offset < end), or -1. Sections
 * are in document order and do not overlap (each ends where the next heading
 * starts), so a binary search finds it: a draft with thousands of headings is not
 * scanned once per section (issue 13).
 */
export function sectionIndexAt(sections: readonly {start: number; end: number}[], offset: number): number {
  let low = 0
  let high = sections.length - 1
  let at = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (sections[middle]!.start <= offset) {
      at = middle
      low = middle + 1
    } else high = middle - 1
  }
  return at >= 0 && offset < sections[at]!.end ? at : -1
}

/**
 * Items per section, index for index with `sections`, each list in the items'
 * order; an item whose offset is in no section (or undefined) is left out.
 */
export function bySection<T>(items: Iterable<T>, sections: readonly {start: number; end: number}[], offsetOf: (item: T) => number | undefined): T[][] {
  const found: T[][] = sections.map(() => [])
  for (const item of items) {
    const offset = offsetOf(item)
    const at = offset === undefined ? -1 : sectionIndexAt(sections, offset)
    if (at >= 0) found[at]!.push(item)
  }
  return found
}
