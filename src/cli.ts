import {runCli} from './cli/run.js'

// Thin entry: everything lives in src/cli/. The exit code is set, never
// forced, so piped output is always flushed.
// A reader that stops early (`trustlint --format json … | head`) closes the pipe: the
// rest of the report has nowhere to go, which is no failure of the run and no reason
// for a stack trace. The report loop sees the closed stream and stops writing.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
})

runCli(process.argv.slice(2), {cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin}).then(
  (code) => {
    process.exitCode = code
  },
  (error: Error) => {
    process.stderr.write(`trustlint: unexpected failure: ${error.stack ?? error.message}\n`)
    process.exitCode = 2
  }
)
