import {execFileSync} from 'node:child_process'
import {createRequire} from 'node:module'
import path from 'node:path'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'

// The CJS build requires the ESM-only unified stack through Node's
// require(esm) (Node >= 20.19). Load it exactly as a CommonJS user would.
const require = createRequire(path.resolve(import.meta.dirname, '../package.json'))

describe('CommonJS', () => {
  it("require('trustlint') lints a string", async () => {
    const trustlint = require('trustlint') as typeof import('../src/index.js')
    const file = await trustlint.lint('大至急、ご確認を。Act now.')
    expect(file.messages.map((message) => [message.ruleId, message.actual])).toEqual([
      ['urgency', '大至急'],
      ['urgency', 'Act now']
    ])
  })

  it("require('trustlint/remark') is the plugin itself, and it lints", async () => {
    const plugin = require('trustlint/remark') as typeof import('../src/remark.js').default
    expect(typeof plugin).toBe('function')
    const processor = unified().use(remarkParse).use(plugin)
    const tree = processor.parse('Act now.')
    const file = new VFile('Act now.')
    await processor.run(tree, file)
    expect(file.messages.map((message) => message.ruleId)).toEqual(['urgency'])
  })

  it('checks its options on the first file (the CommonJS entry loads the ESM build then)', async () => {
    const plugin = require('trustlint/remark') as typeof import('../src/remark.js').default
    const processor = unified().use(remarkParse).use(plugin, {report: 'loud' as never})
    const file = new VFile('Act now.')
    await expect(processor.run(processor.parse(file), file)).rejects.toThrow('Option "report" must be messages, console or fail, got "loud"')
  })

  it('loads by name beside remark-gfm as @next/mdx does: require.resolve, then every import() at once', () => {
    // @next/mdx's loader resolves each named plugin with require.resolve (the
    // `require` condition: dist/remark.cjs) and imports them in parallel. A CJS
    // entry that require()s the ESM-only stack at load time then races the
    // import of remark-gfm on Node 20 (ERR_INTERNAL_ASSERTION, issue 14).
    const script = `
      const {createRequire} = require('node:module')
      const resolve = createRequire(process.cwd() + '/package.json').resolve
      Promise.all(['remark-gfm', 'trustlint/remark', 'remark-parse', 'unified'].map((name) => import(resolve(name))))
        .then(async ([gfm, plugin, parse, {unified}]) => {
          const processor = unified().use(parse.default).use(gfm.default).use(plugin.default, {stage: 'education'})
          const {VFile} = await import(resolve('vfile'))
          const vfile = new VFile('Act now.')
          await processor.run(processor.parse(vfile), vfile)
          process.stdout.write(vfile.messages.map((message) => message.ruleId).join(','))
        })`
    const output = execFileSync(process.execPath, ['-e', script], {cwd: path.resolve(import.meta.dirname, '..'), encoding: 'utf8'})
    expect(output).toBe('urgency')
  })
})
