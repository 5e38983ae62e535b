import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {loadConfigFile, optionsFor} from '../src/cli/config.js'
import {isEmailDocument} from '../src/core/email-document.js'
import {compileRule, RuleDataError} from '../src/core/rule-pack.js'
import {createLinter, lint, rules} from '../src/index.js'
import PRESETS from '../src/generated/presets.json' with {type: 'json'}
import {placeProblems} from './helpers.js'

const PACK = ['sender-identity', 'unsubscribe', 'ad-disclosure', 'unsupported-claim', 'health-claims']
const ofRule = (file: VFile, id: string) => file.messages.filter((message) => message.ruleId === id)

describe('is this document an email', () => {
  const file = (name: string) => new VFile({path: name, value: ''})
  it.each([
    ['issue.eml', {}, undefined, true],
    ['issue.html', {}, undefined, true],
    ['ISSUE.HTM', {}, undefined, true],
    ['issue.md', {subject: '今週のお知らせ'}, undefined, true],
    ['issue.md', {subject: '  '}, undefined, false],
    ['issue.md', {title: 'A post'}, undefined, false],
    ['page.html', {}, 'page', false],
    ['issue.md', {}, 'email', true],
    ['issue.md', {subject: 'Hello'}, 'page', false]
  ] as const)('%s with front matter %j and type %s → %s', (name, frontMatter, type, expected) => {
    expect(isEmailDocument({file: file(name), frontMatter, type})).toBe(expected)
  })

  it('an explicit format counts like the extension', () => {
    expect(isEmailDocument({file: file('draft'), frontMatter: {}, format: 'eml'})).toBe(true)
    expect(isEmailDocument({file: file('draft'), frontMatter: {}, format: 'markdown'})).toBe(false)
  })
})

describe('footer findings', () => {
  it('one message per rule at the end of the document, sliced to its last character (an emoji is two units)', async () => {
    const value = '---\nsubject: Notes\n---\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph 🌱\n\n\n'
    const file = await lint(new VFile({path: 'notes.md', value}))
    for (const id of ['sender-identity', 'unsubscribe']) {
      const found = ofRule(file, id)
      expect(found, id).toHaveLength(1)
      expect(found[0]!.actual).toBe('🌱')
      expect(placeProblems(value, found[0]!)).toEqual([])
      expect(found[0]!.place && 'start' in found[0]!.place ? found[0]!.place.start.line : 0).toBe(9)
    }
  })

  it('a trailing character reference is one character; a lone surrogate after it is its own', async () => {
    const last = async (tail: string) => ofRule(await lint(new VFile({path: 'notes.md', value: `---\nsubject: Notes\n---\n\nSee you ${tail}\n`})), 'unsubscribe')[0]!.actual
    expect(await last('soon&#x1F331;')).toBe('&#x1F331;')
    expect(await last('soon&nbsp;')).toBe('&nbsp;')
    expect(await last('soon&amp;\ude00')).toBe('\ude00')
  })

  it('names every missing item and the law in the document language, or in the locale', async () => {
    const value = '---\nsubject: お知らせ\n---\n\n今週の記事です。\n'
    const [message] = ofRule(await lint(new VFile({path: 'a.md', value})), 'sender-identity')
    expect(message!.reason).toContain('送信者の氏名または名称、住所、苦情・問い合わせの連絡先')
    expect(message!.reason).toContain('特定電子メール法 第4条')
    const [english] = ofRule(await lint(new VFile({path: 'a.md', value}), {locale: 'en'}), 'sender-identity')
    expect(english!.reason).toContain("the sender's name, a postal address, an inquiry contact")
    expect(english!.reason).toContain('Specified Electronic Mail')
  })

  it('in a saved email, the From display name counts as the sender name (it is on the reader\'s screen)', async () => {
    const body = '今週の記事です。\n\n住所：東京都千代田区一番町1-1\nお問い合わせ：info@example.com\n配信停止はこちら https://example.com/stop\n'
    const eml = (from: string) => `From: ${from}\r\nTo: a@example.com\r\nSubject: =?UTF-8?B?${Buffer.from('お知らせ').toString('base64')}?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(body).toString('base64')}\r\n`
    const named = await lint(new VFile({path: 'issue.eml', value: eml(`=?UTF-8?B?${Buffer.from('みどり園芸').toString('base64')}?= <news@example.com>`)}))
    expect(ofRule(named, 'sender-identity')).toEqual([])
    const bare = await lint(new VFile({path: 'issue.eml', value: eml('news@example.com')}))
    const [message] = ofRule(bare, 'sender-identity')
    expect(message!.reason).toContain('送信者の氏名または名称')
    expect(message!.reason).not.toContain('住所')
  })

  it('a document that is not an email, or whose service adds the footer, gets no footer message', async () => {
    const value = 'A blog post without any footer.\n'
    expect(ofRule(await lint(new VFile({path: 'post.md', value})), 'unsubscribe')).toEqual([])
    const email = new VFile({path: 'issue.html', value})
    expect(ofRule(await lint(email), 'unsubscribe')).toHaveLength(1)
    expect(ofRule(await lint(new VFile({path: 'issue.html', value}), {footer: 'provided-by-service'}), 'unsubscribe')).toEqual([])
    expect(ofRule(await lint(new VFile({path: 'issue.html', value}), {type: 'page'}), 'unsubscribe')).toEqual([])
  })

  const body = '---\nsubject: Notes\n---\n\nA short lesson on bread.\n\n'
  it.each([
    ['*|UNSUB|*'],
    ['[Unsubscribe](*|UNSUB|*)'],
    ['<a href="*|UNSUB|*">Leave the list</a>'],
    ['<%asm_group_unsubscribe_raw_url%>'],
    ['<% %>'],
    ['<%asm_preferences_raw_url%>'],
    ['*|UPDATE_PROFILE|*'],
    ['<a href="<%asm_group_unsubscribe_raw_url%>">Stop</a>'],
    ['{{ unsubscribe_url }}'],
    ['{{unsubscribeUrl}}'],
    ['{% unsubscribe_link %}'],
    ['%%unsubscribe%%'],
    ['%unsubscribe_url%'],
    ['%mailing_list_unsubscribe_url%'],
    ['::unsubscribeUrl::'],
    ['[unsubscribe]'],
    ['<unsubscribe>Leave this list</unsubscribe>'],
    ['[UNSUBSCRIBE_URL]'],
    ['[*link.unsub_url*]'],
    ['{UNSUBSCRIBE_URL}'],
    ['[unsubscribe here]({{ unsubscribe_url }})'],
    ['{{ manage_preferences_url }}']
  ])('the ESP placeholder %s counts as an opt-out', async (placeholder) => {
    const file = await lint(new VFile({path: 'a.md', value: body + placeholder + '\n'}))
    expect(ofRule(file, 'unsubscribe')).toEqual([])
  })

  it.each([['{{ first_name }}'], ['{{ email_address }}'], ['*|FNAME|*'], ['{{ subscribe_url }}'], ['[Tip]'], ['{note}']])('the placeholder %s is not an opt-out', async (placeholder) => {
    const file = await lint(new VFile({path: 'a.md', value: body + placeholder + '\n'}))
    expect(ofRule(file, 'unsubscribe')).toHaveLength(1)
  })

  it.each([['*|LIST:ADDRESS|*'], ['*|HTML:LIST_ADDRESS_HTML|*'], ['{{ mailing_address }}']])('the placeholder %s counts as the postal address', async (placeholder) => {
    const file = await lint(new VFile({path: 'a.md', value: body + placeholder + '\n'}))
    expect(ofRule(file, 'sender-identity')).toEqual([])
  })
})

