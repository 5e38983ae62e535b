import {describe, expect, it} from 'vitest'
import {analyze} from '../src/index.js'
import {CLOSING_SIGNALS, FEATURES, featureOf, featuresOf, fitStageModel, logits, softmax, STAGES, toModel, toParameters, type Example, type StageModel} from '../src/analyze/stage-model.js'
import {SIGNAL_NAMES, type SignalName} from '../src/analyze/stage-signals.js'
import weights from '../src/analyze/stage-weights.json' with {type: 'json'}
import type {Stage} from '../src/core/stages.js'

// The model module on made-up data, the weights file as data, and the signals
// on text: what they find and that every span points at its text.

const example = (names: SignalName[], stage: Stage, sentences = 4): Example => ({x: featuresOf(names.map((name) => ({name})), sentences), stage})

const tiny: Example[] = [
  example(['price', 'purchase-ask'], 'sales'),
  example(['price', 'price', 'payment-terms'], 'sales'),
  example(['purchase-ask', 'payment-terms'], 'sales'),
  example(['free', 'opt-in-ask'], 'acquisition'),
  example(['free', 'opt-in-offer'], 'acquisition'),
  example(['opt-in-offer', 'opt-in-ask'], 'acquisition'),
  example(['question', 'explanation', 'no-ask'], 'education'),
  example(['explanation', 'explanation', 'no-ask'], 'education'),
  example(['question', 'citation'], 'education')
]

const predict = (parameters: ReturnType<typeof fitStageModel>, names: SignalName[]) => {
  const p = softmax(logits(parameters, featuresOf(names.map((name) => ({name})), 4)))
  return STAGES[p.indexOf(Math.max(...p))]
}

describe('stage model', () => {
  it('learns which stage each signal speaks for from a tiny labelled set', () => {
    const parameters = fitStageModel(tiny)
    const model = toModel(parameters, 'test')
    expect(model.weights.price.sales).toBeGreaterThan(model.weights.price.education)
    expect(model.weights.price.sales).toBeGreaterThan(model.weights.price.acquisition)
    expect(model.weights.free.acquisition).toBeGreaterThan(model.weights.free.sales)
    expect(model.weights.question.education).toBeGreaterThan(model.weights.question.sales)
    // Combinations it never saw, from single signals it did.
    expect(predict(parameters, ['payment-terms'])).toBe('sales')
    expect(predict(parameters, ['opt-in-offer'])).toBe('acquisition')
    expect(predict(parameters, ['citation', 'no-ask'])).toBe('education')
  })

  it('fits deterministically: the same data gives the same weights file', () => {
    const first = JSON.stringify(toModel(fitStageModel(tiny), 'test'))
    const second = JSON.stringify(toModel(fitStageModel(tiny), 'test'))
    expect(second).toBe(first)
    // A stronger penalty gives smaller weights: the option is used.
    const loose = toModel(fitStageModel(tiny, {l2: 0.001, iterations: 3000, rate: 0.5}), 'test')
    const tight = toModel(fitStageModel(tiny, {l2: 1, iterations: 3000, rate: 0.5}), 'test')
    expect(Math.abs(tight.weights.price.sales)).toBeLessThan(Math.abs(loose.weights.price.sales))
  })

  it('turns scores into probabilities', () => {
    const p = softmax([2, 0, -1])
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
    expect(p[0]).toBeGreaterThan(p[1]!)
    // Large scores do not overflow.
    expect(softmax([1000, 999, 0]).every(Number.isFinite)).toBe(true)
  })

  it('has a weights file that matches the signals the code collects', () => {
    const model = weights as StageModel
    expect(model.features).toEqual([...FEATURES])
    expect(model.stages).toEqual([...STAGES])
    for (const name of FEATURES) for (const stage of STAGES) expect(Number.isFinite(model.weights[name][stage])).toBe(true)
    // Rounded when written, so reading and writing it again changes nothing.
    const again = toModel(toParameters(model), model.about, model.training)
    expect(JSON.stringify(again, null, 2)).toBe(JSON.stringify(model, null, 2))
    expect([...FEATURES]).toEqual([...SIGNAL_NAMES, 'length', ...CLOSING_SIGNALS.map((name) => `${name}@end`)])
  })

  it('counts an opt-in signal in the last 40% of the text as its own closing feature', () => {
    const extent = {start: 100, end: 200}
    expect(featureOf({name: 'opt-in-ask', start: 159}, extent)).toBe('opt-in-ask')
    expect(featureOf({name: 'opt-in-ask', start: 160}, extent)).toBe('opt-in-ask@end')
    // Only the opt-in family is split; without an extent nothing is.
    expect(featureOf({name: 'price', start: 190}, extent)).toBe('price')
    expect(featureOf({name: 'free', start: 190})).toBe('free')
    const x = featuresOf([{name: 'free', start: 110}, {name: 'free', start: 190}], 4, extent)
    expect(x[FEATURES.indexOf('free')]).toBeCloseTo(Math.log(2), 12)
    expect(x[FEATURES.indexOf('free@end')]).toBeCloseTo(Math.log(2), 12)
  })
})

