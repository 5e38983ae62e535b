/**
 * Render the HTML report of fixtures/demo and save a screenshot for the docs;
 * with --archive, the timeline of fixtures/archive (README, docs/analyzer.md):
 *
 *   npm run build && npx tsx src/build/report-screenshot.ts [--archive] [out.png]
 *
 * Needs Debian's chromium (CHROMIUM_PATH to override) and a CJK font
 * (fonts-noto-cjk) for the Japanese draft.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {chromium} from 'playwright-core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const archive = process.argv.includes('--archive')
const given = process.argv.slice(2).find((arg) => !arg.startsWith('--'))
const out = path.resolve(given ?? path.join(root, archive ? 'docs/images/archive-timeline.png' : 'docs/images/report-demo.png'))
const work = mkdtempSync(path.join(tmpdir(), 'trustlint-shot-'))
const html = path.join(work, 'report.html')
const input = archive ? ['--locale', 'en', 'fixtures/archive'] : ['fixtures/demo']
const result = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'analyze', '--format', 'html', '--output', html, ...input], {cwd: root, encoding: 'utf8'})
if (result.status !== 0) throw new Error(result.stderr)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})
const page = await browser.newPage({viewport: {width: 1100, height: archive ? 900 : 1500}, deviceScaleFactor: 1})
await page.goto('file://' + html)
if (archive) {
  // A pushy pitch after one lesson, reached from the first mark with the arrow keys as a reader would.
  await page.locator('.tl-mark').first().focus()
  for (let step = 0; step < 12; step++) await page.keyboard.press('ArrowRight')
  const box = (await page.locator('section.timeline').boundingBox())!
  await page.screenshot({path: out, clip: {x: 0, y: box.y - 8, width: 1100, height: Math.min(box.height + 16, 500)}})
} else {
  await page.locator('#doc-2').scrollIntoViewIfNeeded()
  await page.locator('#doc-2 mark').first().focus()
  await page.screenshot({path: out})
}
await browser.close()
rmSync(work, {recursive: true, force: true})
console.error(`trustlint: wrote ${path.relative(root, out)}`)
