/**
 * trustlint's lint loop without the CLI around it: read each file, lint it with one
 * reused linter, print the stylish report on stderr. The harness measures it with
 * `--via lib`, to separate the linter's cost from the CLI's (argument parsing, file
 * discovery, configuration lookup), or while the CLI is being reworked.
 *
 *   node lint-files.js <files…>   (built by the harness; see bench/run.ts)
 */
import {readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {createLinter} from '../src/index.js'

const linter = createLinter()
const files: VFile[] = []
for (const path of process.argv.slice(2)) files.push(await linter.lint(new VFile({path, value: readFileSync(path, 'utf8')})))
const text = reporter(files)
if (text) process.stderr.write(text + '\n')
process.exitCode = files.some((file) => file.messages.some((message) => message.fatal === true)) ? 1 : 0
