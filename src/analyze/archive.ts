import type {RuleSetting} from '../core/levels.js'
import type {Stage} from '../core/stages.js'
import type {Lang} from '../lang/script.js'
import {issueDate, type IssueDate} from './archive-dates.js'
import {archiveFindings, type ArchiveFinding} from './archive-findings.js'
import type {Analysis} from './types.js'

/** One analysed draft of an archive, with what its config says about it. */
export interface ArchiveEntry {
  analysis: Analysis
  /** The stage a config `stages:` glob gives the file: a declaration, as front matter is. */
  configStage?: Stage | undefined
  /** The config's `rules` for this file (pitch-cadence is judged with the sales issue's settings). */
  rules?: Record<string, RuleSetting> | undefined
}

/** Options of the archive view. */
export interface ArchiveOptions {
  /** First and last day of the window, YYYY-MM-DD, inclusive. */
  since?: string | undefined
  until?: string | undefined
  /** Language of the findings; by default each issue's own language (the archive's for trust-debt). */
  locale?: Lang | undefined
  /** Rule settings for the archive-wide finding (trust-debt): the config of the archive's folder. */
  rules?: Record<string, RuleSetting> | undefined
}

/** One issue of the archive, in order. */
export interface ArchiveIssue {
  path: string
  /** YYYY-MM-DD; null when the archive is in path order. */
  date: string | null
  dateSource: IssueDate['source'] | null
  /** The stage the archive counts the issue as: declared, else inferred. */
  stage: Stage
  declared: boolean
  /** The inferred stage's confidence; null when the stage is declared. */
  confidence: number | null
  pushiness: number
  /** The primary call to action and its 0–1 strength. */
  cta: {text: string; strength: number} | null
  lang: Lang
  /** Sales issues: education issues since the previous sales issue (or since the first issue). */
  educationBefore: number | null
}

/** Count and share of one stage among the issues in the window. */
export interface StageShare {
  count: number
  share: number
}

/** The `archive` object of `trustlint analyze --format json`. */
export interface ArchiveReport {
  /** `date`: by front matter or file-name dates (each issue says which); `path`: no issue is dated. */
  order: 'date' | 'path'
  since: string | null
  until: string | null
  issues: ArchiveIssue[]
  /** Files without a date (while others have one), or with a front matter date that is not a date. */
  undated: {path: string; reason: string}[]
  balance: {
    education: StageShare
    acquisition: StageShare
    sales: StageShare
    /** Education issues per sales issue in the window; null without sales issues. */
    educationPerSale: number | null
    /** The most sales issues in a row. */
    longestSalesRun: number
  }
  findings: ArchiveFinding[]
}

/**
 * The archive view of several analysed drafts: their order, each issue's
 * stage, pushiness and close, the balance of stages, and the sequence findings
 * (pitch-cadence, trust-debt). Issues before `since` still count as what came
 * before the first sales issue of the window.
 */
export function archiveOf(entries: ArchiveEntry[], options: ArchiveOptions = {}): ArchiveReport {
  const dated: {entry: ArchiveEntry; date: IssueDate}[] = []
  // A bad front matter date is always listed apart (so it gets fixed); a missing one only when others are dated.
  const misdated: {entry: ArchiveEntry; reason: string}[] = []
  const plain: ArchiveEntry[] = []
  for (const entry of entries) {
    const date = issueDate(entry.analysis.path, entry.analysis.frontMatterDate)
    if (date && 'problem' in date) misdated.push({entry, reason: date.problem})
    else if (date) dated.push({entry, date})
    else plain.push(entry)
  }
  const byPath = (a: ArchiveEntry, b: ArchiveEntry) => compare(a.analysis.path, b.analysis.path)
  const order: ArchiveReport['order'] = dated.length > 0 ? 'date' : 'path'
  const sequence =
    order === 'date'
      ? dated
          .sort((a, b) => compare(a.date.day, b.date.day) || compare(a.date.time ?? '', b.date.time ?? '') || byPath(a.entry, b.entry))
          .map(({entry, date}) => issueOf(entry, date))
      : plain.sort(byPath).map((entry) => issueOf(entry, null))
  const undated = [...misdated, ...(order === 'date' ? plain.map((entry) => ({entry, reason: 'no front matter date and no date in the file name'})) : [])]

  // Education since the previous sales issue, counted over the whole sequence.
  let education = 0
  let afterSale = false
  for (const placed of sequence) {
    const {issue} = placed
    if (issue.stage === 'education') education++
    if (issue.stage === 'sales') {
      issue.educationBefore = education
      placed.afterSale = afterSale
      education = 0
      afterSale = true
    }
  }
  const inWindow = sequence.filter(({issue}) => issue.date === null || ((!options.since || issue.date >= options.since) && (!options.until || issue.date <= options.until)))
  const issues = inWindow.map(({issue}) => issue)
  return {
    order,
    since: options.since ?? null,
    until: options.until ?? null,
    issues,
    undated: undated.sort((a, b) => byPath(a.entry, b.entry)).map(({entry, reason}) => ({path: entry.analysis.path, reason})),
    balance: balanceOf(issues),
    findings: archiveFindings(inWindow, options)
  }
}

/** An issue with the rule settings that apply to it. */
export interface PlacedIssue {
  issue: ArchiveIssue
  rules: Record<string, RuleSetting> | undefined
  /** A sales issue came before this one (anywhere in the sequence, also before the window). */
  afterSale: boolean
}

function issueOf(entry: ArchiveEntry, date: IssueDate | null): PlacedIssue {
  const {document, sections, path} = entry.analysis
  // Declared by front matter or a config glob, or by directives that give every section the same stage.
  const directive = new Set(sections.map((section) => section.stage.declared))
  const declared = document.stage.declared ?? entry.configStage ?? (directive.size === 1 ? [...directive][0] : null) ?? null
  const primary = document.cta.primary
  return {
    issue: {
      path,
      date: date?.day ?? null,
      dateSource: date?.source ?? null,
      stage: declared ?? document.stage.inferred,
      declared: declared !== null,
      confidence: declared ? null : document.stage.confidence,
      pushiness: document.pushiness.score,
      cta: primary ? {text: primary.text, strength: primary.strength} : null,
      lang: document.readability.japaneseShare > 0.5 ? 'ja' : 'en',
      educationBefore: null
    },
    rules: entry.rules,
    afterSale: false
  }
}

function balanceOf(issues: ArchiveIssue[]): ArchiveReport['balance'] {
  const share = (stage: Stage): StageShare => {
    const count = issues.filter((issue) => issue.stage === stage).length
    return {count, share: issues.length > 0 ? round(count / issues.length) : 0}
  }
  let run = 0
  let longestSalesRun = 0
  for (const issue of issues) {
    run = issue.stage === 'sales' ? run + 1 : 0
    longestSalesRun = Math.max(longestSalesRun, run)
  }
  const education = share('education')
  const sales = share('sales')
  return {
    education,
    acquisition: share('acquisition'),
    sales,
    educationPerSale: sales.count > 0 ? round(education.count / sales.count) : null,
    longestSalesRun
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
