import {BUILTIN_RULES} from '../core/builtin-rules.js'
import {docsUrl} from '../core/docs-url.js'
import type {Level, RuleSetting} from '../core/levels.js'
import {resolveOptions} from '../core/options.js'
import type {Lang} from '../lang/script.js'
import type {ArchiveIssue, ArchiveOptions, PlacedIssue} from './archive.js'

/** A finding on the sequence of an archive, reported on one issue's file at line 1. */
export interface ArchiveFinding {
  ruleId: 'pitch-cadence' | 'trust-debt'
  severity: Exclude<Level, 'off'>
  message: string
  path: string
  line: 1
  column: 1
  url: string
  lang: Lang
  /** pitch-cadence: education issues since the previous sales issue, and the minimum expected. */
  educationBefore?: number
  minEducationBeforeSale?: number
  /** trust-debt: Spearman's rank correlation of education before and pushiness, and the sales issues behind it. */
  correlation?: number
  issues?: {path: string; date: string | null; educationBefore: number; pushiness: number}[]
}

interface RuleSettings {
  level: Level
  options: Record<string, unknown>
}

/** pitch-cadence on each sales issue in the window, then trust-debt over them all. */
export function archiveFindings(window: PlacedIssue[], options: ArchiveOptions): ArchiveFinding[] {
  const findings: ArchiveFinding[] = []
  for (const {issue, rules, afterSale} of window) {
    if (issue.stage !== 'sales') continue
    const finding = pitchCadence(issue, afterSale, settingsOf('pitch-cadence', rules), options.locale)
    if (finding) findings.push(finding)
  }
  const sales = window.map(({issue}) => issue).filter((issue) => issue.stage === 'sales')
  const debt = trustDebt(sales, settingsOf('trust-debt', options.rules), options.locale ?? majorityLang(window.map(({issue}) => issue)))
  if (debt) findings.push(debt)
  return findings
}

function pitchCadence(issue: ArchiveIssue, afterSale: boolean, settings: RuleSettings, locale: Lang | undefined): ArchiveFinding | undefined {
  const min = numberOf(settings.options.minEducationBeforeSale, 2)
  const count = issue.educationBefore ?? 0
  if (settings.level === 'off' || count >= min) return undefined
  const lang = locale ?? issue.lang
  const rule = ruleById('pitch-cadence')
  const missing = min - count
  const values =
    lang === 'ja'
      ? {
          since: afterSale ? '前回の販売号以降、' : 'アーカイブの始まりから、',
          count: count === 0 ? '一本もありません' : `${count}本しかありません`,
          min,
          advice: afterSale && count === 0 ? '販売号が続いています。間に教える号を挟みましょう。' : `売り込む前に、あと${missing}本は教える号を送りましょう。`
        }
      : {
          count: count === 0 ? 'no education issue' : `only ${count} education ${count === 1 ? 'issue' : 'issues'}`,
          since: afterSale ? 'since the previous sales issue' : 'since the start of the archive',
          min,
          advice:
            afterSale && count === 0
              ? 'Two pitches with no lesson between: send an education issue first.'
              : `Send ${missing} more education ${missing === 1 ? 'issue' : 'issues'} before this pitch.`
        }
  return {
    ...findingBase('pitch-cadence', settings.level, issue.path, lang, fill(rule.messages[lang], values)),
    educationBefore: count,
    minEducationBeforeSale: min
  }
}

function trustDebt(sales: ArchiveIssue[], settings: RuleSettings, lang: Lang): ArchiveFinding | undefined {
  const minSales = numberOf(settings.options.minSalesIssues, 5)
  const threshold = numberOf(settings.options.maxCorrelation, -0.5)
  if (settings.level === 'off' || sales.length < Math.max(3, minSales)) return undefined
  const rho = spearman(
    sales.map((issue) => issue.educationBefore ?? 0),
    sales.map((issue) => issue.pushiness)
  )
  if (rho === null || rho > threshold) return undefined
  // The pushiest sales issues (fewest education issues first among equals) are the ones behind the figure.
  const behind = [...sales].sort((a, b) => b.pushiness - a.pushiness || (a.educationBefore ?? 0) - (b.educationBefore ?? 0))
  const shown = behind
    .slice(0, 3)
    .map((issue) => (lang === 'ja' ? `${issue.path}（押しの強さ ${issue.pushiness}、教育号 ${issue.educationBefore}本の後）` : `${issue.path} (pushiness ${issue.pushiness} after ${issue.educationBefore} education)`))
    .join(lang === 'ja' ? '、' : '; ')
  const figure = rho.toFixed(2)
  return {
    ...findingBase('trust-debt', settings.level, behind[0]!.path, lang, fill(ruleById('trust-debt').messages[lang], {sales: sales.length, rho: figure, issues: shown})),
    correlation: Math.round(rho * 100) / 100,
    issues: sales.map((issue) => ({path: issue.path, date: issue.date, educationBefore: issue.educationBefore ?? 0, pushiness: issue.pushiness}))
  }
}

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks, tied values
 * sharing their mean rank. Null when either side has no spread (all equal).
 */
export function spearman(xs: number[], ys: number[]): number | null {
  const rx = ranks(xs)
  const ry = ranks(ys)
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
  const mx = mean(rx)
  const my = mean(ry)
  let covariance = 0
  let vx = 0
  let vy = 0
  for (let index = 0; index < rx.length; index++) {
    covariance += (rx[index]! - mx) * (ry[index]! - my)
    vx += (rx[index]! - mx) ** 2
    vy += (ry[index]! - my) ** 2
  }
  return vx === 0 || vy === 0 ? null : covariance / Math.sqrt(vx * vy)
}

function ranks(values: number[]): number[] {
  const order = values.map((value, index) => ({value, index})).sort((a, b) => a.value - b.value)
  const result = new Array<number>(values.length)
  for (let start = 0; start < order.length; ) {
    let end = start
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++
    // Ranks are 1-based; a tie of positions start..end shares their mean.
    for (let position = start; position <= end; position++) result[order[position]!.index] = (start + end) / 2 + 1
    start = end + 1
  }
  return result
}

// Resolved the way lint() resolves rules, so the config syntax and its errors are the same.
const resolvedCache = new Map<string, ReturnType<typeof resolveOptions>>()
function settingsOf(id: 'pitch-cadence' | 'trust-debt', rules: Record<string, RuleSetting> | undefined): RuleSettings {
  const key = JSON.stringify(rules ?? {})
  let resolved = resolvedCache.get(key)
  if (!resolved) {
    resolved = resolveOptions(rules ? {rules} : {}, BUILTIN_RULES)
    resolvedCache.set(key, resolved)
  }
  // Both findings are about sales issues, so the rule's level at `sales` applies.
  return {level: resolved.levels.get(id)?.sales ?? 'off', options: resolved.rules.find((rule) => rule.id === id)?.options ?? {}}
}

function ruleById(id: string) {
  return BUILTIN_RULES.find((rule) => rule.id === id)!
}

function findingBase(ruleId: ArchiveFinding['ruleId'], level: Level, path: string, lang: Lang, message: string) {
  return {ruleId, severity: level as Exclude<Level, 'off'>, message, path, line: 1 as const, column: 1 as const, url: docsUrl(ruleId), lang}
}

function fill(template: string, values: Record<string, string | number>): string {
  let text = template
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`{{${key}}}`, String(value))
  return text
}

function numberOf(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

function majorityLang(issues: ArchiveIssue[]): Lang {
  return issues.filter((issue) => issue.lang === 'ja').length * 2 > issues.length ? 'ja' : 'en'
}
