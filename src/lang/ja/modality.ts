import type {KuromojiToken} from './tokenizer.js'
import {POS} from './pos.js'

// The e-row before る marks a potential verb (使える, 試せる, 始められる); できる is one too.
const POTENTIAL_ENDING = /[えけげせぜてでねへべぺめれ]る$/
const POTENTIAL_SUFFIXES = new Set(['れる', 'られる'])

/**
 * Does an adverb cue (今すぐ, すぐに) describe what the reader *can* do rather than
 * order it? 今すぐ使えるテクニック, 今すぐ始められる方法, 今すぐ使えます tell the value
 * of the content; 今すぐ使ってください orders. The verb after the cue must be a
 * potential in its plain or polite form.
 */
export function isPotentialDescription(tokens: KuromojiToken[], end: number): boolean {
  let index = end
  while (index < end + 2 && tokens[index]?.pos === POS.particle) index++
  const verb = tokens[index]
  if (!verb || verb.pos !== POS.verb) return false
  let next = index + 1
  let potential = verb.basic_form === 'できる' || (verb.conjugated_type.startsWith('一段') && POTENTIAL_ENDING.test(verb.basic_form))
  if (tokens[next]?.pos === POS.verb && POTENTIAL_SUFFIXES.has(tokens[next]!.basic_form)) {
    potential = true
    next++
  }
  if (!potential) return false
  const form = tokens[next - 1]!.conjugated_form
  const after = tokens[next]
  if (form === '基本形') return !after || after.pos === POS.noun || after.pos === POS.symbol || after.pos === POS.particle
  return form === '連用形' && after?.basic_form === 'ます' && after.conjugated_form === '基本形'
}
