import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A whole Node.js process to measure: the script and its arguments. */
export interface Command {
  name: string
  script: string
  args: string[]
  /** Exit codes that mean "ran fine" (linters exit 1 when they report errors). */
  okCodes: number[]
}

/** One measured process: wall seconds, CPU seconds (user + system), peak RSS in MiB. */
export interface Sample {
  wall: number
  cpu: number
  rss: number
}

const USAGE_PRELOAD = path.join(import.meta.dirname, '..', 'usage.cjs')

/** Run a command once in a fresh Node.js process and measure it. */
export async function runOnce(command: Command, cwd: string, onStdout?: (text: string) => void): Promise<Sample> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'trustlint-bench-'))
  const usageFile = path.join(folder, 'usage.json')
  try {
    const started = process.hrtime.bigint()
    const {code, tail} = await new Promise<{code: number | null; tail: string}>((resolve, reject) => {
      const child = spawn(process.execPath, ['--require', USAGE_PRELOAD, command.script, ...command.args], {
        cwd,
        env: {...process.env, TRUSTLINT_BENCH_USAGE: usageFile, FORCE_COLOR: '0', NO_COLOR: '1'},
        stdio: ['ignore', 'pipe', 'pipe']
      })
      // Output is drained (a full pipe would stall the child) but only its end is kept, for errors.
      let tail = ''
      const keep = (chunk: Buffer) => {
        tail = (tail + chunk.toString('utf8')).slice(-2000)
      }
      child.stdout.on('data', (chunk: Buffer) => {
        onStdout?.(chunk.toString('utf8'))
        keep(chunk)
      })
      child.stderr.on('data', keep)
      child.on('error', reject)
      child.on('close', (exitCode) => resolve({code: exitCode, tail}))
    })
    const wall = Number(process.hrtime.bigint() - started) / 1e9
    if (code === null || !command.okCodes.includes(code)) {
      throw new Error(`${command.name} exited with ${code}:\n${tail}`)
    }
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as {userMicros: number; systemMicros: number; maxRssKiB: number}
    return {wall, cpu: (usage.userMicros + usage.systemMicros) / 1e6, rss: usage.maxRssKiB / 1024}
  } finally {
    rmSync(folder, {recursive: true, force: true})
  }
}

/** Samples per command name, in round order (index i of every list comes from round i). */
export type Rounds = Record<string, Sample[]>

/**
 * Run the commands alternately (A B C, A B C, …): `warmup` uncounted rounds, then
 * `runs` counted ones. Alternating spreads the noise of a shared machine evenly,
 * and each round's ratio compares processes that ran seconds apart.
 */
export async function alternate(
  commands: Command[],
  options: {warmup: number; runs: number; cwd: string; log?: (line: string) => void}
): Promise<Rounds> {
  const rounds: Rounds = Object.fromEntries(commands.map((command) => [command.name, [] as Sample[]]))
  for (let round = -options.warmup; round < options.runs; round++) {
    const line: string[] = []
    for (const command of commands) {
      const sample = await runOnce(command, options.cwd)
      if (round >= 0) rounds[command.name]!.push(sample)
      line.push(`${command.name} ${sample.wall.toFixed(2)}s ${sample.rss.toFixed(0)}MiB`)
    }
    options.log?.(`  ${round < 0 ? 'warm-up' : `round ${round + 1}/${options.runs}`}: ${line.join(', ')}`)
  }
  return rounds
}
