import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {createLinter} from '../src/index.js'
import {VFile} from 'vfile'
import {boundaryProblems, isSorted, placeProblems} from './helpers.js'
import {documents, newline, phrase} from './markdown-arbitraries.js'

const linter = createLinter()
const folder = path.resolve(import.meta.dirname, '../fixtures/positions')

describe('positions fixtures', () => {
  const names = readdirSync(folder).filter((name) => name.endsWith('.md')).sort()

  it.each(names)('%s: every message slices exactly what it flags', async (name) => {
    const raw = readFileSync(path.join(folder, name), 'utf8')
    const file = await linter.lint(raw)
    const source = raw.replace(/^\uFEFF/, '')
    expect(file.messages.length).toBeGreaterThan(0)
    expect(file.messages.flatMap((message) => placeProblems(source, message))).toEqual([])
  })

  it('finds a cue split by emphasis and keeps the markup inside the range', async () => {
    const file = await linter.lint(readFileSync(path.join(folder, 'emphasis-split.md'), 'utf8'))
    const actuals = file.messages.filter((message) => message.ruleId === 'urgency').map((message) => message.actual)
    expect(actuals).toEqual(['今すぐ', '今*すぐ', 'Act** now'])
  })

  it('finds cues in link text but never in URLs', async () => {
    const file = await linter.lint(readFileSync(path.join(folder, 'link-around-cue.md'), 'utf8'))
    const actuals = file.messages.filter((message) => message.ruleId === 'urgency').map((message) => message.actual)
    expect(actuals).toEqual(['今すぐ', 'act now', 'Hurry'])
  })

  it('counts offsets after a BOM without the BOM', async () => {
    const raw = readFileSync(path.join(folder, 'bom.md'), 'utf8')
    expect(raw.charCodeAt(0)).toBe(0xfeff)
    const file = await linter.lint(raw)
    const first = file.messages[0]!
    const place = first.place as {start: {offset: number; line: number; column: number}}
    expect(place.start).toMatchObject({line: 3, column: 1, offset: 7})
  })

  it('maps CRLF, blockquote prefixes and full-width forms to the right lines', async () => {
    const crlf = await linter.lint(readFileSync(path.join(folder, 'crlf.md'), 'utf8'))
    expect(crlf.messages.filter((message) => message.ruleId === 'urgency').map((message) => [message.actual, message.line])).toEqual([
      ['Act now', 4],
      ['今すぐ', 5]
    ])
    const quote = await linter.lint(readFileSync(path.join(folder, 'blockquote-continuation.md'), 'utf8'))
    expect(quote.messages.filter((message) => message.ruleId === 'urgency').map((message) => message.actual)).toEqual(['今すぐ', 'Act\n> now'])
    const wide = await linter.lint(readFileSync(path.join(folder, 'full-width.md'), 'utf8'))
    expect(wide.messages.filter((message) => message.ruleId === 'urgency').map((message) => message.actual)).toEqual([
      '至急',
      '大至急',
      'Ａｃｔ　ｎｏｗ',
      'Act now',
      '今すぐ',
      '今すぐ',
      'act&#32;now'
    ])
  })
})

// `FUZZ_RUNS=100000 npm run fuzz` for a long run; the suite runs 300.
const runs = Number(process.env.FUZZ_RUNS) || 300

describe('positions property', () => {
  it(
    'never throws; as .md, .txt and .mdx every message slices exactly its actual text at the right line and column, never inside a character reference or a surrogate pair, in source order',
    async () => {
      await fc.assert(
        fc.asyncProperty(documents, fc.constantFrom('draft.md', 'draft.txt', 'draft.mdx'), async (raw, name) => {
          const file = await linter.lint(new VFile({path: name, value: raw}))
          const source = raw.replace(/^\uFEFF/, '')
          const references = !name.endsWith('.txt')
          const problems = file.messages.flatMap((message) => [...placeProblems(source, message), ...boundaryProblems(source, message, {references})])
          expect(problems).toEqual([])
          expect(isSorted(file.messages)).toBe(true)
        }),
        {numRuns: runs}
      )
    },
    Math.max(60_000, runs * 100)
  )
})

// HTML email pieces: the same phrases in the constructs of ESP exports, with
// what must never be linted (style, comments, mso blocks, hrefs) around them.
const htmlInline = fc.oneof(
  phrase,
  phrase.map((text) => `<strong>${text}</strong>`),
  phrase.map((text) => `<span style="color:#c00">${text}</span>`),
  phrase.map((text) => `<a href="https://example.com/?q=${encodeURIComponent(text)}"> ${text} </a>`),
  phrase.map((text) => `<a href="https://example.com/b"><img src="b.png" alt="${text}"></a>`),
  phrase.map((text) => `<img src="p.gif" width="1" height="1" alt="${text}">`),
  fc.constantFrom('&amp;', '&nbsp;', '&#x1F525;', '&#xD800;', '&copy', '&#0;', '*|FNAME|*', '{{ name }}', '%%first_name%%', '{$name}'),
  fc.constantFrom('<br>', '<!-- note -->', '<code>今すぐ</code>', '\u0000', '🔥', '\ud83d', '<b>今</b>すぐ', 'Act <em>now</em>')
)
const htmlLine = fc
  .tuple(fc.array(htmlInline, {minLength: 1, maxLength: 4}), fc.constantFrom('', ' ', '\n    '))
  .map(([parts, glue]) => parts.join(glue))
