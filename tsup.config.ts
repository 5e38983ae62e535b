import {readFileSync} from 'node:fs'
import {defineConfig} from 'tsup'
import {writeThirdPartyLicenses} from './src/build/third-party-licenses.js'

const {version} = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string}

// The library and the remark plugin ship as ESM and CJS. The library's CJS
// build `require`s the ESM-only unified stack, which Node >= 20.19 supports
// natively (require(esm)). The plugin's CJS entry requires nothing: it imports
// the ESM build on its first file (src/remark-cjs.ts says why). The CLI is ESM
// only. kuromoji stays external because it reads its dictionary files from its
// own package folder.
const common = {target: 'node20', platform: 'node', sourcemap: false, external: ['kuromoji'] as string[]} as const

export default defineConfig([
  {
    ...common,
    entry: {index: 'src/index.ts', remark: 'src/remark.ts'},
    format: ['esm'],
    dts: true,
    clean: true,
    splitting: true
  },
  {
    ...common,
    entry: {index: 'src/index.ts'},
    format: ['cjs'],
    dts: true,
    shims: true,
    // cjsInterop needs code splitting to rewrite the CJS default export.
    cjsInterop: true,
    splitting: true
  },
  {
    ...common,
    // `export =`: require('trustlint/remark') returns the plugin itself, as CJS site configs expect.
    entry: {remark: 'src/remark-cjs.cts'},
    format: ['cjs'],
    dts: false
  },
  {
    ...common,
    // The CJS entry's types: those of the plugin (same signature), with `export =`.
    entry: {remark: 'src/remark.ts'},
    format: ['cjs'],
    dts: {only: true},
    cjsInterop: true,
    splitting: true
  },
  {
    entry: {cli: 'src/cli.ts', 'cli-worker': 'src/cli/worker.ts'},
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    splitting: false,
    // The CLI's dependencies are bundled in: loading one file instead of some four hundred
    // modules halves an English cold start (docs/performance.md, Round 4). kuromoji reads its
    // dictionary from its own folder and piscina starts its own worker file: both stay outside.
    external: ['kuromoji', 'piscina'],
    noExternal: [/^(?!kuromoji$|piscina$)/],
    metafile: true,
    onSuccess: async () => writeThirdPartyLicenses('.', 'dist/metafile-esm.json', 'dist/cli-third-party-licenses.txt'),
    // Bundled CommonJS dependencies call require() for Node's built-ins.
    banner: {js: "#!/usr/bin/env node\nimport {createRequire as __trustlintRequire} from 'node:module'\nconst require = __trustlintRequire(import.meta.url)"},
    define: {__TRUSTLINT_VERSION__: JSON.stringify(version)}
  }
])