describe('stage signals', () => {
  const signalsOf = async (text: string) => (await analyze(text)).document.stage.signals

  it('keeps the exact span of every signal, full-width text included', async () => {
    const source = [
      '## 講座のご案内',
      '',
      '受講料は２９，８００円（税込）、送料無料です。お支払いはクレジットカードで、締め切りは５月３１日です。',
      '',
      '[講座に申し込む](https://example.com/checkout)',
      '',
      '## Why it works',
      '',
      "Because practice beats theory. For example, write one headline a day. What's yours?"
    ].join('\n')
    const signals = await signalsOf(source)
    expect(signals.length).toBeGreaterThan(5)
    for (const signal of signals) {
      expect(signal.end).toBeGreaterThan(signal.start)
      expect(source.slice(signal.start, signal.end).normalize('NFKC')).toBe(signal.text.normalize('NFKC'))
    }
    const price = signals.find((signal) => signal.name === 'price' && signal.text.includes('円'))!
    expect(source.slice(price.start, price.end)).toBe('２９，８００円')
  })

  it('ends a span on the source it came from: a character reference or an emoji at its end', async () => {
    const source = '## 講座\n\n受講料は&#x31;2,000円です。🔥お申し込みは下記のフォームから。\n'
    const price = (await signalsOf(source)).find((signal) => signal.name === 'price')!
    expect(source.slice(price.start, price.end)).toBe('&#x31;2,000円')
  })

  it('does not read the end of a price (12,000円) as free', async () => {
    const names = (await signalsOf('## 講座\n\n受講料は12,000円、教材費は3,000円です。\n')).map((signal) => signal.name)
    expect(names).toContain('price')
    expect(names).not.toContain('free')
  })

  it('tells free from paid', async () => {
    const free = await signalsOf('## 勉強会\n\n参加費は無料です。どなたでもご参加ください。\n\n| 参加費 | 0円 |\n|---|---|\n')
    expect(free.map((signal) => signal.name)).toContain('free')
    expect(free.map((signal) => signal.name)).not.toContain('price')
    const paid = await signalsOf('## Workshop\n\nTickets are $120 per seat, early-bird until Friday.')
    expect(paid.map((signal) => signal.name)).toEqual(expect.arrayContaining(['price', 'paid-entry']))
  })

  // The texts of the signals of one kind in `text`.
  const textsOf = async (text: string, name: SignalName) => (await signalsOf(text)).filter((signal) => signal.name === name).map((signal) => signal.text)

  it('reads FAX and TEL as order channels only as words of their own, in both languages', async () => {
    const channels = (text: string) => textsOf(text, 'order-channel')
    // "tell", "hotel", "Intel", "telephoto", "faxed" hold the letters, not the channel.
    expect(await channels('Let me tell you about the hotel by the lake. Intel laptops and telephoto lenses were faxed over.')).toEqual([])
    expect(await channels('Orders: FAX 03-1234-5679 or TEL 03-1234-5678.')).toEqual(['FAX', 'TEL'])
    expect(await channels('ご注文はＴＥＬ０３－１２３４－５６７８、またはFAXで承ります。')).toEqual(['ご注文', 'TEL', 'FAX'])
    expect(await channels('ホテルの話をします。テレビで見た景色です。')).toEqual([])
  })

  it('does not read a domain written in the text (example.co.uk) as a lesson\'s "example"', async () => {
    const howTo = (text: string) => textsOf(text, 'how-to')
    expect(await howTo('Sign in to your account at example.co.uk, or at my-example.org.')).toEqual([])
    expect(await howTo('受信設定で「example-yoga.jp」からのメールを許可してください。')).toEqual([])
    expect(await howTo('Here is an example of a good subject line.')).toEqual(['example'])
    expect(await howTo('An example-based page ends with one more example.')).toEqual(['example', 'example'])
  })

  it('reads "deal" as buying and "apply" as a sign-up only in those senses', async () => {
    expect(await textsOf('How to deal with a slow week. It takes a great deal of patience, and that is no big deal.', 'buying')).toEqual([])
    expect(await textsOf('The best deals this week, and one deal I skipped.', 'buying')).toEqual(['deals', 'deal'])
    expect(await textsOf('Apply the glaze thinly, then apply a second coat.', 'registration')).toEqual([])
    expect(await textsOf('Apply now: applications close on Friday. To apply, fill in the form.', 'registration')).toEqual(['Apply now', 'To apply'])
  })

  it('reads a release told in the first person and sign-up wording, in both languages', async () => {
    const names = async (text: string) => (await signalsOf(text)).map((signal) => `${signal.name}:${signal.text}`)
    expect(await names('Today sees the publication of my new novel. It is now available on Kindle.')).toEqual(
      expect.arrayContaining(['release:publication of my', 'release:is now available on Kindle'])
    )
    expect(await names('My debut novel is out, and the app was approved for sale.')).toEqual(expect.arrayContaining(['release:My debut novel', 'release:approved for sale']))
    expect(await names('私の二冊目の本が出版されました。電子版も配信開始です。')).toEqual(expect.arrayContaining(['release:出版されました', 'release:配信開始']))
    expect(await names('Create an account and sign up for the beta.')).toEqual(expect.arrayContaining(['registration:Create an account', 'registration:sign up for']))
    expect(await names('新規会員登録はこちらのページからどうぞ。')).toContain('registration:会員登録')
  })

  it('reads where links go, with the target as detail', async () => {
    const source = '## Links\n\nSee [the meetup page](https://connpass.com/event/1/), [the book](https://www.amazon.co.jp/dp/B000000000) and [the list](https://example.substack.com/).'
    const signals = await signalsOf(source)
    const byName = (name: string) => signals.find((signal) => signal.name === name)
    expect(byName('ticket-link')).toMatchObject({text: 'the meetup page', detail: 'https://connpass.com/event/1/'})
    expect(byName('affiliate-link')?.text).toBe('the book')
    expect(byName('list-host-link')?.text).toBe('the list')
  })

  it('reads a URL written out in the text (an autolink) as a bare URL, with where it goes', async () => {
    const source = 'Order here:\nhttps://example.com/checkout/batch-3\n\n申し込みフォーム：https://forms.gle/AbCdEf123\n'
    const signals = await signalsOf(source)
    const bare = signals.filter((signal) => signal.name === 'bare-url')
    expect(bare.map((signal) => source.slice(signal.start, signal.end))).toEqual(['https://example.com/checkout/batch-3', 'https://forms.gle/AbCdEf123'])
    expect(signals.find((signal) => signal.name === 'checkout-link')?.detail).toBe('https://example.com/checkout/batch-3')
    expect(signals.find((signal) => signal.name === 'form-link')?.detail).toBe('https://forms.gle/AbCdEf123')
    // A link with a text of its own is not a bare URL, and one URL is one signal.
    const linked = await signalsOf('[Order the kit](https://example.com/checkout) or go to [https://example.com/kit](https://example.com/kit).')
    expect(linked.filter((signal) => signal.name === 'bare-url').map((signal) => signal.text)).toEqual(['https://example.com/kit'])
  })

  it('reads a text that calls itself an article or a post, in both languages', async () => {
    const names = async (text: string) => (await signalsOf(text)).filter((signal) => signal.name === 'article').map((signal) => signal.text)
    expect(await names('In this post I explain how the apps make money.')).toEqual(['In this post'])
    expect(await names('この記事では、制度の仕組みを解説します。本記事の後半は注意点です。')).toEqual(['この記事', '本記事'])
    expect(await names('Post your question in the forum. This article-writing tool is paid.')).toEqual([])
  })

  it('reads a sign-up that costs nothing without the word free, and the promises of a sign-up form', async () => {
    const all = async (text: string) => (await signalsOf(text)).map((signal) => `${signal.name}:${signal.text}`)
    expect(await all('入会金・年会費はかかりません。')).toContain('free:年会費はかかりません')
    expect(await all('It costs nothing. No fees, no deposits.')).toEqual(expect.arrayContaining(['free:costs nothing', 'free:No fees']))
    const promises = await all('No spam, ever. You can unsubscribe any time. いつでも配信停止できます。')
    expect(promises).toEqual(expect.arrayContaining(['opt-in-offer:No spam', 'opt-in-offer:unsubscribe any time', 'opt-in-offer:いつでも配信停止']))
    // "No spam" is a promise; writing about spam is still talk about it.
    expect(promises.filter((entry) => entry.startsWith('meta-talk'))).toEqual([])
    expect(await all('Spam filters learn from what you mark.')).toContain('meta-talk:Spam')
  })

  it('does not count the words of an offer inside a quotation: quoted copy is talked about', async () => {
    const names = async (text: string) => (await signalsOf(text)).map((signal) => signal.name)
    const quoted = await names('件名は「今すぐ登録で無料プレゼント」でした。The button read "Register now for free shipping".')
    expect(quoted.filter((name) => name === 'quotation')).toHaveLength(2)
    expect(quoted).not.toContain('free')
    expect(quoted).not.toContain('registration')
    // The same words outside quotes are the page's own.
    expect(await names('今すぐ登録で無料プレゼント。Register now for free shipping.')).toEqual(expect.arrayContaining(['free', 'registration']))
  })

  it('marks an event with a date or place and a way to come, and no price, as unpriced', async () => {
    const names = async (text: string) => (await signalsOf(text)).map((signal) => signal.name)
    const event = '## 句会のご案内\n\n日時：4月12日 10時〜\n\n会場：中央公園\n\n下記のフォームからお申し込みください。\n'
    expect(await names(event)).toContain('unpriced-event')
    expect(await names(event.replace('会場：中央公園', '会場：中央公園、参加費：3,000円'))).not.toContain('unpriced-event')
    expect(await names('## Sketch walk\n\nVenue: the harbour clock. Please register on the form.\n')).toContain('unpriced-event')
  })

  it('reads advice to the reader, in both languages', async () => {
    const names = async (text: string) => (await signalsOf(text)).filter((signal) => signal.name === 'advice').map((signal) => signal.text)
    expect(await names('支払方法を確認しておきましょう。分割払いは注意が必要です。')).toEqual(['しておきましょう', '注意が必要'])
    expect(await names('Make sure your card has not expired, and keep in mind the queue.')).toEqual(['Make sure', 'keep in mind'])
  })

  it('reads the English words of buying and announcing, and a price in kanji numerals', async () => {
    const all = async (text: string) => (await signalsOf(text)).map((signal) => `${signal.name}:${signal.text}`)
    expect(await all('Buy a ticket for the day. We are excited to announce the programme.')).toEqual(
      expect.arrayContaining(['buying:Buy', 'buying:ticket', 'announcement:We are excited to', 'announcement:announce'])
    )
    expect(await all('参加費は六千円、二日間で一万二千円です。全国一円にお届けします。')).toEqual(expect.arrayContaining(['price:六千円', 'price:一万二千円']))
    expect(await all('全国一円にお届けします。')).not.toContain('price:一円')
  })

  it('does not read a frequency (four emails per year) as a price', async () => {
    const names = async (text: string) => (await signalsOf(text)).filter((signal) => signal.name === 'price').map((signal) => signal.text)
    expect(await names('Volume is about four emails per year.')).toEqual([])
    expect(await names('The plan is $9 per month.')).toEqual(['$9'])
  })

  it('reads a sign-up ask as a purchase where the reader pays and nothing is free, in both languages', async () => {
    const asks = async (text: string) =>
      (await signalsOf(text)).filter((signal) => /-ask$|-offer$/.test(signal.name)).map((signal) => `${signal.name}:${signal.text}`)
    // A price beside the ask, in one section.
    expect(await asks('## Tuesday edition\n\nThe paid edition is £4 a month. [Subscribe to the Tuesday edition](https://example.com/subscribe)\n')).toEqual(
      expect.arrayContaining(['purchase-ask:Subscribe to the Tuesday edition'])
    )
    // The same ask with the edition free is an opt-in.
    expect(await asks('## Monthly letter\n\nThe letter is free. [Subscribe to the monthly letter](https://example.com/subscribe)\n')).toEqual(
      expect.arrayContaining(['opt-in-ask:Subscribe to the monthly letter', 'free-offer:Subscribe to the monthly letter'])
    )
    // A paid entry in one section and the ask in another: the document reads the ask as a purchase, the section alone does not.
    const paper = '## 有料版について\n\n有料版は毎週木曜日の配信です。\n\n## 登録\n\n[句帳だよりの購読を登録する](https://example.jp/kucho/subscribe)\n'
    const analysis = await analyze(paper)
    expect(analysis.document.stage.signals.filter((signal) => signal.name.endsWith('-ask')).map((signal) => signal.name)).toEqual(['purchase-ask'])
    expect(analysis.sections.at(-1)!.stage.signals.map((signal) => signal.name)).toContain('opt-in-ask')
  })

  it('does not read a newsletter box as a purchase because an article above it quotes prices', async () => {
    const article = [
      '## Why eggs cost more',
      '',
      'A dozen went from $2.50 to $4.80 this winter. Fewer hens laid, and demand barely moved.',
      '',
      '## Next month',
      '',
      '[Get the next market note by email](https://example.com/notes/newsletter)'
    ].join('\n')
    const names = (await analyze(article)).document.stage.signals.map((signal) => signal.name)
    expect(names).toContain('price')
    expect(names.filter((name) => name.endsWith('-ask'))).toEqual(['opt-in-ask'])
  })

  it('gives each signal the stage its fitted weight favours and a weight', async () => {
    const signals = await signalsOf('## Offer\n\nThe course costs $290. [Buy the course](https://example.com/checkout)')
    const price = signals.find((signal) => signal.name === 'price')!
    expect(price.stage).toBe('sales')
    expect(price.weight).toBeGreaterThan(0)
  })
})