const htmlBlock = fc.oneof(
  htmlLine.map((text) => `<p>${text}</p>`),
  htmlLine.map((text) => `<h2>${text}</h2>`),
  htmlLine.map((text) => `<div style="display:none;max-height:0;overflow:hidden">${text}</div>`),
  fc.tuple(htmlLine, htmlLine).map(([a, b]) => `<table role="presentation"><tr><td>${a}</td>\n<td>${b}</td></tr></table>`),
  fc.tuple(htmlLine, htmlLine).map(([a, b]) => `<ul><li>${a}</li><li>${b}</li></ul>`),
  htmlLine.map((text) => `<blockquote>${text}</blockquote>`),
  // Plain phrases only: a comment inside would end the conditional comment early (and show the rest).
  phrase.map((text) => `<!--[if mso]><p>${text}</p><![endif]-->`),
  htmlLine.map((text) => `<style>p { color: red } /* ${text} */</style>`),
  htmlLine,
  fc.constantFrom('<!-- trustlint stage: sales -->', '<!-- trustlint stage: education -->', '<!-- trustlint-disable urgency -->', '<hr>', '<p>unclosed')
)
const htmlDocuments = fc
  .tuple(fc.option(phrase), fc.array(htmlBlock, {minLength: 1, maxLength: 6}), newline, fc.boolean())
  .map(([title, blocks, eol, meta]) =>
    (
      '<!doctype html>\n<html><head>' +
      (title === null ? '' : `<title>${title}</title>`) +
      (meta ? '<meta name="trustlint-stage" content="education">' : '') +
      '</head>\n<body>\n' +
      blocks.join('\n') +
      '\n</body></html>\n'
    ).replaceAll('\n', eol)
  )

describe('positions property, HTML', () => {
  it(
    'never throws; as .html every message slices exactly its actual text at the right line and column, never inside a character reference or a surrogate pair, in source order',
    async () => {
      await fc.assert(
        fc.asyncProperty(htmlDocuments, async (raw) => {
          const file = await linter.lint(new VFile({path: 'email.html', value: raw}))
          const problems = file.messages.flatMap((message) => [...placeProblems(raw, message), ...boundaryProblems(raw, message)])
          expect(problems).toEqual([])
          expect(isSorted(file.messages)).toBe(true)
          // Nothing inside a URL, a style sheet or an Outlook-only block is ever flagged.
          for (const message of file.messages) {
            const offset = (message.place as {start: {offset: number}}).start.offset
            const before = raw.slice(0, offset)
            expect(before.lastIndexOf('<style>')).toBeLessThanOrEqual(before.lastIndexOf('</style>'))
            expect(before.lastIndexOf('<!--[if mso]>')).toBeLessThanOrEqual(before.lastIndexOf('<![endif]-->'))
            expect(/href="[^"]*$/.test(before)).toBe(false)
          }
        }),
        {numRuns: runs}
      )
    },
    Math.max(60_000, runs * 100)
  )
})

describe('positions property, .eml', () => {
  it(
    'as .eml (base64 or quoted-printable UTF-8 HTML part, encoded-word subject) every message slices its actual text from the decoded part it names',
    async () => {
      await fc.assert(
        fc.asyncProperty(htmlDocuments, phrase, fc.boolean(), async (html, subject, base64) => {
          const bytes = Buffer.from(html, 'utf8')
          const body = base64 ? bytes.toString('base64').replace(/.{76}/g, '$&\r\n') : quotedPrintable(bytes)
          const eml =
            `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=\r\nMIME-Version: 1.0\r\n` +
            `Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: ${base64 ? 'base64' : 'quoted-printable'}\r\n\r\n${body}\r\n`
          const file = await linter.lint(new VFile({path: 'send.eml', value: eml}))
          const parts = file.data.trustlintParts ?? []
          expect(parts.find((part) => part.name === 'subject')?.text).toBe(subject)
          const problems = file.messages.flatMap((message) => {
            const part = parts.find((candidate) => candidate.name === message.part)
            return part ? [...placeProblems(part.text, message), ...boundaryProblems(part.text, message)] : [`${message.ruleId}: no part`]
          })
          expect(problems).toEqual([])
        }),
        {numRuns: Math.ceil(runs / 3)}
      )
    },
    Math.max(60_000, runs * 100)
  )
})

/** Quoted-printable (RFC 2045): = and bytes outside printable ASCII escaped, soft breaks under 76 characters. */
function quotedPrintable(bytes: Buffer): string {
  let out = ''
  let line = 0
  for (const byte of bytes) {
    const text = byte === 0x0a ? '\r\n' : (byte >= 33 && byte <= 126 && byte !== 61) || byte === 32 ? String.fromCharCode(byte) : '=' + byte.toString(16).toUpperCase().padStart(2, '0')
    if (text === '\r\n') {
      out += text
      line = 0
      continue
    }
    if (line + text.length > 75) {
      out += '=\r\n'
      line = 0
    }
    out += text
    line += text.length
  }
  return out
}
