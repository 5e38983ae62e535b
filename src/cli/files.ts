import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {lstat, readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {glob, isDynamicPattern} from 'tinyglobby'
import {UsageError} from './args.js'
import {FORMAT_EXTENSIONS} from '../formats/index.js'

/** Extensions linted when a folder or glob is given: every format's (src/formats/index.ts). */
const LINTABLE = FORMAT_EXTENSIONS

/** A path the user gave that could not be used, with the reason. */
export interface MissingPath {
  path: string
  reason: string
}

/** How to pick files. */
export interface FileSelection {
  cwd: string
  ignorePaths: string[]
  ignorePatterns: string[]
  /** Also use .gitignore and .trustlintignore of the working folder. */
  useDefaultIgnores: boolean
}

/** Build the ignore matcher: .gitignore, .trustlintignore, --ignore-path files, --ignore-pattern. */
export function ignoreMatcher(selection: FileSelection): Ignore {
  const matcher = ignore().add(['node_modules/', '.git/'])
  const files = [...(selection.useDefaultIgnores ? ['.gitignore', '.trustlintignore'] : []), ...selection.ignorePaths]
  for (const file of files) {
    const full = path.resolve(selection.cwd, file)
    if (existsSync(full)) matcher.add(readFileSync(full, 'utf8'))
    else if (selection.ignorePaths.includes(file)) throw new UsageError(`--ignore-path ${file}: no such file`)
  }
  matcher.add(selection.ignorePatterns)
  return matcher
}

/**
 * Expand globs, folders and files into the files to lint, sorted. Folders and
 * globs yield .md, .markdown, .mdx, .html, .htm, .eml and .txt files outside ignored paths;
 * a file named explicitly is linted whatever its extension, unless ignored.
 */
export async function expandPaths(inputs: string[], selection: FileSelection): Promise<{files: string[]; missing: MissingPath[]}> {
  const matcher = ignoreMatcher(selection)
  const ignored = (file: string) => {
    const relative = path.relative(selection.cwd, path.resolve(selection.cwd, file)).split(path.sep).join('/')
    return relative !== '' && !relative.startsWith('..') && matcher.ignores(relative)
  }
  const files: string[] = []
  const missing: MissingPath[] = []
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const found = await glob(input, {cwd: selection.cwd, dot: false, onlyFiles: true, ignore: ['**/node_modules/**']})
      files.push(...found.filter((file) => LINTABLE.includes(path.extname(file).toLowerCase()) && !ignored(file)))
      continue
    }
    const full = path.resolve(selection.cwd, input)
    let info
    try {
      info = await stat(full)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const broken = code === 'ENOENT' && (await lstat(full).then((link) => link.isSymbolicLink(), () => false))
      missing.push({path: input, reason: code === 'ELOOP' ? LOOP : broken ? 'broken symbolic link' : code === 'ENOENT' ? 'no such file or folder' : (error as Error).message})
      continue
    }
    if (info.isDirectory()) {
      for (const file of await walk(full, selection.cwd, matcher, missing)) files.push(file)
    } else if (!ignored(input)) {
      files.push(path.relative(selection.cwd, full) || input)
    }
  }
  return {files: [...new Set(files.map((file) => file.split(path.sep).join('/')))].sort(), missing}
}

const LOOP = 'symbolic link loop (it points back at itself)'

async function walk(folder: string, cwd: string, matcher: Ignore, missing: MissingPath[]): Promise<string[]> {
  const found: string[] = []
  let entries
  try {
    entries = await readdir(folder, {withFileTypes: true})
  } catch (error) {
    missing.push({path: path.relative(cwd, folder), reason: (error as Error).message})
    return found
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name)
    const relative = path.relative(cwd, full).split(path.sep).join('/')
    const outside = relative.startsWith('..')
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      if (!outside && matcher.ignores(relative + '/')) continue
      found.push(...(await walk(full, cwd, matcher, missing)))
    } else if (LINTABLE.includes(path.extname(entry.name).toLowerCase())) {
      if (!outside && matcher.ignores(relative)) continue
      if (entry.isSymbolicLink()) {
        const code = await stat(full).then(() => undefined, (error: NodeJS.ErrnoException) => error.code ?? 'ERROR')
        if (code) {
          missing.push({path: relative, reason: code === 'ELOOP' ? LOOP : 'broken symbolic link'})
          continue
        }
      }
      found.push(outside ? full : relative)
    }
  }
  return found
}

/** Files changed since a git ref (committed, staged, unstaged and untracked), relative to cwd. */
export function changedSince(ref: string, cwd: string): Set<string> {
  const git = (args: string[]) =>
    execFileSync('git', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
      .split('\n')
      .filter(Boolean)
  try {
    const changed = git(['diff', '--name-only', '--relative', '--diff-filter=ACMRT', ref])
    const untracked = git(['ls-files', '--others', '--exclude-standard'])
    return new Set([...changed, ...untracked])
  } catch (error) {
    const detail = (error as {stderr?: string}).stderr?.trim() || (error as Error).message
    throw new UsageError(`--changed-since ${ref}: git could not list changed files (${detail.split('\n')[0]})`)
  }
}

/** Parse `--shard i/n` (1-based). */
export function parseShard(value: string): {index: number; count: number} {
  const match = /^(\d+)\/(\d+)$/.exec(value)
  const index = match ? Number(match[1]) : NaN
  const count = match ? Number(match[2]) : NaN
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard expects i/n with 1 ≤ i ≤ n, got "${value}"`)
  return {index, count}
}

/**
 * Keep the files of one shard. A file's shard comes from a hash of its path,
 * so adding or removing other files never moves it to another shard.
 */
export function inShard(file: string, shard: {index: number; count: number}): boolean {
  const hash = createHash('sha1').update(file).digest().readUInt32BE(0)
  return hash % shard.count === shard.index - 1
}
