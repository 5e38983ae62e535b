/**
 * HTML email against Markdown, per character of text (issue 15): the same
 * newsletter linted as its Markdown draft and as a Mailchimp-style HTML export
 * of it (table layout, inline styles, a style sheet, an Outlook-only block, a
 * hidden preheader, a tracking pixel), in one process, alternating.
 *
 *   npx tsx bench/html-vs-markdown.ts [--runs 9] [--copies 20]
 *
 * The HTML is built from the Markdown's own prose blocks, so both carry the
 * same text; the script checks that, then reports the median of the per-round
 * ratios (HTML CPU time per character of text / Markdown CPU time per
 * character of text) with its range. The target is 1.5; nothing is asserted.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {createLinter} from '../src/index.js'
import type {ProseBlock} from '../src/core/prose.js'
import {pairedRatios, rounded, spread} from './lib/stats.js'

const {values} = parseArgs({options: {runs: {type: 'string'}, copies: {type: 'string'}}})
const runs = Number(values.runs ?? 9)
const copies = Number(values.copies ?? 20)
const root = path.resolve(import.meta.dirname, '..')
const linter = createLinter()

/** Text chars the rules read: block text without masked characters. */
const textLength = (blocks: ProseBlock[]) => blocks.reduce((sum, block) => sum + block.text.replace(/\uFFFC|\s+/g, '').length, 0)

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

/** A block's text as HTML, its links as styled anchors. */
function inline(block: ProseBlock): string {
  let html = ''
  let at = 0
  for (const link of block.links) {
    html += escape(block.text.slice(at, link.start))
    html += `<a href="${escape(link.url)}" target="_blank" style="color:#007C89;font-weight:normal;text-decoration:underline;">${escape(block.text.slice(link.start, link.end))}</a>`
    at = link.end
  }
  return html + escape(block.text.slice(at))
}

/** A Mailchimp-style export of the blocks: one text block table per heading or paragraph. */
function mailchimp(blocks: ProseBlock[]): string {
  const rows = blocks.map((block) => {
    const content = block.kind === 'heading' ? `<h${block.headingDepth ?? 2} style="display:block;margin:0;padding:0;color:#222222;font-family:Helvetica;font-size:20px;">${inline(block)}</h${block.headingDepth ?? 2}>` : `<p style="margin:10px 0;padding:0;color:#757575;font-family:Helvetica;font-size:16px;line-height:150%;">${inline(block)}</p>`
    return `
<table border="0" cellpadding="0" cellspacing="0" width="100%" class="mcnTextBlock" style="min-width:100%;">
  <tbody class="mcnTextBlockOuter"><tr><td valign="top" class="mcnTextBlockInner" style="padding-top:9px;">
    <!--[if mso]><table align="left" border="0" cellspacing="0" cellpadding="0" width="100%" style="width:100%;"><tr><td valign="top" width="600" style="width:600px;"><![endif]-->
    <table align="left" border="0" cellpadding="0" cellspacing="0" style="max-width:100%;min-width:100%;" width="100%" class="mcnTextContentContainer">
      <tbody><tr><td valign="top" class="mcnTextContent" style="padding-top:0;padding-right:18px;padding-bottom:9px;padding-left:18px;">
        ${content}
      </td></tr></tbody>
    </table>
    <!--[if mso]></td></tr></table><![endif]-->
  </td></tr></tbody>
</table>`
  })
  return `<!doctype html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta charset="UTF-8"><meta http-equiv="X-UA-Compatible" content="IE=edge"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>*|MC:SUBJECT|*</title>
<style type="text/css">
  p{margin:10px 0;padding:0;} table{border-collapse:collapse;} h1,h2,h3,h4{display:block;margin:0;padding:0;}
  img,a img{border:0;height:auto;outline:none;text-decoration:none;} body,#bodyTable,#bodyCell{height:100%;margin:0;padding:0;width:100%;}
  @media only screen and (max-width: 480px){ .mcnTextContent{font-size:18px !important;line-height:125% !important;} }
</style></head>
<body>
<span class="mcnPreviewText" style="display:none;font-size:0px;line-height:0px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;visibility:hidden;mso-hide:all;">*|MC_PREVIEW_TEXT|*</span>
<center><table align="center" border="0" cellpadding="0" cellspacing="0" height="100%" width="100%" id="bodyTable"><tr><td align="center" valign="top" id="bodyCell">
${rows.join('\n')}
</td></tr></table></center>
<img src="https://example.com/open.gif?u=*|UNIQID|*" width="1" height="1" alt="">
</body></html>
`
}

/**
 * One lint, timed as CPU time of this process (user + system): on a shared
 * machine it moves much less than wall time, which other builds stretch.
 */
async function lintTimed(path: string, value: string) {
  const start = process.cpuUsage()
  const file = await linter.lint(new VFile({path, value}))
  const used = process.cpuUsage(start)
  return {ms: (used.user + used.system) / 1000, file}
}

for (const name of ['ja-newsletter.md', 'en-newsletter.md']) {
  const draft = readFileSync(path.join(root, 'fixtures/demo', name), 'utf8')
  const markdown = Array.from({length: copies}, () => draft.replace(/^---\n[\s\S]*?\n---\n/, '')).join('\n\n')
  const first = await lintTimed('draft.md', markdown)
  const mdBlocks = first.file.data.trustlintProse!.blocks
  const html = mailchimp(mdBlocks)
  const htmlFirst = await lintTimed('draft.html', html)
  const htmlBlocks = htmlFirst.file.data.trustlintProse!.blocks.filter((block) => block.kind !== 'subject' && block.kind !== 'preheader')
  const mdChars = textLength(mdBlocks)
  const htmlChars = textLength(htmlBlocks)
  if (mdChars !== htmlChars) throw new Error(`${name}: the HTML carries ${htmlChars} text characters, the Markdown ${mdChars}`)
  const md: number[] = []
  const h: number[] = []
  for (let round = 0; round < runs; round++) {
    // Alternate which goes first, so neither always runs on a warmer heap.
    if (round % 2) {
      h.push((await lintTimed('draft.html', html)).ms / htmlChars)
      md.push((await lintTimed('draft.md', markdown)).ms / mdChars)
    } else {
      md.push((await lintTimed('draft.md', markdown)).ms / mdChars)
      h.push((await lintTimed('draft.html', html)).ms / htmlChars)
    }
  }
  const ratio = rounded(spread(pairedRatios(h, md)))
  const perChar = (list: number[]) => (spread(list).median * 1000).toFixed(2)
  console.log(
    `${name}: ${mdChars} text chars; Markdown ${markdown.length} source chars, HTML ${html.length}; ` +
      `µs per text char: Markdown ${perChar(md)}, HTML ${perChar(h)}; HTML / Markdown ${ratio.median} (${ratio.min}–${ratio.max}, ${runs} rounds)`
  )
}
