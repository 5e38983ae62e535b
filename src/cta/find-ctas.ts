import type {VFile} from 'vfile'
import {lint} from '../core/processor.js'
import type {TrustlintOptions} from '../core/options.js'
import type {CtaInventory} from './types.js'

/**
 * The calls to action of a Markdown draft, by section, with their strength
 * scores (docs/cta-inventory.md). Lints the draft with the same options as
 * `lint()`; the inventory is also on `file.data.trustlintCtas` after any lint.
 */
export async function findCtas(input: string | VFile, options?: TrustlintOptions): Promise<CtaInventory> {
  const file = await lint(input, options)
  return file.data.trustlintCtas ?? {sections: []}
}
