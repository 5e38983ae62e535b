import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {createLinter, createProcessor, lint, type UserPack} from '../src/index.js'

// The speed work of issue 18 takes shortcuts that must never change a finding.

const found = async (text: string, packs: UserPack[] = []) =>
  (await lint(text, {packs})).messages.map((message) => `${message.ruleId}:${message.actual}`)

describe('regex cues without the u flag', () => {
  it('still finds a match that takes an astral character as one', async () => {
    const pack: UserPack = {cues: {urgency: {en: [{regex: 'deal.today', flags: 'i'}]}}}
    expect(await found('A deal😀today for readers.', [pack])).toEqual(['urgency:deal😀today'])
    expect(await found('A deal-today for readers.', [pack])).toEqual(['urgency:deal-today'])
  })

  it('keeps Unicode case folding for patterns with non-ASCII letters (ẞ and ß)', async () => {
    const pack: UserPack = {cues: {hype: {en: [{regex: 'STRAẞE sale', flags: 'i'}]}}}
    expect(await found('The straße sale is on.', [pack])).toEqual(['hype:straße sale'])
    expect(await found('The strasse sale is on.', [pack])).toEqual([])
  })

  it('finds case-insensitive regex cues in a sentence with an emoji (the literal pre-filter reads it)', async () => {
    const pack: UserPack = {cues: {hype: {en: [{regex: '\\bsave big\\b', flags: 'i'}]}}}
    expect(await found('SAVE BIG 🔥 this week.', [pack])).toContain('hype:SAVE BIG')
    expect(await found('Save 😀 big this week.', [pack])).not.toContain('hype:Save 😀 big')
  })

  it('reads built-in cues the same next to emoji', async () => {
    expect(await found('Only 3 spots left 🔥 so join.')).toEqual(['scarcity:Only 3 spots left', 'pressure-punctuation:🔥'])
  })
})

describe('GFM and front matter only where a document needs them', () => {
  // Each document is parsed by the linter with only the extensions its markers call
  // for; the tree must be the one the full parser (createProcessor) gives.
  const documents = {
    plain: 'Hurry, buy now.\n\nA second paragraph with *emphasis* and a [link](/a).\n',
    table: '| Plan | Price |\n|---|---|\n| Pro | Buy now |\n',
    strikethrough: 'Was ~~$99~~, hurry.\n',
    autolink: 'Visit www.example.com or https://example.com today.\n',
    email: 'Write to team@example.com now.\n',
    footnote: 'Limited seats.[^1]\n\n[^1]: Only ten.\n',
    tasks: '- [ ] Sign up\n- [x] Read\n',
    frontMatter: '---\nstage: sales\n---\n\nBuy now.\n',
    thematicBreakFirst: '---\n\nNot front matter, a rule and text.\n',
    fakeMarkers: 'A pipe-less, tilde-less text about http and email.\n',
    // Each GFM construct joins the parser alone (gfm-parts.ts): mixes, and markers in any case.
    upperCaseUrls: 'Go to WWW.EXAMPLE.COM or HTTPS://EXAMPLE.COM/A_B now, not www or https.\n',
    urlsBesideWords: 'Sign-up_page:https://example.com/x?y=1&z=2, (www.example.org/path).\n\n* list www.a.b\n',
    urlsAndEmail: 'Mail ops+news@example.co.uk, mailto:a@b.org or xmpp:c@d.net/e; see https://example.com.\n',
    atWithoutEmail: 'Meet @ noon at https://example.com; @handle and a@b are not addresses.\n',
    tableAndUrl: 'Plans at https://example.com:\n\n| Plan | Link |\n|:--|--:|\n| Pro | www.example.com |\n',
    // A CR LF is one line ending: '[' CR LF ']' is an unchecked box (main's marker missed it).
    crlfTaskBox: 'Steps:\r\n\r\n- [\r\n] sign up\r\n',
    strikeAndTasks: '- [ ] ~~Old~~ new\n- [X] Done ~one~ tilde\n\n[^a] is not a footnote without a definition.\n',
    everything: '---\ntitle: t\n---\n\n| a |\n| - |\n| ~~b~~ |\n\n- [x] c@d.io www.e.f[^1]\n\n[^1]: https://g.h\n'
  }
  for (const [name, text] of Object.entries(documents)) {
    it(`parses the ${name} document as the full parser does`, async () => {
      const {tree} = await createLinter().lintWithTree(text)
      expect(tree).toEqual(createProcessor().parse(text))
    })
  }

  // Documents made of GFM markers and near-misses in any order and line ending: whatever
  // subset of constructs the markers select, the tree is the full parser's.
  const piece = fc.constantFrom(
    'Buy now', 'team@example.com', 'a@b', '@ noon', 'mailto:x@y.org', 'www.example.com', 'HTTPS://A.B/c_d', 'http:', 'https://x.y/z?a=1&b=2',
    '~~old~~', '~one~', '~', '[^1]', '[^1]: note', '[^x] no definition', '| a | b |', '|---|---|', '|', '- [ ] task', '- [x] done', '* [X] Done', '[\r\n]',
    '今すぐ', '`code | ~ @`', '<span>www.a.b</span>', '> quoted ~~x~~', '1. [ ] step'
  )
  const gfmDocument = fc
    .tuple(fc.array(fc.tuple(piece, fc.constantFrom(' ', '\n', '\n\n', '')), {minLength: 1, maxLength: 12}), fc.constantFrom('\n', '\r\n'))
    .map(([parts, eol]) => parts.map(([text, glue]) => text + glue).join('').replaceAll('\n', eol))
  it('parses any mix of GFM markers as the full parser does (property)', async () => {
    await fc.assert(
      fc.asyncProperty(gfmDocument, async (text) => {
        const {tree} = await createLinter().lintWithTree(text)
        expect(tree).toEqual(createProcessor().parse(text))
      }),
      {numRuns: Number(process.env.FUZZ_RUNS) || 200}
    )
  })

  it('still reads the front matter stage and GFM constructs', async () => {
    const {tree} = await createLinter().lintWithTree(documents.table)
    expect(tree?.children[0]?.type).toBe('table')
    expect(await found('Hurry, the doors close tonight.\n')).toContain('urgency:Hurry')
    expect(await found('---\nstage: sales\n---\n\nHurry, the doors close tonight.\n')).not.toContain('urgency:Hurry')
  })
})
