/**
 * Accuracy on real third-party copy (../shared/realcopy, see its GUIDE.md and
 * docs/accuracy.md). Every case is linted as `<id>.md` with front matter
 * `stage: <its stage>` through the built CLI's JSON output (what users get),
 * and analysed again without the front matter for the inferred stage.
 *
 *   npm run accuracy                      # build, then this script
 *   npx tsx bench/accuracy.ts [--dir <folder>] [--out <file>] [--only <id,id…>] [--no-list]
 *
 * Prints the tables and every miss and false alarm, and writes bench/accuracy.json.
 */
import {execFile} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {
  CTA_LABEL_KINDS,
  PUSHY_KINDS,
  ctaScore,
  familyScore,
  halfOf,
  scoreCase,
  stageScore,
  type CaseOutcome,
  type Half,
  type RealCase,
  type Report,
  type Stage
} from './lib/accuracy-score.js'
import {readRealCopy} from './lib/realcopy.js'

const root = path.resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const option = (name: string) => {
  const at = args.indexOf(name)
  return at === -1 ? undefined : args[at + 1]
}
const folder = path.resolve(option('--dir') ?? path.join(root, '../shared/realcopy'))
const out = path.resolve(option('--out') ?? path.join(root, 'bench/accuracy.json'))
const only = option('--only')?.split(',')
const list = !args.includes('--no-list')
const cli = path.join(root, 'dist/cli.js')

if (!existsSync(folder)) {
  console.log(`accuracy: no labelled real copy at ${path.relative(process.cwd(), folder) || '.'}; nothing to measure.`)
  process.exit(0)
}
if (!existsSync(cli)) {
  console.error('accuracy: dist/cli.js is missing; run `npm run build` first (`npm run accuracy` does).')
  process.exit(2)
}

const cases = readRealCopy(folder).filter((item) => only === undefined || only.includes(item.id))
if (cases.length === 0) {
  console.log(`accuracy: no cases in ${folder}${only ? ` with ids ${only.join(', ')}` : ''}.`)
  process.exit(0)
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'trustlint-accuracy-'))
try {
  const declared = path.join(temp, 'declared')
  const bare = path.join(temp, 'bare')
  mkdirSync(declared)
  mkdirSync(bare)
  const prefixes = new Map<string, number>()
  for (const item of cases) {
    const prefix = `---\nstage: ${item.stage}\n---\n\n`
    prefixes.set(item.id, prefix.length)
    writeFileSync(path.join(declared, `${item.id}.md`), prefix + item.text)
    writeFileSync(path.join(bare, `${item.id}.md`), item.text)
  }

  const lintOutput = await runCli(['--no-config', '--no-ignore', '--format', 'json', '.'], declared)
  const analyzeOutput = await runCli(['analyze', '--no-config', '--no-ignore', '--format', 'json', '.'], bare)

  const reportsById = new Map<string, Report[]>()
  for (const file of (JSON.parse(lintOutput) as LintJson).files) {
    const id = path.basename(file.path, '.md')
    const shift = prefixes.get(id) ?? 0
    reportsById.set(
      id,
      file.messages.map((message) => ({
        ruleId: message.ruleId,
        severity: message.severity,
        start: message.start.offset - shift,
        end: message.end.offset - shift,
        actual: message.actual ?? ''
      }))
    )
  }
  const inferredById = new Map<string, Stage>()
  for (const file of (JSON.parse(analyzeOutput) as AnalyzeJson).files) inferredById.set(path.basename(file.path, '.md'), file.document.stage.inferred)

  const outcomes = cases.map((item) => scoreCase(item, reportsById.get(item.id) ?? []))
  const stagePairs = cases.map((item) => ({id: item.id, half: halfOf(item.source), lang: item.lang, expected: item.stage, inferred: inferredById.get(item.id) ?? 'education'}))

  const result = summarise(outcomes, stagePairs)
  mkdirSync(path.dirname(out), {recursive: true})
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n')
  printSummary(result)
  if (list) printLines(outcomes, stagePairs)
  console.log(`\nwritten: ${path.relative(process.cwd(), out)}`)
} finally {
  rmSync(temp, {recursive: true, force: true})
}

interface LintJson {
  files: Array<{path: string; messages: Array<{ruleId: string; severity: Report['severity']; actual?: string; start: {offset: number}; end: {offset: number}}>}>
}
interface AnalyzeJson {
  files: Array<{path: string; document: {stage: {inferred: Stage}}}>
}

