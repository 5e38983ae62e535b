import {describe, expect, it} from 'vitest'
import {findCtas, lint, type Cta, type CtaInventory} from '../src/index.js'

const CTA_RULES = ['no-cta', 'weak-cta', 'vague-link', 'competing-cta', 'buried-cta']

function allCtas(inventory: CtaInventory): Cta[] {
  return inventory.sections.flatMap((section) => section.ctas)
}

/** Every position in the inventory covers exactly the text it claims. */
function expectExactPositions(source: string, inventory: CtaInventory) {
  for (const section of inventory.sections) {
    for (const cta of section.ctas) {
      const slice = source.slice(cta.position.start.offset, cta.position.end.offset)
      if (cta.kind !== 'sentence') expect(slice.replace(/[*_]/g, '').replace(/<[^>]*>/g, '')).toBe(cta.text)
      if (cta.sentence) expect(source.slice(cta.sentence.start, cta.sentence.end)).toBe(cta.sentence.text)
      for (const hedge of cta.hedges) expect(source.slice(hedge.start, hedge.end)).toBe(hedge.text)
      if (cta.action) expect(source.slice(cta.action.start, cta.action.end)).toBe(cta.action.text)
    }
  }
}

describe('CTA inventory: where asks are found', () => {
  const source = [
    '---',
    'stage: sales',
    '---',
    '',
    '# Join',
    '',
    '[**Reserve my seat**][seat]',
    '',
    'Or <a href="https://example.com/seat?utm_source=html">book <em>a call</em></a>.',
    '',
    '<div class="cta"><a href="https://example.com/shop">Buy the bundle</a></div>',
    '',
    '<button>Start my free trial</button>',
    '',
    'Reply to this email with two times that suit you.',
    '',
    '[seat]: https://example.com/seat'
  ].join('\n')

  it('reads reference-style links, inline and block HTML, buttons and sentence asks, with exact positions', async () => {
    const inventory = await findCtas(source)
    const ctas = allCtas(inventory)
    expect(ctas.map((cta) => [cta.kind, cta.text, cta.url])).toEqual([
      ['link', 'Reserve my seat', 'https://example.com/seat'],
      ['html-link', 'book a call', 'https://example.com/seat?utm_source=html'],
      ['html-link', 'Buy the bundle', 'https://example.com/shop'],
      ['button', 'Start my free trial', undefined],
      ['sentence', 'Reply to this email with two times that suit you.', undefined]
    ])
    expectExactPositions(source, inventory)
    const seat = ctas[0]!
    expect(source.slice(seat.position.start.offset, seat.position.end.offset)).toBe('**Reserve my seat**')
    expect(seat.position.start).toEqual({line: 7, column: 2, offset: source.indexOf('**Reserve')})
    // Same target once tracking parameters are dropped.
    expect(ctas[1]!.target).toBe(seat.target)
    expect(inventory.sections[0]!.targets).toEqual(['https://example.com/seat', 'https://example.com/shop'])
  })

  it('is left on file.data after any lint run', async () => {
    const file = await lint(source)
    expect(file.data.trustlintCtas).toEqual(await findCtas(source))
  })
})

describe('CTA inventory: links that are not asks', () => {
  it('sets aside unsubscribe, preference, social, legal and citation links, and says why', async () => {
    const source = [
      '<!-- trustlint stage: sales -->',
      '# お申し込み',
      '',
      '根拠は[消費者庁の報告書](https://www.caa.go.jp/report)にあります。',
      '',
      '[講座に参加する](https://example.com/join)',
      '',
      '[X](https://x.com/example) ・ 配信停止は[こちら](https://example.com/mail/stop) ・ [配信設定の変更](https://example.com/settings) ・ [プライバシーポリシー](https://example.com/privacy)'
    ].join('\n')
    const [section] = (await findCtas(source)).sections
    expect(section!.ctas.map((cta) => cta.text)).toEqual(['講座に参加する'])
    expect(section!.nonAsks.map((link) => [link.kind, link.text])).toEqual([
      ['citation', '消費者庁の報告書'],
      ['social', 'X'],
      ['unsubscribe', 'こちら'],
      ['preferences', '配信設定の変更'],
      ['legal', 'プライバシーポリシー']
    ])
    // 配信停止は[こちら]: vague text, but its sentence says where it goes.
    expect(section!.nonAsks[2]).toMatchObject({vague: true, hasContext: true})
  })

  it('keeps a LINE add-friend link and a video page as asks, but not a social profile', async () => {
    const source = [
      '---',
      'stage: sales',
      '---',
      '',
      '[LINEで友だち追加する](https://line.me/R/ti/p/@example)',
      '',
      '[Watch the replay](https://www.youtube.com/watch?v=abc)',
      '',
      '[YouTube](https://www.youtube.com/@example)'
    ].join('\n')
    const [section] = (await findCtas(source)).sections
    expect(section!.ctas.map((cta) => [cta.text, cta.lang, cta.primary])).toEqual([
      ['LINEで友だち追加する', 'ja', true],
      ['Watch the replay', 'en', false]
    ])
    expect(section!.nonAsks.map((link) => link.kind)).toEqual(['social'])
  })
})

