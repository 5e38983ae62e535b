import type {CompiledRule} from '../core/rule-types.js'
import {sectionIndexAt, type Section} from '../core/sections.js'
import type {CueMatch} from '../kinds/existence.js'
import {wordMatcher, wordsOption} from './footer.js'
import type {CheckContext} from './types.js'

// A footnote mark right after a claim (No.1※1, 満足度95%*, #1¹, [^1]) points at a note elsewhere.
const MARK_AFTER = /^\s?(?:※\s?\d*|\*\d*(?!\*)|†|‡|[¹²³⁴⁵⁶⁷⁸⁹]|\[\^[^\]\s]{1,20}\]|\(\s?注\s?\d*\s?\)|（\s?注\s?\d*\s?）)/u

/**
 * Does a claim carry its basis: a footnote mark right after it, or source
 * wording (※, 出典, 調査機関, 調査期間, "according to", "source:", the basis of a
 * comparison price) in its section? The words are the rule's `sources` option.
 */
export function createSourceJudge(context: CheckContext, rule: CompiledRule): (cue: CueMatch) => boolean {
  const words = wordMatcher(wordsOption(rule, 'sources'))
  const sourced = new Map<Section, boolean>()
  const hasSource = (section: Section) => {
    let found = sourced.get(section)
    if (found === undefined) {
      const text = section.blocks.map((block) => block.text).join('\n')
      found = !!words?.test(text) || context.source.slice(section.start, section.end).includes('[^')
      sourced.set(section, found)
    }
    return found
  }
  return (cue) => {
    // Closing emphasis (**No.1**※) is markup, not a footnote mark.
    if (MARK_AFTER.test(context.source.slice(cue.end, cue.end + 24).replace(/^(?:\*\*|__|~~)+/, ''))) return true
    const section = context.sections[sectionIndexAt(context.sections, cue.start)]
    return !!section && hasSource(section)
  }
}
