import {mkdir, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'

/**
 * Write a file through a temporary sibling and a rename, so an interrupted run
 * never leaves a half-written report, cache or baseline behind.
 */
export async function writeAtomic(target: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(target)), {recursive: true})
  const temporary = `${target}.${process.pid}.tmp`
  await writeFile(temporary, text)
  await rename(temporary, target)
}
