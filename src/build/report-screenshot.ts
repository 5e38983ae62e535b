/**
 * Render the HTML report of fixtures/demo and save a screenshot for the docs:
 *
 *   npm run build && npx tsx src/build/report-screenshot.ts [out.png]
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
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs/images/report-demo.png'))
const work = mkdtempSync(path.join(tmpdir(), 'trustlint-shot-'))
const html = path.join(work, 'report.html')
const result = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'analyze', '--format', 'html', '--output', html, 'fixtures/demo'], {cwd: root, encoding: 'utf8'})
if (result.status !== 0) throw new Error(result.stderr)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
})
const page = await browser.newPage({viewport: {width: 1100, height: 1500}, deviceScaleFactor: 1})
await page.goto('file://' + html)
await page.locator('#doc-2').scrollIntoViewIfNeeded()
await page.locator('#doc-2 mark').first().focus()
await page.screenshot({path: out})
await browser.close()
rmSync(work, {recursive: true, force: true})
console.error(`trustlint: wrote ${path.relative(root, out)}`)