describe('claims rules', () => {
  it('run in every stage', async () => {
    const value = '# The course\n\nIt is the #1 rated course for new bakers.\n'
    for (const stage of ['education', 'acquisition', 'sales'] as const) {
      expect(ofRule(await lint(value, {stage}), 'unsupported-claim'), stage).toHaveLength(1)
    }
  })

  it('a quoted claim is a mention, not a claim', async () => {
    const file = await lint('# 表示のルール\n\n「売上No.1」と書く広告には根拠が必要です。\n')
    expect(ofRule(file, 'unsupported-claim')).toEqual([])
  })

  it('an affiliate link in an HTML anchor inside Markdown is flagged on its URL', async () => {
    const value = 'Intro.\n\nMore.\n\nAnd more.\n\nBuy it <a href="https://amzn.to/abc">here</a>.\n'
    const [message] = ofRule(await lint(value), 'ad-disclosure')
    expect(message!.actual).toBe('https://amzn.to/abc')
    expect(placeProblems(value, message!)).toEqual([])
  })

  it('user options replace the host list', async () => {
    const value = 'Intro.\n\nMore.\n\nAnd more.\n\n[Our partner](https://partner.example/go?id=1)\n'
    expect(ofRule(await lint(value), 'ad-disclosure')).toEqual([])
    const file = await lint(value, {rules: {'ad-disclosure': ['warning', {hosts: ['partner.example']}]}})
    expect(ofRule(file, 'ad-disclosure').map((message) => message.actual)).toEqual(['Our partner'])
  })
})