async function runCli(cliArgs: string[], cwd: string): Promise<string> {
  try {
    const {stdout} = await promisify(execFile)(process.execPath, [cli, ...cliArgs], {cwd, maxBuffer: 256 * 1024 * 1024})
    return stdout
  } catch (error) {
    // Exit 1 means errors were found: the report is still on stdout.
    const failed = error as {code?: number; stdout?: string; stderr?: string}
    if (failed.code === 1 && failed.stdout) return failed.stdout
    throw new Error(`trustlint ${cliArgs.join(' ')} failed (exit ${failed.code}): ${failed.stderr ?? ''}`)
  }
}

type StagePair = {id: string; half: Half; lang: string; expected: Stage; inferred: Stage}

function summarise(outcomes: CaseOutcome[], stagePairs: StagePair[]) {
  const part = (subset: CaseOutcome[], pairs: StagePair[]) => ({
    cases: subset.length,
    pushy: familyScore(subset, 'pushy'),
    cta: familyScore(subset, 'cta'),
    ctaAccuracy: {sales: ctaScore(subset, 'sales'), acquisition: ctaScore(subset, 'acquisition')},
    stage: stageScore(pairs),
    infos: subset.reduce((sum, outcome) => sum + outcome.infos, 0)
  })
  const halves = (['tune', 'check'] as const).map((half) => [half, part(outcomes.filter((outcome) => outcome.half === half), stagePairs.filter((pair) => pair.half === half))])
  const langs = [...new Set(outcomes.map((outcome) => outcome.lang))].sort()
  const stages: Stage[] = ['education', 'sales', 'acquisition']
  const byLangStage = Object.fromEntries(
    langs.flatMap((lang) =>
      stages.map((stage) => {
        const subset = outcomes.filter((outcome) => outcome.lang === lang && outcome.stage === stage)
        return [`${lang}/${stage}`, {cases: subset.length, pushy: familyScore(subset, 'pushy'), cta: familyScore(subset, 'cta')}]
      })
    )
  )
  const byKind = Object.fromEntries(
    [...PUSHY_KINDS.map((kind) => [kind, 'pushy'] as const), ...CTA_LABEL_KINDS.map((kind) => [kind, 'cta'] as const)].map(([kind, family]) => [kind, familyScore(outcomes, family, kind)])
  )
  return {
    generated: 'npm run accuracy',
    all: part(outcomes, stagePairs),
    ...Object.fromEntries(halves),
    byLangStage,
    byKind
  } as {all: ReturnType<typeof part>; tune: ReturnType<typeof part>; check: ReturnType<typeof part>; byLangStage: Record<string, {cases: number; pushy: ReturnType<typeof familyScore>; cta: ReturnType<typeof familyScore>}>; byKind: Record<string, ReturnType<typeof familyScore>>}
}