describe('CTA inventory: what is not an ask', () => {
  it('does not take narration, conditions or past tense for an ask', async () => {
    const source = [
      '---',
      'stage: sales',
      '---',
      '',
      '私も講座に参加する。',
      '',
      '去年は多くの方が講座に参加しました。',
      '',
      '申し込むと、教材がすぐに届きます。',
      '',
      '誰でも申し込めます。',
      '',
      'Many readers joined the course last year.',
      '',
      'Book clubs are a good way to read more.'
    ].join('\n')
    expect(allCtas(await findCtas(source))).toEqual([])
    const file = await lint(source)
    expect(file.messages.filter((message) => message.ruleId === 'no-cta').map((message) => message.actual)).toEqual([
      'Book clubs are a good way to read more.'
    ])
  })

  it('does not take what people do not do, an intention told or how a sale goes for an ask', async () => {
    const notAsks = [
      'いつでも手に入るとなると、お客様は購入してくれない。',
      '値段を知らないお客様は、なかなか購入してくれません。',
      '今日始めてみようと思ったら、やることは四つです。',
      '販売が開始されると、数分で売り切れてしまいます。',
      'People will not buy it if it is always available.',
      'If you want to start today, there are four things to do.',
      'When sales open, the tickets are gone in minutes.'
    ]
    for (const sentence of notAsks) expect(allCtas(await findCtas(`---\nstage: sales\n---\n\n${sentence}\n`)), sentence).toEqual([])
    // The same verbs asking: a question, a request, a sale opened in the main clause.
    const asks = ['ぜひ購入してくれませんか。', '登録してもらえないでしょうか。', '予約受付を開始しました。', 'Buy it today.']
    for (const sentence of asks) expect(allCtas(await findCtas(`---\nstage: sales\n---\n\n${sentence}\n`)).length, sentence).toBe(1)
  })

  it('finds asks in polite request, volitional and invitation forms', async () => {
    const source = ['---', 'stage: sales', '---', '', 'ご参加ください。', '', '一緒に始めましょう。', '', 'ご参加をお待ちしています。', '', '申し込んでください。'].join('\n')
    expect(allCtas(await findCtas(source)).map((cta) => [cta.form, cta.action?.text])).toEqual([
      ['request', '参加'],
      ['volitional', '始め'],
      ['invitation', '参加'],
      ['request', '申し込ん']
    ])
  })
})

describe('CTA inventory: scores', () => {
  it('scores a hedged, vague ask far below a confident one and lists the reasons', async () => {
    const source = [
      '---',
      'stage: sales',
      '---',
      '',
      'Maybe check it out if you want — [click here](https://example.com/workshop).',
      '',
      '[Reserve my seat](https://example.com/workshop/apply)'
    ].join('\n')
    const [weak, strong] = allCtas(await findCtas(source))
    expect(weak!.score).toBe(0)
    expect(weak!.reasons.map((reason) => reason.code)).toEqual(
      expect.arrayContaining(['hedge', 'vague-text'])
    )
    expect(weak!.hedges.map((hedge) => hedge.text)).toEqual(['Maybe', 'if you want'])
    expect(strong!.score).toBe(1)
    expect(strong!.reasons.map((reason) => reason.code)).toEqual([
      'base',
      'action-verb',
      'action-leads',
      'specific-object',
      'descriptive-text',
      'first-person'
    ])
  })

  it('lowers every ask of a section with competing targets', async () => {
    const single = await findCtas('---\nstage: sales\n---\n\n[講座に参加する](https://example.com/join)\n')
    const competing = await findCtas(
      '---\nstage: sales\n---\n\n[講座に参加する](https://example.com/join)\n\n[書籍を購入する](https://example.com/book)\n'
    )
    expect(allCtas(single)[0]!.score).toBe(1)
    expect(allCtas(competing)[0]!.score).toBe(0.9)
    expect(allCtas(competing)[0]!.reasons.at(-1)).toEqual({code: 'competing', delta: -0.1})
  })
})

describe('CTA rules stay quiet outside closings', () => {
  it('reports no CTA rule in education content with several offers and a hedged ask', async () => {
    const source = '# 習慣のコツ\n\n[講座に参加する](https://example.com/join)\n\n[書籍を購入する](https://example.com/book)\n\nもしよろしければ、講座への参加をご検討ください。\n'
    const file = await lint(source)
    expect(file.messages.filter((message) => CTA_RULES.includes(String(message.ruleId)))).toEqual([])
  })
})

