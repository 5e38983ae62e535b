import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {chromium, type Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

// The HTML report in a real browser: Debian's Chromium driven by playwright-core.
// .ci/run installs Chromium; without it (a bare developer machine) these tests
// are skipped and say why.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.warn(`report-browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`)

const root = path.resolve(import.meta.dirname, '..')
const work = mkdtempSync(path.join(tmpdir(), 'trustlint-report-'))
const html = path.join(work, 'report.html')
let browser: Browser | undefined

function cli(args: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), ...args], {cwd: root, encoding: 'utf8'})
}

beforeAll(async () => {
  if (!hasChromium) return
  const result = cli(['analyze', '--format', 'html', '--output', html, 'fixtures/demo'])
  expect(result.status, result.stderr).toBe(0)
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  rmSync(work, {recursive: true, force: true})
})

/** A page of the report, collecting console errors and every request it makes. */
async function open(file: string) {
  const page = await browser!.newPage({viewport: {width: 1200, height: 900}})
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await page.goto('file://' + file)
  return {page, errors, requests}
}

describe.skipIf(!hasChromium)('HTML report in Chromium', () => {
  it('highlights sit on the flagged text, the chart renders, tooltips work by keyboard, and the console stays clean', async () => {
    const {page, errors, requests} = await open(html)

    // Every finding of the analysis is highlighted exactly on its source text.
    const analysis = JSON.parse(cli(['analyze', '--format', 'json', 'fixtures/demo']).stdout) as {files: {path: string; document: {pushiness: {findings: {start: {offset: number}; actual: string}[]}}; sections: unknown[]}[]}
    const marks = await page.$$eval('mark', (nodes) => nodes.map((node) => ({start: Number(node.dataset.start), end: Number(node.dataset.end), text: node.textContent ?? '', doc: node.closest('article')!.querySelector('h2')!.textContent})))
    expect(marks.length).toBeGreaterThan(5)
    for (const file of analysis.files) {
      const source = readFileSync(path.join(root, file.path), 'utf8')
      const ofFile = marks.filter((mark) => mark.doc === file.path)
      for (const mark of ofFile) expect(mark.text).toBe(source.slice(mark.start, mark.end))
      for (const finding of file.document.pushiness.findings) {
        expect(ofFile.some((mark) => mark.start === finding.start.offset), `${file.path}: ${finding.actual}`).toBe(true)
      }
    }

    // One bar per section in each chart, sized by the score.
    const charts = await page.$$eval('article', (articles) =>
      articles.map((article) => ({bars: article.querySelectorAll('svg .bar').length, sections: article.querySelectorAll('.text-section').length, widest: Math.max(...[...article.querySelectorAll('svg rect')].map((rect) => Number(rect.getAttribute('width'))))}))
    )
    for (const chart of charts) {
      expect(chart.bars).toBe(chart.sections)
      expect(chart.widest).toBeGreaterThan(10)
    }

    // Keyboard: Tab reaches a highlight; its explanation shows; Escape hides it.
    const first = page.locator('mark').first()
    await first.focus()
    await expect.poll(() => page.locator('#tooltip').isVisible()).toBe(true)
    const rule = await first.getAttribute('data-rule')
    expect(await page.locator('#tooltip').textContent()).toContain(rule!)
    await page.keyboard.press('Escape')
    expect(await page.locator('#tooltip').isVisible()).toBe(false)
    const described = await first.getAttribute('aria-describedby')
    expect(described).toBeTruthy()
    expect(await page.locator('#' + described!.split(' ')[0]).count()).toBe(1)

    expect(errors).toEqual([])
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([])
  }, 60_000)
})

