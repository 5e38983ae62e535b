import {readFileSync} from 'node:fs'
import Encoding from 'encoding-japanese'
import path from 'node:path'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {createLinter, lint as lintWith, toJsonReport, type TrustlintOptions} from '../src/index.js'
import {toGithubAnnotations} from '../src/report/github.js'
import {toSarif} from '../src/report/sarif.js'
import {BUILTIN_RULES} from '../src/core/builtin-rules.js'
import {formatOf} from '../src/formats/index.js'
import {placeProblems} from './helpers.js'

const folder = path.resolve(import.meta.dirname, '../fixtures/email')
// These tests are about reading each format; the footer rules every email gets
// (sender-identity, unsubscribe) are tested in compliance.test.ts.
const FORMAT_ONLY: TrustlintOptions = {footer: 'provided-by-service'}
const lint = (input: Parameters<typeof lintWith>[0], options?: TrustlintOptions) => lintWith(input, {...FORMAT_ONLY, ...options})
const linter = createLinter(FORMAT_ONLY)

async function lintFixture(name: string, options?: TrustlintOptions) {
  const bytes = readFileSync(path.join(folder, name))
  const input = new VFile({path: name, value: name.endsWith('.eml') ? new Uint8Array(bytes) : bytes.toString('utf8')})
  return options ? createLinter({...FORMAT_ONLY, ...options}).lint(input) : linter.lint(input)
}