describe('CTA inventory: real closing forms and offers', () => {
  const sales = (body: string) => `---\nstage: sales\n---\n\n# Offer\n\n${body}\n`

  it('gives a bare URL under an asking line that line’s ask, with that line as its sentence', async () => {
    for (const [body, line] of [
      ['Please use the form below to reserve your place.\n\nhttps://example.com/reserve', 'Please use the form below to reserve your place.'],
      ['受講のお申し込みは、下記のURLからどうぞ。\n\nhttps://example.com/apply', '受講のお申し込みは、下記のURLからどうぞ。']
    ] as const) {
      const source = sales(body)
      const inventory = await findCtas(source)
      const ctas = allCtas(inventory)
      expect(ctas).toHaveLength(1)
      expect(ctas[0]!.url).toMatch(/^https:\/\/example\.com\//)
      expect(ctas[0]!.sentence?.text).toBe(line)
      expectExactPositions(source, inventory)
    }
  })

  it('counts links listed under one ask as one offer, and asks of another kind as another', async () => {
    const list = await findCtas(sales('Get the guide in the format you like:\n\n- [Paperback](https://a.example/p)\n- [Kindle](https://b.example/k)'))
    expect(new Set(allCtas(list).map((cta) => cta.offer)).size).toBe(1)
    expect(list.sections[0]!.targets).toEqual(['https://a.example/p'])

    const mixed = await findCtas(sales('[Buy a ticket](https://example.com/t)\n\nWe also encourage you to volunteer at the desk.'))
    expect(allCtas(mixed).map((cta) => cta.offer)).toEqual(['https://example.com/t', 'action:contribute'])

    const same = await findCtas(sales('Register today.\n\n[Register for the meetup](https://example.com/r)'))
    expect(same.sections[0]!.targets).toEqual(['https://example.com/r'])
  })

  it('sets procedure and descriptive くださる apart from asks', async () => {
    for (const body of [
      'お支払い方法を変える場合は、一度キャンセルしてから改めてお手続きください。',
      'If you need an invoice, contact billing.',
      '会場費を支えてくださる、地元のお店を探しています。'
    ]) {
      expect(allCtas(await findCtas(sales(body)))).toEqual([])
    }
  })

  it('reads open calls, openings and availability as asks, availability hedged', async () => {
    const open = allCtas(await findCtas(sales('スポンサーを募集しています。\n\nTickets are now on sale.')))
    expect(open.map((cta) => [cta.form, cta.hedges.length])).toEqual([['invitation', 0], ['invitation', 0]])
    const closed = allCtas(await findCtas(sales('スポンサーの募集は終了しました。')))
    expect(closed).toEqual([])
    const available = allCtas(await findCtas(sales('チケットは以下から購入できます。\n\nTickets are available at the link above.')))
    expect(available.map((cta) => cta.hedges.map((hedge) => hedge.text))).toEqual([['できます'], ['are available at']])
  })

  it('reads "you can" + a verb that takes the offer, with where or when, as an unhedged ask; a possibility explained asks nothing', async () => {
    const asks = allCtas(await findCtas(sales('You can order the book from the shop page.\n\nFor one week only, you can grab the bundle on Gumroad.\n\nYou can now register [on the site](https://example.com/register).')))
    expect(asks.map((cta) => [cta.kind, cta.primary, cta.action?.text, cta.hedges.length])).toEqual([
      ['sentence', true, 'order', 0],
      ['sentence', true, 'grab', 0],
      ['link', true, 'register', 0]
    ])
    // What is possible, told as a lesson tells it; reading and generic verbs; a list after a modal.
    const told = sales('When prices fall, you can buy them at a big discount.\n\nYou can read the notes in the appendix.\n\nAs a member, you can save recipes, leave notes, and share your own.')
    expect(allCtas(await findCtas(told))).toEqual([])
  })

  it('reads verbs listed after a modal or an infinitive as one statement, every item of it; a purpose clause still orders', async () => {
    // Each item is an action verb that asks when it opens a sentence of its own.
    const listed = sales(
      'As a member you can save recipes, book tables, and share your own.\n\nWe have eleven weeks to budget, book, and shop for the holidays.\n\n' +
        '会員になると、レシピを保存し、席を予約し、作品を共有できます。\n\n年末まで11週間あるので、予算を立て、予約して、買い物をする計画を立てられます。'
    )
    expect(allCtas(await findCtas(listed))).toEqual([])
    const asks = sales(
      'To register, fill in the form, and book your seat.\n\nYou can read the notes, but please book your seat, bring a friend, and join us.\n\n' +
        'If you want to, book your seat, bring a friend, and join us.\n\n登録するには、フォームに記入し、席を予約してください。'
    )
    const found = allCtas(await findCtas(asks))
    expect(found.map((cta) => cta.action?.text)).toEqual(['book', 'book', 'book', '予約し'])
    expectExactPositions(asks, await findCtas(asks))
  })

  it('widens a bare URL to the vague words before it', async () => {
    const source = sales('For the full schedule, click here: https://example.com/schedule')
    const file = await lint(source)
    const vague = file.messages.filter((message) => message.ruleId === 'vague-link')
    expect(vague.map((message) => message.actual)).toEqual(['click here: https://example.com/schedule'])
    const place = vague[0]!.place as {start: {offset: number}; end: {offset: number}}
    expect(source.slice(place.start.offset, place.end.offset)).toBe('click here: https://example.com/schedule')
  })
})