describe('document stage', () => {
  const lesson = [
    '# Writing better subject lines',
    '',
    'A subject line is a promise. Because readers scan their inbox in seconds, the first three words carry most of the weight.',
    'For example, "Your invoice template" says more than "News from us". Instead of clever wording, name the benefit.',
    'Here is how to test it: write five versions, read them aloud, and keep the one you would open yourself.',
    '',
    '## Why numbers help',
    '',
    'Numbers make a promise concrete. According to a survey of our readers, specific subject lines were opened more often.',
    'That means a vague line costs you readers. What would your last subject line look like with a number in it?',
    '',
    '## One more thing',
    '',
    'My course on email writing opens next week. [Join the course](https://example.com/course)'
  ].join('\n')

  it('is what most of the document does: one short ask after a long lesson stays education', async () => {
    const analysis = await analyze(lesson)
    expect(analysis.document.stage.inferred).toBe('education')
    expect(analysis.sections.at(-1)!.stage.signals.map((signal) => signal.name)).toContain('purchase-ask')
  })

  it('reports the probability of the inferred stage as its confidence', async () => {
    const {stage} = (await analyze(lesson)).document
    expect(stage.confidence).toBeGreaterThan(0)
    expect(stage.confidence).toBeLessThanOrEqual(1)
  })
})
