/** Worker-thread entry for the CLI's pool (piscina): lints one job per call. */
import {useSharedDictionary} from '../lang/ja/dictionary-share.js'
import {runJob, type LintJob} from './lint-job.js'

/** A job as the pool hands it over: with the channel on which the main thread shares the dictionary. */
export interface WorkerJob extends LintJob {
  dictionaryChannel?: string
}

export default function lintInWorker({dictionaryChannel, ...job}: WorkerJob) {
  if (dictionaryChannel) useSharedDictionary(dictionaryChannel)
  return runJob(job)
}
