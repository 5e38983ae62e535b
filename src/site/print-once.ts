import {createHash} from 'node:crypto'

// On globalThis under a Symbol.for key, so the ESM and CJS copies of the
// plugin, and every processor a host builds, share one record per process.
const KEY = Symbol.for('trustlint.remark.printed')
const store = globalThis as typeof globalThis & {[KEY]?: Map<string, string>}

/**
 * Whether a report for this file should be printed: not when the same report
 * for the same file was the last one printed in this process. Hosts compile a
 * page more than once per build (Docusaurus: client and server), and each
 * compile runs the plugin; a changed report (the file was edited in watch
 * mode) is printed again.
 */
export function firstPrint(filePath: string, report: string): boolean {
  const printed = (store[KEY] ??= new Map())
  const digest = createHash('sha1').update(report).digest('hex')
  if (printed.get(filePath) === digest) return false
  printed.set(filePath, digest)
  return true
}
