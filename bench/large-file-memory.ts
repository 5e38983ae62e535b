/**
 * Peak memory of one large draft against the same text in ten files linted one
 * by one (issue 13: "the 10 MB Markdown file lints with a peak RSS within 2× that
 * of ten 1 MB files linted one by one"). Each peak is a CLI process's maximum
 * resident set (from /usr/bin/time).
 *
 *   npx tsx bench/large-file-memory.ts [--mb 10] [--runs 1]
 *
 * The target's "peak RSS of ten 1 MB files linted one by one" is one run of the
 * CLI over the ten files, one after the other (--concurrency 1): the same text,
 * the same process, as an archive. That ratio is the target's. For reference it
 * also prints the highest peak of each 1 MB file linted in a process of its own,
 * which has no archive's messages and report to hold (a stricter comparison).
 * Peaks move by 10-30% from run to run with V8's collection timing: --runs N
 * repeats each measurement and prints every value. A few minutes per run at 10 MB.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const cli = path.join(root, 'dist/cli.js')
const args = process.argv.slice(2)
const megabytes = Number(args[args.indexOf('--mb') + 1]) || 10
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) || 1 : 1
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

  const partNames = Array.from({length: megabytes}, (_, index) => `part-${index}.md`)
  for (let run = 1; run <= runs; run++) {
    const large = peak('large.md')
    const together = peak(...partNames)
    const parts = partNames.map((name) => peak(name))
    const partPeak = Math.max(...parts.map((part) => part.mb))
    if (runs > 1) console.log(`run ${run} of ${runs}`)
    console.log(`${megabytes} MB in one file: peak ${large.mb} MB, ${large.seconds} s`)
    console.log(`${megabytes} files of 1 MB linted one by one (one run): peak ${together.mb} MB, ${together.seconds} s`)
    console.log(`ratio ${(large.mb / together.mb).toFixed(2)} (target ≤ 2)`)
    console.log(`for reference, each 1 MB file in a process of its own: highest peak ${partPeak} MB (one file / this: ${(large.mb / partPeak).toFixed(2)})`)
  }
} finally {
  rmSync(folder, {recursive: true, force: true})
}
