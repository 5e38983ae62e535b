import {runCli} from './cli/run.js'

// Thin entry: everything lives in src/cli/. The exit code is set, never
// forced, so piped output is always flushed.
runCli(process.argv.slice(2), {cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin}).then(
  (code) => {
    process.exitCode = code
  },
  (error: Error) => {
    process.stderr.write(`trustlint: unexpected failure: ${error.stack ?? error.message}\n`)
    process.exitCode = 2
  }
)
