import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'

/** Extensions read as Markdown (MDX is read as Markdown for now). */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdx']

/** A path the user gave that could not be used, with the reason. */
export interface MissingPath {
  path: string
  reason: string
}

/**
 * Expand files and folders into Markdown files, in a stable order. Folders are
 * walked recursively, skipping node_modules and hidden folders; files named
 * explicitly are kept whatever their extension.
 */
export async function expandPaths(inputs: string[]): Promise<{files: string[]; missing: MissingPath[]}> {
  const files: string[] = []
  const missing: MissingPath[] = []
  for (const input of inputs) {
    let info
    try {
      info = await stat(input)
    } catch (error) {
      missing.push({path: input, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message})
      continue
    }
    if (info.isDirectory()) files.push(...(await walk(input)))
    else files.push(input)
  }
  return {files: [...new Set(files)], missing}
}

async function walk(folder: string): Promise<string[]> {
  const found: string[] = []
  const entries = await readdir(folder, {withFileTypes: true})
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
      found.push(...(await walk(full)))
    } else if (MARKDOWN_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
      found.push(full)
    }
  }
  return found
}