function printSummary(result: ReturnType<typeof summarise>) {
  const show = (value: number | null) => (value === null ? '   –' : value.toFixed(2).padStart(5))
  const columns = ['all', 'tune', 'check'] as const
  console.log(`real copy: ${result.all.cases} cases (tune ${result.tune.cases}, check ${result.check.cases}); warnings and errors count, info apart\n`)
  console.log(`${''.padEnd(34)}${columns.map((name) => name.padStart(7)).join('')}`)
  const row = (label: string, pick: (part: typeof result.all) => number | null) => console.log(`${label.padEnd(34)}${columns.map((name) => show(pick(result[name])).padStart(7)).join('')}`)
  for (const family of ['pushy', 'cta'] as const) {
    row(`${family} recall`, (part) => part[family].recall)
    row(`${family} precision (labelled spans)`, (part) => part[family].precision)
    row(`${family} F1`, (part) => part[family].f1)
    row(`${family} mustNotFlag violated`, (part) => part[family].violatedShare)
    row(`${family} exact kind (of recalled)`, (part) => part[family].exactKindShare)
  }
  row('CTA accuracy, sales', (part) => part.ctaAccuracy.sales.accuracy)
  row('CTA accuracy, acquisition', (part) => part.ctaAccuracy.acquisition.accuracy)
  console.log(`${'no-cta errors on cta: strong'.padEnd(34)}${columns.map((name) => String(result[name].ctaAccuracy.sales.noCtaErrorsOnStrong + result[name].ctaAccuracy.acquisition.noCtaErrorsOnStrong).padStart(7)).join('')}`)
  row('stage accuracy (front matter removed)', (part) => part.stage.accuracy)
  // Counts and the 95% interval: with about a hundred documents, one or two either way is no evidence.
  const interval = (part: typeof result.all) => (part.stage.interval ? ` (${part.stage.interval.map((bound) => bound.toFixed(2)).join('–')})` : '')
  console.log(`${'  right of cases (95% interval)'.padEnd(34)} ${columns.map((name) => `${name} ${result[name].stage.correct}/${result[name].stage.cases}${interval(result[name])}`).join(', ')}`)
  console.log(`${'info messages (not counted)'.padEnd(34)}${columns.map((name) => String(result[name].infos).padStart(7)).join('')}`)

  console.log('\nby language × stage (recall / precision / mustNotFlag violated):')
  for (const [key, entry] of Object.entries(result.byLangStage)) {
    if (entry.cases === 0) continue
    const cell = (score: ReturnType<typeof familyScore>) => `${show(score.recall)} /${show(score.precision)} /${show(score.violatedShare)} (${score.mustFlag} items)`
    console.log(`  ${key.padEnd(20)} ${String(entry.cases).padStart(3)} cases  pushy ${cell(entry.pushy)}   cta ${cell(entry.cta)}`)
  }
  console.log('\nby kind (recall, exact kind of recalled, precision):')
  for (const [kind, score] of Object.entries(result.byKind)) {
    console.log(`  ${kind.padEnd(14)} ${String(score.recalled).padStart(3)}/${String(score.mustFlag).padEnd(3)} recall${show(score.recall)}  exact${show(score.exactKindShare)}  precision${show(score.precision)}`)
  }
  console.log('\nstage confusion, all cases (rows labelled, columns inferred):')
  const stages: Stage[] = ['acquisition', 'education', 'sales']
  console.log(`  ${''.padEnd(12)}${stages.map((stage) => stage.slice(0, 5).padStart(7)).join('')}`)
  for (const expected of stages) console.log(`  ${expected.padEnd(12)}${stages.map((inferred) => String(result.all.stage.confusion[expected][inferred]).padStart(7)).join('')}`)
}

function printLines(outcomes: CaseOutcome[], stagePairs: StagePair[]) {
  const clip = (text: string) => JSON.stringify(text.length > 90 ? text.slice(0, 87) + '…' : text)
  console.log('\nmisses (mustFlag with no report of its family):')
  for (const outcome of outcomes) for (const flag of outcome.flags) if (!flag.hit) console.log(`  MISS  ${outcome.half.padEnd(5)} ${outcome.id} [${flag.kind}] ${clip(flag.quote)}`)
  console.log('\nfalse alarms (reports on a mustNotFlag span):')
  for (const outcome of outcomes) {
    for (const entry of outcome.notFlags) for (const report of entry.violatedBy) console.log(`  FALSE ${outcome.half.padEnd(5)} ${outcome.id} ${report.ruleId} ${clip(report.actual)} on ${clip(entry.quote)}`)
  }
  console.log('\nCTA verdicts that disagree with the label:')
  for (const outcome of outcomes) {
    if (outcome.ctaCorrect !== false) continue
    const found = outcome.reports.filter((report) => report.family === 'cta').map((report) => `${report.ruleId}(${report.severity}) ${clip(report.actual)}`)
    console.log(`  CTA   ${outcome.half.padEnd(5)} ${outcome.id} labelled ${outcome.cta}: ${found.length === 0 ? 'no CTA report' : found.join('; ')}`)
  }
  console.log('\nunlabelled reports (neither list; "don\'t care"):')
  for (const outcome of outcomes) {
    for (const report of outcome.reports) if (!report.onMustFlag && !report.onMustNotFlag) console.log(`  OTHER ${outcome.half.padEnd(5)} ${outcome.id} ${report.ruleId} ${clip(report.actual)}`)
  }
  console.log('\nstage misses (front matter removed):')
  for (const pair of stagePairs) if (pair.expected !== pair.inferred) console.log(`  STAGE ${pair.half.padEnd(5)} ${pair.id} labelled ${pair.expected}, inferred ${pair.inferred}`)
}
