import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

// Every site config shown in the README and docs is a file of a site that
// `npm run e2e` builds, copied verbatim, so the snippets run as they are (issue 14).
const root = path.resolve(import.meta.dirname, '..')
const SITE_FILES = ['e2e/astro/astro.config.mjs', 'e2e/docusaurus/docusaurus.config.js', 'e2e/next/next.config.mjs', 'e2e/next/mdx-components.js']
const documents = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)]

/** Code blocks whose first line names a site config file: `// astro.config.mjs …`. */
function configBlocks(text: string): {name: string; code: string}[] {
  const blocks: {name: string; code: string}[] = []
  for (const match of text.matchAll(/^```(?:js|mjs|javascript)\n([\s\S]*?)^```$/gm)) {
    const code = match[1]!
    const named = /^\/\/ ((?:astro|docusaurus|next)\.config\.m?js|mdx-components\.js)\b/.exec(code)
    if (named) blocks.push({name: named[1]!, code})
  }
  return blocks
}

describe('site config snippets', () => {
  const sources = new Map(SITE_FILES.map((file) => [path.basename(file), readFileSync(path.join(root, file), 'utf8')]))

  it.each(documents)('%s shows site configs only as the e2e sites have them', (document) => {
    for (const {name, code} of configBlocks(readFileSync(path.join(root, document), 'utf8'))) {
      expect(sources.has(name), `${document}: ${name} is no e2e site file`).toBe(true)
      expect(code, `${document}: ${name}`).toBe(sources.get(name))
    }
  })

  it('the README shows every site config', () => {
    const shown = configBlocks(readFileSync(path.join(root, 'README.md'), 'utf8')).map((block) => block.name)
    expect(shown.sort()).toEqual([...sources.keys()].sort())
  })

  it('the Docusaurus config has what Docusaurus requires, and Next serves js pages', () => {
    expect(sources.get('docusaurus.config.js')).toMatch(/title: .*\n\s*url: .*\n\s*baseUrl: /)
    expect(sources.get('next.config.mjs')).toMatch(/pageExtensions: \['js', 'jsx', 'md', 'mdx', 'ts', 'tsx'\]/)
  })
})