describe.skipIf(!hasChromium)('HTML archive timeline in Chromium', () => {
  const archiveHtml = path.join(work, 'archive.html')
  let archive: {issues: {path: string; stage: string; pushiness: number}[]; findings: {ruleId: string; path: string}[]}

  beforeAll(() => {
    const result = cli(['analyze', '--format', 'html', '--locale', 'en', '--output', archiveHtml, 'fixtures/archive'])
    expect(result.status, result.stderr).toBe(0)
    archive = JSON.parse(cli(['analyze', '--format', 'json', 'fixtures/archive']).stdout).archive
  }, 60_000)

  it('draws one mark per issue coloured by stage with pushiness as a line, and works with the keyboard', async () => {
    const {page, errors, requests} = await open(archiveHtml)

    // One mark per issue, in the archive's order, with its stage's colour.
    // (Strings run in the page: the tests are type-checked without the DOM library.)
    const marks = (await page.evaluate(`[...document.querySelectorAll('.tl-mark')].map((node) => {
      const shape = node.querySelector('circle:not(.ring), rect, path')
      return {path: node.getAttribute('data-path'), stage: node.getAttribute('data-stage'), fill: getComputedStyle(shape).fill, y: shape.getBoundingClientRect().y}
    })`)) as {path: string; stage: string; fill: string; y: number}[]
    expect(marks.map((mark) => [mark.path, mark.stage])).toEqual(archive.issues.map((issue) => [issue.path, issue.stage]))
    const fills = new Map<string, Set<string>>()
    for (const mark of marks) fills.set(mark.stage!, (fills.get(mark.stage!) ?? new Set()).add(mark.fill))
    // Each stage one colour, three stages three colours.
    expect([...fills.values()].map((set) => set.size)).toEqual([1, 1, 1])
    expect(new Set([...fills.values()].map((set) => [...set][0])).size).toBe(3)
    // The pushiness line has a point per issue; a pushier issue's mark sits higher.
    const points = await page.$eval('.push-line', (line) => (line.getAttribute('points') ?? '').trim().split(/\s+/).length)
    expect(points).toBe(archive.issues.length)
    const pushiest = archive.issues.reduce((a, b) => (b.pushiness > a.pushiness ? b : a))
    const calm = archive.issues.find((issue) => issue.pushiness === 0)!
    expect(marks.find((mark) => mark.path === pushiest.path)!.y).toBeLessThan(marks.find((mark) => mark.path === calm.path)!.y)
    // Issues with a pitch-cadence finding wear a ring.
    const ringed = await page.$$eval('.tl-mark:has(.ring)', (nodes) => nodes.map((node) => node.getAttribute('data-path')))
    for (const finding of archive.findings.filter((entry) => entry.ruleId === 'pitch-cadence')) expect(ringed).toContain(finding.path)

    // Keyboard: the timeline is one tab stop; arrows, Home and End move; the tooltip follows; Enter opens the draft.
    expect(await page.$$eval('.tl-mark[tabindex="0"]', (nodes) => nodes.length)).toBe(1)
    await page.locator('#timeline-h').evaluate((heading) => heading.scrollIntoView())
    await page.locator('.tl-mark').first().focus()
    const focused = () => page.evaluate(`document.activeElement?.getAttribute('data-path')`)
    expect(await focused()).toBe(archive.issues[0]!.path)
    await expect.poll(() => page.locator('#tooltip').isVisible()).toBe(true)
    expect(await page.locator('#tooltip').textContent()).toContain(archive.issues[0]!.path)
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    expect(await focused()).toBe(archive.issues[2]!.path)
    expect(await page.locator('#tooltip').textContent()).toContain(archive.issues[2]!.path)
    await page.keyboard.press('End')
    expect(await focused()).toBe(archive.issues.at(-1)!.path)
    await page.keyboard.press('ArrowRight')
    expect(await focused()).toBe(archive.issues.at(-1)!.path)
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowLeft')
    expect(await focused()).toBe(archive.issues[0]!.path)
    expect(await page.$$eval('.tl-mark[tabindex="0"]', (nodes) => nodes.map((node) => node.getAttribute('data-path')))).toEqual([archive.issues[0]!.path])
    // A back-to-back pitch's tooltip carries its finding.
    const pitch = archive.findings.find((finding) => finding.ruleId === 'pitch-cadence')!
    const index = archive.issues.findIndex((issue) => issue.path === pitch.path)
    for (let step = 0; step < index; step++) await page.keyboard.press('ArrowRight')
    expect(await page.locator('#tooltip').textContent()).toContain('pitch-cadence')
    await page.keyboard.press('Escape')
    expect(await page.locator('#tooltip').isVisible()).toBe(false)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate('location.hash')).toMatch(/^#doc-\d+$/)
    const hash = (await page.evaluate('location.hash')) as string
    expect(await page.locator(hash + ' h2').textContent()).toBe(pitch.path)

    expect(errors).toEqual([])
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([])
  }, 60_000)
})
