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
})
