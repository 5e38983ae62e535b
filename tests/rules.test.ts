import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {describeMessage, lintFixture, offsets, ruleFixtures} from './fixture-runner.js'

// Every fixture under fixtures/<rule>/<lang>/: ok*.md must yield no message of
// that rule; any other file must yield exactly the messages in
// <name>.expected.txt (reviewed by hand; updates show up as a diff).
describe.each(ruleFixtures().map((fixture) => [`${fixture.rule}/${fixture.lang}/${fixture.name}`, fixture] as const))(
  '%s',
  (_, fixture) => {
    it(fixture.valid ? 'yields no message of the rule' : 'yields the expected messages', async () => {
      const file = await lintFixture(fixture)
      const source = readFileSync(fixture.file, 'utf8').replace(/^\uFEFF/, '')
      for (const message of file.messages) {
        const [start, end] = offsets(message)
        expect(source.slice(start, end), describeMessage(message)).toBe(message.actual)
        expect(message.url).toMatch(/^https:\/\//)
      }
      const ours = file.messages.filter((message) => message.ruleId === fixture.rule)
      if (fixture.valid) {
        expect(ours.map(describeMessage)).toEqual([])
      } else {
        expect(ours.length, 'an invalid fixture must flag something').toBeGreaterThan(0)
        const lines = ours.map(describeMessage).join('\n') + '\n'
        await expect(lines).toMatchFileSnapshot(fixture.file.replace(/\.md$/, '.expected.txt'))
      }
    })
  }
)
