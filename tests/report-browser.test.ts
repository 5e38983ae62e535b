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

describe.skipIf(!hasChromium)('HTML report in Chromium', () => {
  it('highlights sit on the flagged text, the chart renders, tooltips work by keyboard, and the console stays clean', async () => {
    const page = await browser!.newPage({viewport: {width: 1200, height: 900}})
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(String(error)))
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await page.goto('file://' + html)

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
