/**
 * Peak memory of one large draft against the same text in ten files linted one
 * by one (issue 13: "the 10 MB Markdown file lints with a peak RSS within 2× that
 * of ten 1 MB files linted one by one"). Each lint is its own CLI process, so
 * each peak is that process's maximum resident set (from /usr/bin/time).
 *
 *   npx tsx bench/large-file-memory.ts [--mb 10]
 *
 * Takes a few minutes at 10 MB. Prints the peaks and their ratio, and for
 * comparison the peak of one run over the ten files together (--concurrency 1):
 * what a user linting the same text as an archive of files sees.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const cli = path.join(root, 'dist/cli.js')
const args = process.argv.slice(2)
const megabytes = Number(args[args.indexOf('--mb') + 1]) || 10
if (!existsSync('/usr/bin/time')) {
  console.log('large-file-memory: /usr/bin/time is needed to read peak memory (apt-get install time); nothing measured.')
  process.exit(0)
}

// A paragraph of both languages with a cue or two, as a long archive page would have.
const paragraph = '今すぐお申し込みください。講座の内容を説明します。Act now and join the course today.\n\n'
const folder = mkdtempSync(path.join(os.tmpdir(), 'trustlint-memory-'))
try {
  const repeat = (bytes: number) => paragraph.repeat(Math.ceil(bytes / Buffer.byteLength(paragraph)))
  writeFileSync(path.join(folder, 'large.md'), repeat(megabytes * 1e6))
  const small = repeat(1e6)
  for (let index = 0; index < megabytes; index++) writeFileSync(path.join(folder, `part-${index}.md`), small)

  const peak = (...files: string[]) => {
    const result = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, cli, '--no-config', '--no-ignore', '--concurrency', '1', '--file-timeout', '0', '--max-file-size', String(megabytes * 2e6), '--format', 'json', ...files], {
      cwd: folder,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024
    })
    const [kb, seconds] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number)
    return {mb: Math.round(kb! / 1024), seconds: seconds!}
  }

  const large = peak('large.md')
  const parts = Array.from({length: megabytes}, (_, index) => peak(`part-${index}.md`))
  const partPeak = Math.max(...parts.map((part) => part.mb))
  console.log(`${megabytes} MB in one file: peak ${large.mb} MB, ${large.seconds} s`)
  console.log(`${megabytes} files of 1 MB one by one: highest peak ${partPeak} MB, ${parts.reduce((sum, part) => sum + part.seconds, 0).toFixed(1)} s in all`)
  console.log(`ratio ${(large.mb / partPeak).toFixed(2)} (target ≤ 2)`)
  const together = peak(...Array.from({length: megabytes}, (_, index) => `part-${index}.md`))
  console.log(`${megabytes} files of 1 MB in one run: peak ${together.mb} MB, ${together.seconds} s (one file / this: ${(large.mb / together.mb).toFixed(2)})`)
} finally {
  rmSync(folder, {recursive: true, force: true})
}
