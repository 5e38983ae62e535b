import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createLinter, lint, loadPack, PackError, rules, type UserPack} from '../src/index.js'

const found = async (text: string, packs: (string | UserPack)[], extra = {}) =>
  (await lint(text, {packs, ...extra})).messages.map((message) => `${message.ruleId}:${message.actual}`)

describe('user phrase packs', () => {
  it('compiles Japanese plain text to a lemma pattern that catches conjugations', async () => {
    expect(await found('今すぐ試してください。', [])).toEqual(['urgency:今すぐ'])
    const pack: UserPack = {cues: {urgency: {ja: ['今すぐ試す']}}}
    expect(await found('今すぐ試してください。今すぐ試しましょう。', [pack])).toEqual(['urgency:今すぐ試し', 'urgency:今すぐ試し'])
    const lemma: UserPack = {cues: {scarcity: {ja: ['席が埋まる']}}}
    expect(await found('席が埋まります。席が埋まってきました。', [lemma])).toEqual(['scarcity:席が埋まり', 'scarcity:席が埋まっ'])
  })

  it('matches English entries with their inflections', async () => {
    const pack: UserPack = {cues: {urgency: {en: ['grab the deal']}}}
    expect(await found('Grab the deal. She grabbed the deal.', [pack])).toEqual(['urgency:Grab the deal', 'urgency:grabbed the deal'])
  })

  it('applies the rule’s negation and mention handling to pack cues', async () => {
    const pack: UserPack = {cues: {urgency: {ja: ['決断を急ぐ']}}}
    expect(await found('決断を急ぐ必要はありません。「決断を急ぐ」という表現。', [pack])).toEqual([])
  })

  it('runs flag: and pass: self-tests and rejects the pack naming the entry', async () => {
    const bad: UserPack = {name: 'house', cues: {urgency: {en: [{words: 'grab it now', flag: ['Get it now.']}]}}}
    expect(() => createLinter({packs: [bad]})).toThrow(PackError)
    expect(() => createLinter({packs: [bad]})).toThrow(
      'Pack "house", cues.urgency.en[0] (grab it now): self-test failed: "Get it now." must be flagged but is not'
    )
    const passFails: UserPack = {name: 'house', cues: {urgency: {en: [{words: 'grab it now', pass: ['No need to grab it now; and grab it now.']}]}}}
    expect(() => createLinter({packs: [passFails]})).toThrow(/must not be flagged but is/)
  })

  it('runs Japanese self-tests when the pack loads, with the dictionary loaded lazily', async () => {
    const bad: UserPack = {name: 'ja-house', cues: {fomo: {ja: [{text: '置いてけぼり', flag: ['置いていかれます']}]}}}
    const linter = createLinter({packs: [bad]})
    await expect(linter.lint('テスト。')).rejects.toThrow(/Pack "ja-house", cues\.fomo\.ja\[0\] \(置いてけぼり\): self-test failed/)
    await expect(loadPack(bad, rules)).rejects.toThrow(PackError)
    const good: UserPack = {cues: {fomo: {ja: [{text: '置いてけぼり', flag: ['置いてけぼりになります'], pass: ['置いていく']}]}}}
    await expect(loadPack(good, rules)).resolves.toMatchObject({entries: [{ruleId: 'fomo', lang: 'ja'}]})
  })

  it('suppresses matches inside the pack’s accept list', async () => {
    const pack: UserPack = {accept: ['今すぐ英会話', 'Act Now Coffee']}
    expect(await found('今すぐ英会話で学ぶ。Beans from Act Now Coffee.', [pack])).toEqual([])
    expect(await found('今すぐ申し込む。', [pack])).toContain('urgency:今すぐ')
  })

  it('rejects invalid and catastrophic regexes with a clear message', () => {
    const invalid: UserPack = {name: 'p', cues: {urgency: {en: [{regex: '(unclosed'}]}}}
    expect(() => createLinter({packs: [invalid]})).toThrow(/Pack "p", cues\.urgency\.en\[0\]\.regex \(\(unclosed\): invalid regular expression/)
    const evil: UserPack = {name: 'p', cues: {urgency: {en: [{regex: '(a+)+$'}]}}}
    expect(() => createLinter({packs: [evil]})).toThrow(/could backtrack catastrophically\): .*nested quantifier/)
  })

  it('rejects unknown rules and keys', () => {
    expect(() => createLinter({packs: [{cues: {urgancy: {en: ['x']}}} as UserPack]})).toThrow(/unknown rule/)
    expect(() => createLinter({packs: [{phrases: []} as unknown as UserPack]})).toThrow(/unknown key/)
  })

  it('reads a pack from a YAML file', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'trustlint-pack-'))
    const file = path.join(folder, 'house.yml')
    writeFileSync(
      file,
      ['accept: [Act Now Coffee]', 'cues:', '  urgency:', '    en:', '      - words: grab it now', '        flag: [Grab it now!]', ''].join('\n')
    )
    expect(await found('Grab it now. Act Now Coffee is open.', [file])).toEqual(['urgency:Grab it now'])
    writeFileSync(file, 'cues: [')
    expect(() => createLinter({packs: [file]})).toThrow(PackError)
  })
})
