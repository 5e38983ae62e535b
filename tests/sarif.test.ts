import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {createLinter, rules} from '../src/index.js'
import {FINGERPRINT_KEY, toSarif} from '../src/report/sarif.js'

const linter = createLinter()
const sarifOf = async (value: string, root?: string) => toSarif([await linter.lint(new VFile({path: 'lessons/one.md', value}))], rules, '0.0.0', root)
const fingerprints = (log: Awaited<ReturnType<typeof sarifOf>>) =>
  log.runs[0]!.results!.map((result) => [result.ruleId, result.locations![0]!.physicalLocation!.region!.startLine, result.partialFingerprints![FINGERPRINT_KEY]])

describe('SARIF for code scanning', () => {
  it('gives each result a partial fingerprint that survives lines added above it', async () => {
    const before = fingerprints(await sarifOf('# Lesson\n\nAct now.\n\n今すぐどうぞ。\n'))
    const after = fingerprints(await sarifOf('# Lesson\n\nA new opening line.\n\nAct now.\n\n今すぐどうぞ。\n'))
    expect(before.map(([ruleId, , print]) => [ruleId, print])).toEqual(after.map(([ruleId, , print]) => [ruleId, print]))
    expect(before.map(([, line]) => line)).toEqual([3, 5])
    expect(after.map(([, line]) => line)).toEqual([5, 7])
    expect(before[0]![2]).toMatch(/^[0-9a-f]{32}$/)
  })

  it('tells equal findings in one file apart by their order', async () => {
    const prints = fingerprints(await sarifOf('# Lesson\n\nAct now.\n\nAct now.\n'))
    expect(prints).toHaveLength(2)
    expect(prints[0]![2]).not.toBe(prints[1]![2])
  })

  it('names the folder %SRCROOT% stands for when the root is known', async () => {
    const root = path.resolve('content')
    const log = await sarifOf('Act now.\n', root)
    expect(log.runs[0]!.originalUriBaseIds).toEqual({'%SRCROOT%': {uri: pathToFileURL(root + '/').href}})
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({uri: 'lessons/one.md', uriBaseId: '%SRCROOT%'})
    expect((await sarifOf('Act now.\n')).runs[0]!.originalUriBaseIds).toBeUndefined()
  })
})
