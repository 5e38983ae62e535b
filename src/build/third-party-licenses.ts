/**
 * The CLI bundles its dependencies (tsup.config.ts: one file loads much faster than some
 * four hundred modules; docs/performance.md, Round 4). Their licences ask that their notices travel with copies, so the
 * build writes the notice of every package in the bundle next to it, from esbuild's
 * metafile: name, version, licence and licence text.
 */
import {existsSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'

/** Write `out` from the metafile's inputs, then remove the metafile (it is not shipped). */
export function writeThirdPartyLicenses(root: string, metafile: string, out: string): void {
  const {inputs} = JSON.parse(readFileSync(metafile, 'utf8')) as {inputs: Record<string, unknown>}
  const packages = new Set<string>()
  for (const input of Object.keys(inputs)) {
    // The innermost node_modules folder names the package a file belongs to.
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(input)
    if (match) packages.add(input.slice(0, match.index + match[0].length - 1).replace(/^.*?node_modules\//, 'node_modules/'))
  }
  const notices = [...packages].sort().map((folder) => {
    const manifest = JSON.parse(readFileSync(path.join(root, folder, 'package.json'), 'utf8')) as {name: string; version: string; license?: string; licenses?: Array<{type?: string}>}
    // Old manifests list `licenses: [{type}]`.
    manifest.license ??= manifest.licenses?.map((entry) => entry.type).join(' OR ')
    const file = readdirSync(path.join(root, folder)).find((name) => /^(licen[sc]e|copying)([.-]|$)/i.test(name))
    const text = file ? readFileSync(path.join(root, folder, file), 'utf8').trim() : `${manifest.license ?? 'see package.json'} (the package ships no licence file)`
    return `${manifest.name}@${manifest.version} (${manifest.license ?? 'unknown'})\n\n${text}\n`
  })
  const header = `The trustlint CLI (dist/cli.js, dist/cli-worker.js) bundles these ${notices.length} packages.\n`
  writeFileSync(out, [header, ...notices].join('\n' + '-'.repeat(72) + '\n\n'))
  if (existsSync(metafile)) rmSync(metafile)
}