const found = (messages: VFileMessage[]) => messages.map((message) => `${message.ruleId}:${message.actual}`)
const where = (message: VFileMessage) => {
  const place = message.place as {start: {line: number; column: number}; end: {line: number; column: number}}
  return `${message.part ?? ''} ${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
}

/** For an .eml: the decoded part text at every message's place is its `actual`. */
function partProblems(file: VFile): string[] {
  const parts = file.data.trustlintParts ?? []
  return file.messages.flatMap((message) => {
    const part = parts.find((candidate) => candidate.name === message.part)
    return part ? placeProblems(part.text, message) : [`${message.ruleId}: no part`]
  })
}

describe('formatOf', () => {
  it('picks the format by extension, case-insensitively, Markdown otherwise; an explicit format wins', () => {
    expect(['a.md', 'a.markdown', 'a.MDX', 'a.html', 'a.HTM', 'b.eml', 'c.txt', 'd', undefined].map((name) => formatOf(name))).toEqual([
      'markdown', 'markdown', 'mdx', 'html', 'html', 'eml', 'text', 'markdown', 'markdown'
    ])
    expect(formatOf('a.md', 'html')).toBe('html')
  })
})

describe('HTML email', () => {
  it('Mailchimp-style layout (ja): title as subject, hidden preheader, text in cells, image-button alt; not styles, merge tags, hrefs, tracking pixels or quoted mentions', async () => {
    const file = await lintFixture('mailchimp-ja.html')
    const source = readFileSync(path.join(folder, 'mailchimp-ja.html'), 'utf8')
    expect(file.messages.flatMap((message) => placeProblems(source, message))).toEqual([])
    expect(found(file.messages)).toEqual([
      'subject-line:【重要】',
      // The preheader is read like the body: the inbox shows it.
      'scarcity:残りわずか',
      'urgency:今すぐ',
      'hard-sell:お申し込みください',
      // A cue split by an inline element keeps the markup inside its range, as emphasis does in Markdown.
      'scarcity:残り<span style="color:#c00">わずか',
      'pressure-punctuation:！！',
      'vague-link:詳しく見る',
      // The alt text of a linked image is the button's text.
      'hard-sell:今すぐ申し込む',
      'urgency:今すぐ'
    ])
    expect(file.data.trustlintFormat).toBe('html')
    const kinds = file.data.trustlintProse!.blocks.map((block) => block.kind)
    expect(kinds.slice(0, 3)).toEqual(['subject', 'preheader', 'heading'])
    // The merge tag is one opaque character, never words.
    expect(file.data.trustlintProse!.blocks[3]!.text.startsWith('\uFFFCさん')).toBe(true)
  })

  it('Mailchimp-style layout (en): <meta name="trustlint-stage"> sets the stage; script and mso-only buttons are not read', async () => {
    const file = await lintFixture('mailchimp-en.html')
    expect(found(file.messages)).toEqual([
      'weak-cta:If it sounds like a fit, maybe you could take a look when you have time.',
      'vague-link:here'
    ])
    expect(file.messages.every((message) => message.stage === 'sales')).toBe(true)
    const texts = file.data.trustlintProse!.blocks.map((block) => block.text).join('\n')
    expect(texts).not.toMatch(/ACT NOW|ENROLL NOW/)
    expect(file.data.trustlintProse!.blocks.filter((block) => block.links.length > 0).map((block) => block.links.map((link) => link.url))).toEqual([
      ['https://example.com/workshop'],
      ['https://example.com/enroll'],
      ['%%unsubscribe_url%%']
    ])
  })

  it('marks button-like links (button classes, CSS buttons, colored cells, image buttons) as buttons, not footer or prose links', async () => {
    const buttons = async (name: string) => {
      const {tree} = await linter.lintWithTree(new VFile({path: name, value: readFileSync(path.join(folder, name), 'utf8')}))
      const links: [string, boolean][] = []
      const visit = (node: {type: string; url?: string; data?: {trustlintButton?: boolean}; children?: unknown[]}) => {
        if (node.type === 'link') links.push([node.url!, node.data?.trustlintButton === true])
        for (const child of (node.children ?? []) as (typeof node)[]) visit(child)
      }
      visit(tree! as never)
      return links
    }
    expect(await buttons('mailchimp-ja.html')).toEqual([
      ['https://example.com/sleep?utm_source=今すぐ', true],
      ['https://example.com/apply', true],
      ['*|UNSUB|*', false]
    ])
    expect(await buttons('mailchimp-en.html')).toEqual([
      ['https://example.com/workshop', false],
      ['https://example.com/enroll', true],
      ['%%unsubscribe_url%%', false]
    ])
    expect(await buttons('mjml.html')).toEqual([['https://example.com/beans', true]])
  })

  it('MJML output: a stage comment re-stages what follows; button text is trimmed to its words', async () => {
    const file = await lintFixture('mjml.html')
    expect(found(file.messages)).toEqual(['urgency:Hurry', 'scarcity:stock is running out', 'urgency:お早めに', 'vague-link:Click here'])
    expect(file.messages.map((message) => message.stage)).toEqual(['education', 'education', 'education', 'sales'])
  })

  it('is the format option, whatever the name: the same text as Markdown is an HTML block and not prose', async () => {
    const html = '<p>Act now, <a href="https://example.com/act-now">see the plan</a>.</p>\n'
    expect(found((await lint(html, {format: 'html'})).messages)).toEqual(['urgency:Act now'])
    expect(found((await lint(html)).messages)).toEqual([])
  })

  it('malformed HTML: an unclosed comment is a warning at its place, and what comes before it is linted', async () => {
    const source = '<p>Act now.</p>\n<p>Fine text <!-- an unclosed comment\n<p>Hurry up</p>\n'
    const file = await lint(new VFile({path: 'broken.html', value: source}))
    expect(found(file.messages)).toEqual(['urgency:Act now', 'html:<!--'])
    expect(file.messages[1]!.reason).toMatch(/unclosed construct \(eof-in-comment\)/)
    expect(file.messages[1]!.line).toBe(2)
  })

  it('HTML nested thousands of levels deep: a clear error for the file, no crash', async () => {
    const file = await lint(new VFile({path: 'deep.html', value: '<div>'.repeat(20_000) + 'Act now'}))
    expect(found(file.messages)).toEqual(['parse-error:'])
    expect(file.messages[0]!.reason).toBe('Cannot parse HTML: elements are nested too deeply to read (thousands of levels); nothing was linted')
  })

  it('rejects an unknown format option', async () => {
    await expect(lint('x', {format: 'docx' as never})).rejects.toThrow(/Option "format" must be one of markdown, mdx, html, eml, text/)
  })
})

describe('saved emails (.eml)', () => {
  it('ISO-2022-JP with a quoted-printable HTML part: the HTML part and the encoded-word Subject, positions in each decoded part', async () => {
    const file = await lintFixture('iso-2022-jp-qp.eml')
    expect(partProblems(file)).toEqual([])
    expect(file.messages.map((message) => `${where(message)} ${message.ruleId}:${message.actual}`)).toEqual([
      'subject 1:1-1:5 subject-line:【緊急】',
      'html 6:12-6:17 fomo:後悔します',
      'html 6:18-6:21 urgency:今すぐ',
      'html 6:21-6:30 hard-sell:お申し込みください'
    ])
    expect(file.messages[0]!.file).toBe('iso-2022-jp-qp.eml#subject')
    expect(file.data.trustlintParts!.map((part) => part.name)).toEqual(['subject', 'html'])
    expect(file.data.trustlintParts![0]!.text).toBe('【緊急】文章の推敲について')
  })

  it('base64 UTF-8 with an attachment: the attachment is an info notice, the HTML part is linted', async () => {
    const file = await lintFixture('base64-utf8.eml')
    expect(partProblems(file)).toEqual([])
    expect(found(file.messages)).toEqual([
      // The second emoji is the extra one.
      'subject-line:🎉',
      'subject-line:FREE SHIPPING',
      'email:',
      'scarcity:Only 5 seats left',
      'scarcity:残り5席',
      'fomo:お見逃しなく'
    ])
    expect(file.messages[2]!.reason).toBe('Attachment schedule.pdf (47 bytes) is not linted')
    expect(file.messages[2]!.fatal).toBeUndefined()
  })

  it('text-only: the text part, a fake reply prefix and a subject promise the body never mentions', async () => {
    const file = await lintFixture('text-only.eml')
    expect(partProblems(file)).toEqual([])
    expect(file.messages.map((message) => `${where(message)} ${message.ruleId}:${message.actual}`)).toEqual([
      'subject 1:1-1:4 subject-line:Re:',
      'subject 1:5-1:17 subject-line:your account',
      'text 6:1-6:8 urgency:Act now',
      'text 6:10-6:34 countdown:prices go up at midnight'
    ])
    // The merge tag in the text part is masked.
    expect(file.data.trustlintProse!.blocks[1]!.text).toBe('Hi \uFFFC,')
  })

  it('an unknown charset and a cut-off message: clear warnings, and what was read is linted', async () => {
    const file = await lintFixture('truncated-unknown-charset.eml')
    expect(found(file.messages)).toEqual(['email:', 'email:', 'urgency:Hurry', 'urgency:act now', 'urgency:before it is too late'])
    expect(file.messages[0]!.reason).toMatch(/^Unknown charset "x-unknown-klingon"/)
    expect(file.messages[1]!.reason).toMatch(/^The email is cut off: the MIME boundary "cut" is never closed/)
  })

  it.each([
    ['Shift_JIS', 'SJIS', 'base64'],
    ['EUC-JP', 'EUCJP', '8bit']
  ] as const)('%s parts and encoded-word subjects are decoded', async (charset, encoding, transfer) => {
    const encode = (text: string) => Uint8Array.from(Encoding.convert(text, {to: encoding, from: 'UNICODE', type: 'array'}))
    const body = encode('講座のご案内です。\n今すぐお申し込みください。\n')
    const subject = `=?${charset}?B?${Buffer.from(encode('【至急】講座のご案内')).toString('base64')}?=`
    const head = `Subject: ${subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: ${transfer}\r\n\r\n`
    const content = transfer === 'base64' ? new TextEncoder().encode(Buffer.from(body).toString('base64') + '\r\n') : body
    const file = await lint(new VFile({path: 'legacy.eml', value: new Uint8Array([...new TextEncoder().encode(head), ...content])}))
    expect(partProblems(file)).toEqual([])
    expect(file.messages.map((message) => `${where(message)} ${message.ruleId}:${message.actual}`)).toEqual([
      'subject 1:1-1:5 subject-line:【至急】',
      'subject 1:2-1:4 urgency:至急',
      'text 2:1-2:4 urgency:今すぐ',
      'text 2:4-2:13 hard-sell:お申し込みください'
    ])
  })

  it('a 20 MB attachment: noted, the body linted', async () => {
    const attachment = Buffer.alloc(20 * 1024 * 1024, 7).toString('base64').replace(/.{76}/g, '$&\r\n')
    const eml = [
      'Subject: Weekly notes',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="m"',
      '',
      '--m',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Act now.',
      '--m',
      'Content-Type: application/octet-stream; name="big.bin"',
      'Content-Disposition: attachment; filename="big.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      attachment,
      '--m--',
      ''
    ].join('\r\n')
    const file = await lint(new VFile({path: 'big.eml', value: eml}))
    expect(found(file.messages)).toEqual(['email:', 'urgency:Act now'])
    expect(file.messages[0]!.reason).toBe(`Attachment big.bin (${20 * 1024 * 1024} bytes) is not linted`)
  }, 60_000)

  it('reports: JSON names the part, SARIF points at the file with the part as a logical location, GitHub annotates the file', async () => {
    const file = await lintFixture('text-only.eml')
    const json = toJsonReport([file])
    expect(json.files[0]!.path).toBe('text-only.eml')
    expect(json.files[0]!.messages.map((message) => [message.part, message.start.line, message.start.column, message.start.offset])).toEqual([
      ['subject', 1, 1, 0],
      ['subject', 1, 5, 4],
      ['text', 6, 1, 125],
      ['text', 6, 10, 134]
    ])
    const sarif = toSarif([file], BUILTIN_RULES, '0.0.0')
    const location = sarif.runs[0]!.results![2]!.locations![0]!
    expect(location.physicalLocation).toEqual({artifactLocation: {uri: 'text-only.eml', uriBaseId: '%SRCROOT%'}})
    expect(location.logicalLocations).toEqual([{name: 'text', fullyQualifiedName: 'text-only.eml#text', kind: 'resource'}])
    expect(location.properties).toEqual({part: 'text', partRegion: {startLine: 6, startColumn: 1, endLine: 6, endColumn: 8}})
    const annotations = toGithubAnnotations([file]).split('\n')
    expect(annotations[2]).toMatch(/^::warning file=text-only\.eml,title=urgency::#text 6:1-6:8: “Act now”/)
  })
})

describe('subject and preheader in Markdown front matter', () => {
  it('takes the stage of the first section, unless subject_stage says otherwise', async () => {
    const body = '\n<!-- trustlint stage: sales -->\n\nWe wrote about [pricing](https://example.com/p).\n'
    const sales = await lint(`---\nsubject: "Act now: pricing notes"\npreheader: Only 3 seats left\n---\n${body}`)
    expect(sales.messages.filter((message) => message.ruleId === 'urgency')).toEqual([])
    const education = await lint(`---\nsubject: "Act now: pricing notes"\npreheader: Only 3 seats left\nsubject_stage: education\n---\n${body}`)
    expect(found(education.messages).filter((line) => !line.startsWith('no-cta'))).toEqual(['urgency:Act now', 'scarcity:Only 3 seats left'])
  })

  it('the subjectStage option (a config glob) stages the subject and preheader; front matter subject_stage wins over it', async () => {
    const draft = (extra: string) => `---\nstage: sales\nsubject: Act now\n${extra}---\n\nWe looked at [outlines](https://example.com/o).\n`
    expect(found((await lint(draft(''), {subjectStage: 'education'})).messages)).toContain('urgency:Act now')
    expect(found((await lint(draft('subject_stage: sales\n'), {subjectStage: 'education'})).messages)).not.toContain('urgency:Act now')
    await expect(lint('x', {subjectStage: 'later' as never})).rejects.toThrow(/Unknown stage "later" in the "subjectStage" option/)
    const bad = await lint(draft('subject_stage: later\n'), {subjectStage: 'education'})
    expect(bad.messages.filter((message) => message.ruleId === 'stage').map((message) => message.actual)).toEqual(['later'])
  })

  it('reads preview as preheader, and title as subject only with subjectFromTitle', async () => {
    const draft = '---\ntitle: Hurry, doors close\npreview: お急ぎください\n---\n\n本文です。\n'
    expect(found((await lint(draft)).messages)).toEqual(['urgency:お急ぎください'])
    expect(found((await lint(draft, {subjectFromTitle: true})).messages)).toEqual(['urgency:Hurry', 'urgency:お急ぎください'])
  })

  it('never counts the subject as the call to action of the first section', async () => {
    const draft = (subject: string) => `---\nstage: sales\n${subject}---\n\n# The habit course\n\nThree weeks to make morning study a habit; small steps work.\n`
    const without = await lint(draft(''))
    const withSubject = await lint(draft('subject: Join the habit course today\n'))
    expect(without.messages.map((message) => message.ruleId)).toContain('no-cta')
    expect(withSubject.messages.map((message) => message.ruleId)).toContain('no-cta')
  })
})
