import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'
import {stylish, suggestionLine} from '../src/report/stylish.js'

describe('stylish report', () => {
  it('shows each suggestion on its own indented line under its finding, in the language of the text', async () => {
    const file = await lint(new VFile({path: 'lesson.md', value: '# Lesson\n\nAct now and read on.\n\n大至急、ご確認を。\n'}))
    const lines = stylish([file], {color: false}).split('\n')
    expect(lines[0]).toBe('lesson.md')
    expect(lines[1]).toMatch(/^3:1-3:8 +warning +“Act now”.* urgency +trustlint$/)
    expect(lines[2]).toBe(`    suggestion: ${file.messages[0]!.expected!.map((value) => `\`${value}\``).join(', ')}`)
    expect(lines[3]).toMatch(/^5:1-5:4 +warning +「大至急」.* urgency +trustlint$/)
    expect(lines[4]).toBe(`    提案: ${file.messages[1]!.expected!.map((value) => `「${value}」`).join('、')}`)
    // The report shows copies: the files keep their messages as they were.
    expect(file.messages[0]!.message).not.toContain('suggestion')
  })

  it('says "delete it" for an empty suggestion list and nothing without one', () => {
    const file = new VFile({path: 'a.md'})
    const remove = file.message('Remove the filler', {place: {line: 1, column: 1}, ruleId: 'x'})
    remove.expected = []
    const none = file.message('No mechanical fix', {place: {line: 2, column: 1}, ruleId: 'y'})
    expect(suggestionLine(remove)).toBe('suggestion: delete it')
    remove.lang = 'ja'
    expect(suggestionLine(remove)).toBe('提案: 削除する')
    expect(suggestionLine(none)).toBeUndefined()
    expect(stylish([file], {color: false}).split('\n').filter((line) => line.startsWith('    '))).toEqual(['    提案: 削除する'])
  })
})
