import {readFileSync} from 'node:fs'
import {defineConfig} from 'tsup'

const {version} = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string}

// The library and the remark plugin ship as ESM and CJS: the CJS build
// `require`s the ESM-only unified stack, which Node >= 20.19 supports natively
// (require(esm)). The CLI is ESM only. kuromoji stays external because it reads
// its dictionary files from its own package folder.
export default defineConfig([
  {
    entry: {index: 'src/index.ts', remark: 'src/remark.ts'},
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    shims: true,
    // require('trustlint/remark') returns the plugin itself, as CJS site configs expect.
    cjsInterop: true,
    sourcemap: false,
    // cjsInterop needs code splitting to rewrite the CJS default export.
    splitting: true,
    external: ['kuromoji']
  },
  {
    entry: {cli: 'src/cli.ts', 'cli-worker': 'src/cli/worker.ts'},
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    splitting: false,
    external: ['kuromoji'],
    banner: {js: '#!/usr/bin/env node'},
    define: {__TRUSTLINT_VERSION__: JSON.stringify(version)}
  }
])