describe('options, config and presets', () => {
  it('rejects a bad type or footer option naming the allowed values', () => {
    expect(() => createLinter({type: 'letter' as never})).toThrow('Option "type" must be "email" or "page", got "letter"')
    expect(() => createLinter({footer: 'service' as never})).toThrow('Option "footer" must be "in-document" or "provided-by-service"')
  })

  it('config `type` and `footer` take a value or globs (the last match wins)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trustlint-compliance-'))
    const config = path.join(dir, '.trustlintrc.yml')
    writeFileSync(config, 'type:\n  "mail/**": email\n  "mail/web/**": page\nfooter: provided-by-service\n')
    const resolved = await loadConfigFile(config)
    expect(optionsFor(resolved, path.join(dir, 'mail/2026-01.md'), undefined)).toMatchObject({type: 'email', footer: 'provided-by-service'})
    expect(optionsFor(resolved, path.join(dir, 'mail/web/index.html'), undefined).type).toBe('page')
    expect(optionsFor(resolved, path.join(dir, 'blog/post.md'), undefined).type).toBeUndefined()
    // lilconfig caches a loaded file, so each bad config gets its own name.
    const badType = path.join(dir, 'bad-type.yml')
    writeFileSync(badType, 'type: letter\n')
    await expect(loadConfigFile(badType)).rejects.toThrow('"type": expected "email" or "page", or an object of glob → value')
    const badFooter = path.join(dir, 'bad-footer.yml')
    writeFileSync(badFooter, 'footer: {"a/**": maybe}\n')
    await expect(loadConfigFile(badFooter)).rejects.toThrow('"footer.a/**": expected "in-document" or "provided-by-service"')
  })

  it('trustlint:compliance turns on the pack only; trustlint:recommended includes it', () => {
    const presets = PRESETS as Record<string, {rules: Record<string, unknown>}>
    for (const rule of rules) {
      expect(presets.compliance!.rules[rule.id], rule.id).toBe(PACK.includes(rule.id) ? 'warning' : 'off')
    }
    for (const id of PACK) expect(presets.recommended!.rules[id]).toBe('warning')
    for (const id of PACK) expect(rules.find((rule) => rule.id === id)?.category).toBe('compliance')
  })

  it('`judge: check` needs a check', () => {
    const raw = {
      id: 'demo',
      description: {ja: '説明', en: 'Description'},
      category: 'compliance',
      levels: {education: 'warning', acquisition: 'warning', sales: 'warning'},
      messages: {ja: '「{{actual}}」', en: '{{actual}}'},
      judge: 'check',
      patterns: {ja: [], en: []}
    }
    expect(() => compileRule(raw, 'rules/demo.yml', undefined)).toThrow(RuleDataError)
    expect(() => compileRule(raw, 'rules/demo.yml', undefined)).toThrow('field "judge"')
  })
})

describe('hostile email documents', () => {
  // A hang guard, not a speed target: linear code finishes far inside the test timeout. The sizes
  // are those the English pipeline itself lints in a few seconds (its speed is issue 18's).
  it.each([
    ['a Latin run', 'a'.repeat(400_000)],
    ['digits and spaces', '1 '.repeat(100_000)],
    ['at signs between words', 'a@b '.repeat(10_000)],
    ['unclosed placeholders', '%a_b {{ x <% '.repeat(4_000)],
    ['many links', '[this](https://amzn.to/x) '.repeat(1_000)]
  ])('%s', async (_, body) => {
    const value = '---\nsubject: x\n---\n\n' + body + '\n'
    const file = await lint(new VFile({path: 'mail.md', value}))
    for (const message of file.messages.slice(0, 50)) expect(placeProblems(value, message)).toEqual([])
  }, 20_000)
})

describe('the CLI with compliance config', () => {
  it('type globs make files emails, and trustlint:compliance runs the pack only', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'trustlint-compliance-cli-'))
    mkdirSync(path.join(repo, 'mail'))
    mkdirSync(path.join(repo, 'blog'))
    const text = '# Notes\n\nAct now. It is the #1 rated course.\n'
    writeFileSync(path.join(repo, 'mail/issue.md'), text)
    writeFileSync(path.join(repo, 'blog/post.md'), text)
    writeFileSync(path.join(repo, '.trustlintrc.yml'), 'extends: trustlint:compliance\ntype:\n  "mail/**": email\n')
    const cli = path.resolve(import.meta.dirname, '../dist/cli.js')
    const result = spawnSync(process.execPath, [cli, '--format', 'json', 'mail/issue.md', 'blog/post.md'], {cwd: repo, encoding: 'utf8'})
    const report = JSON.parse(result.stdout) as {files: {path: string; messages: {ruleId: string}[]}[]}
    const ids = (name: string) => report.files.find((file) => file.path === name)!.messages.map((message) => message.ruleId).sort()
    expect(ids('mail/issue.md')).toEqual(['sender-identity', 'unsubscribe', 'unsupported-claim'])
    expect(ids('blog/post.md')).toEqual(['unsupported-claim'])
  }, 60_000)
})
