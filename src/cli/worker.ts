/** Worker-thread entry for the CLI's pool (piscina): lints one job per call. */
import {runJob, type LintJob} from './lint-job.js'

export default function lintInWorker(job: LintJob) {
  return runJob(job)
}
