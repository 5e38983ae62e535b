import {mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {build} from 'tsup'

/** The scripts the harness runs as child processes, built to plain ESM. */
export interface BuiltScripts {
  folder: string
  cli: string
  lintFiles: string
  floorJa: string
  floorEn: string
  throughput: string
}

/**
 * Bundle trustlint's CLI (as `npm run build` does for dist/cli.js) and the floor
 * scripts into a private folder, so every measured process is plain `node` with no
 * TypeScript loader, and a parallel `npm test` (whose build cleans dist/) cannot pull
 * the CLI away in the middle of a run.
 */
export async function buildScripts(root: string, folder: string): Promise<BuiltScripts> {
  mkdirSync(folder, {recursive: true})
  const {version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}
  const cli = await cliConfig(root)
  const previous = process.cwd()
  // tsup resolves entries and package.json externals from the working directory.
  process.chdir(root)
  try {
    await build({
      config: false,
      entry: {
        // The CLI's entries as tsup.config.ts lists them (the CLI loads its worker from a sibling file).
        ...cli.entry,
        'lint-files': 'bench/lint-files.ts',
        'floor-ja': 'bench/floor-ja.ts',
        'floor-en': 'bench/floor-en.ts',
        throughput: 'bench/throughput.ts'
      },
      outDir: folder,
      format: ['esm'],
      platform: 'node',
      target: 'node20',
      splitting: false,
      sourcemap: false,
      dts: false,
      clean: false,
      silent: true,
      // Bundled as the shipped CLI is (its dependencies inside, with its require shim); the
      // floor scripts too, so that loading costs the same on both sides of a ratio.
      external: cli.external,
      noExternal: cli.noExternal,
      banner: cli.banner,
      define: {__TRUSTLINT_VERSION__: JSON.stringify(version)}
    })
  } finally {
    process.chdir(previous)
  }
  const at = (name: string) => path.join(folder, `${name}.js`)
  return {folder, cli: at('cli'), lintFiles: at('lint-files'), floorJa: at('floor-ja'), floorEn: at('floor-en'), throughput: at('throughput')}
}

/** What the tsup config that builds the CLI says about its entries and bundling. */
interface CliConfig {
  entry: Record<string, string>
  external?: string[]
  noExternal?: Array<string | RegExp>
  banner?: {js?: string}
}

/** The tsup config that builds the CLI (`cli` and whatever it loads at run time). */
async function cliConfig(root: string): Promise<CliConfig> {
  const loaded = (await import(pathToFileURL(path.join(root, 'tsup.config.ts')).href)) as {default: unknown}
  const configs = (Array.isArray(loaded.default) ? loaded.default : [loaded.default]) as Array<Partial<CliConfig>>
  for (const config of configs) {
    const entry = config.entry
    if (entry && typeof entry === 'object' && !Array.isArray(entry) && 'cli' in entry) return {...config, entry}
  }
  return {entry: {cli: 'src/cli.ts'}, external: ['kuromoji']}
}
