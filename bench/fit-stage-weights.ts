/**
 * Fit the stage-inference model (src/analyze/stage-model.ts) and write its
 * weights to src/analyze/stage-weights.json.
 *
 *   npm run fit-stages                 # fit, report, write the weights
 *   npx tsx bench/fit-stage-weights.ts --dry-run   # report only
 *
 * Training data: the `tune` half of ../shared/realcopy (each case a whole
 * document, front matter absent) and our own labelled set
 * (fixtures/analyze/labelled). The `check` half is never read here: it
 * measures generalisation (`npm run accuracy`).
 *
 * The penalty and the stage balance are fixed (FIT below), not chosen anew
 * each run: chosen per run, the choice flipped between rounds on a single case
 * and moved several predictions with it, so rounds could not be compared.
 * `--grid` prints the table the setting was chosen from (docs/analyzer.md,
 * "The fit setting"): leave-one-source-out accuracy for each penalty and
 * balance, and grouped 5-fold accuracy over ten shufflings of the sources.
 * Every run prints the leave-one-source-out accuracy of the fixed setting
 * (every excerpt of one source is held out together, so a writer's habits
 * cannot leak into their own test), its confusion matrix and a reliability
 * table of the held-out confidences, and stores them in the file; and, as the
 * steadier figure for comparing two versions of the signals, the mean of
 * grouped 5-fold accuracy over ten shufflings of the sources (docs/analyzer.md,
 * "Round 7": leave-one-source-out moved by three or four documents with changes
 * that the 5-fold mean put within 0.006 of the baseline).
 */
import {existsSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {stageEvidenceOf} from '../src/analyze/analyze.js'
import {documentExtent, documentSignals} from '../src/analyze/stage-inference.js'
import {featuresOf, fitStageModel, logits, softmax, STAGES, toModel, type Example, type FitOptions} from '../src/analyze/stage-model.js'
import {createLinter} from '../src/core/processor.js'
import type {Stage} from '../src/core/stages.js'
import {halfOf, sourceOrigin} from './lib/accuracy-score.js'
import {readOwnLabelled, readRealCopy} from './lib/realcopy.js'
import {meanAndSd} from './lib/stats.js'

const root = path.resolve(import.meta.dirname, '..')
const realcopy = path.join(root, '../shared/realcopy')
const labelled = path.join(root, 'fixtures/analyze/labelled')
const out = path.join(root, 'src/analyze/stage-weights.json')
const dryRun = process.argv.includes('--dry-run')
const showGrid = process.argv.includes('--grid')

interface Item {
  id: string
  /** Cases of one source are held out together. */
  group: string
  stage: Stage
  text: string
}

const items: Item[] = []
if (existsSync(realcopy)) {
  for (const item of readRealCopy(realcopy)) {
    if (halfOf(item.source) !== 'tune') continue
    items.push({id: item.id, group: sourceOrigin(item.source), stage: item.stage, text: item.text})
  }
} else {
  console.log(`fit-stages: no ${path.relative(root, realcopy)}; fitting on the labelled set alone.`)
}
for (const {name, stage, text} of readOwnLabelled(labelled)) {
  // Our own set is one writer per language: hold each language out as a whole.
  items.push({id: `labelled/${name}`, group: `own-${name.split('/')[0]}`, stage, text})
}

const linter = createLinter()
const data: (Item & {x: Float64Array})[] = []
for (const item of items) {
  const {file, tree} = await linter.lintWithTree(new VFile({path: `${item.id.replaceAll('/', '_')}.md`, value: item.text}))
  const sections = tree ? stageEvidenceOf(file, tree).map((part) => part.evidence) : []
  const sentences = sections.reduce((sum, section) => sum + section.sentences, 0)
  data.push({...item, x: featuresOf(documentSignals(sections), sentences, documentExtent(sections))})
}

type Balance = 'none' | 'sqrt' | 'full'
const counts = Object.fromEntries(STAGES.map((stage) => [stage, data.filter((item) => item.stage === stage).length])) as Record<Stage, number>
const weightOf = (stage: Stage, balance: Balance) => {
  const share = data.length / (STAGES.length * counts[stage])
  return balance === 'none' ? 1 : balance === 'sqrt' ? Math.sqrt(share) : share
}
const examplesOf = (subset: typeof data, balance: Balance): Example[] => subset.map((item) => ({x: item.x, stage: item.stage, weight: weightOf(item.stage, balance)}))

interface Prediction {
  id: string
  stage: Stage
  inferred: Stage
  confidence: number
}

function predict(parameters: ReturnType<typeof fitStageModel>, x: Float64Array): {inferred: Stage; confidence: number} {
  const p = softmax(logits(parameters, x))
  let best = STAGES.indexOf('education')
  for (const row of [STAGES.indexOf('acquisition'), STAGES.indexOf('sales')]) if (p[row]! > p[best]!) best = row
  return {inferred: STAGES[best]!, confidence: p[best]!}
}

/** Fit without each fold's sources and predict their cases; `foldOf` maps a source to its fold (by default, each source is its own). */
function crossValidate(options: FitOptions, balance: Balance, foldOf: (group: string) => string = (group) => group): Prediction[] {
  const folds = [...new Set(data.map((item) => foldOf(item.group)))].sort()
  return folds.flatMap((fold) => {
    const parameters = fitStageModel(examplesOf(data.filter((item) => foldOf(item.group) !== fold), balance), options)
    return data.filter((item) => foldOf(item.group) === fold).map((item) => ({id: item.id, stage: item.stage, ...predict(parameters, item.x)}))
  })
}

/** The sources dealt into `k` folds after a shuffle fixed by `seed` (mulberry32), so a run can be repeated. */
function shuffledFolds(seed: number, k: number): (group: string) => string {
  let state = seed >>> 0
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const groups = [...new Set(data.map((item) => item.group))].sort()
  for (let index = groups.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[groups[index], groups[other]] = [groups[other]!, groups[index]!]
  }
  const fold = new Map(groups.map((group, index) => [group, String(index % k)]))
  return (group) => fold.get(group)!
}

const round = (value: number, places = 3) => Math.round(value * 10 ** places) / 10 ** places
function summary(predictions: Prediction[]) {
  const accuracy = predictions.filter((entry) => entry.inferred === entry.stage).length / predictions.length
  const recall = Object.fromEntries(
    STAGES.map((stage) => {
      const of = predictions.filter((entry) => entry.stage === stage)
      return [stage, round(of.filter((entry) => entry.inferred === stage).length / Math.max(1, of.length))]
    })
  ) as Record<Stage, number>
  const confusion = Object.fromEntries(STAGES.map((row) => [row, Object.fromEntries(STAGES.map((column) => [column, predictions.filter((entry) => entry.stage === row && entry.inferred === column).length]))]))
  return {cases: predictions.length, accuracy: round(accuracy), recall, confusion}
}

/** Of the predictions at or above each confidence, how many are right. */
function reliability(predictions: Prediction[]) {
  return [0.5, 0.6, 0.7, 0.8, 0.9].map((threshold) => {
    const above = predictions.filter((entry) => entry.confidence >= threshold)
    const right = above.filter((entry) => entry.inferred === entry.stage).length
    return {atLeast: threshold, cases: above.length, right, accuracy: above.length === 0 ? null : round(right / above.length)}
  })
}

// The fit setting, fixed in round 5 of issue 11 from the `--grid` table
// (docs/analyzer.md, "The fit setting"): penalties 0.01 and 0.03 with the
// stages balanced (by frequency or its square root) are within three cases of
// the best leave-one-source-out accuracy and a third of a standard deviation of
// the best 5-fold mean, and the per-run choice among them turned on single
// cases. The square root keeps the recalls even (full balance trades education
// for acquisition); of the two penalties, the one of rounds 3 and 4 is kept so
// that the rounds' figures stay comparable.
const FIT: FitOptions & {balance: Balance} = {iterations: 1500, rate: 1, l2: 0.01, balance: 'sqrt'}
console.log(`training cases: ${data.length} (${STAGES.map((stage) => `${stage} ${counts[stage]}`).join(', ')}), sources: ${new Set(data.map((item) => item.group)).size}`)
const meanAndSdRounded = (values: number[]) => {
  const {mean, sd} = meanAndSd(values)
  return {mean: round(mean), sd: round(sd)}
}
const accuracyOf = (predictions: Prediction[]) => predictions.filter((entry) => entry.inferred === entry.stage).length / predictions.length
if (showGrid) {
  console.log('setting               leave one source out (recall acq/edu/sales)   grouped 5-fold, 10 shufflings: mean (sd)')
  for (const l2 of [0.003, 0.01, 0.03, 0.1]) {
    for (const balance of ['none', 'sqrt', 'full'] as const) {
      const options = {...FIT, l2}
      const loso = summary(crossValidate(options, balance))
      const folds = Array.from({length: 10}, (_, seed) => accuracyOf(crossValidate(options, balance, shuffledFolds(seed + 1, 5))))
      const {mean: average, sd} = meanAndSdRounded(folds)
      console.log(`  l2 ${String(l2).padEnd(6)} ${balance.padEnd(5)}  ${loso.accuracy.toFixed(3)} (${STAGES.map((stage) => loso.recall[stage].toFixed(2)).join('/')})                     ${average.toFixed(3)} (${sd.toFixed(3)})`)
    }
  }
}
const predictions = crossValidate(FIT, FIT.balance)
console.log(`fit setting: l2 ${FIT.l2}, balance ${FIT.balance} (fixed; --grid for the table it was chosen from)`)

const ownIds = (entry: Prediction) => entry.id.startsWith('labelled/')
const cv = {
  all: summary(predictions),
  realcopyTune: summary(predictions.filter((entry) => !ownIds(entry))),
  own: summary(predictions.filter(ownIds)),
  reliability: reliability(predictions)
}
// Grouped 5-fold over ten fixed shufflings of the sources: each case is
// predicted ten times by models fit on different 80% of the sources, so one
// fit's luck on a case near the boundary weighs a tenth.
const shuffles = Array.from({length: 10}, (_, seed) => crossValidate(FIT, FIT.balance, shuffledFolds(seed + 1, 5)))
const fiveFold = {
  method: 'grouped 5-fold, ten shufflings of the sources (seeds 1-10)',
  all: meanAndSdRounded(shuffles.map(accuracyOf)),
  realcopyTune: meanAndSdRounded(shuffles.map((run) => accuracyOf(run.filter((entry) => !ownIds(entry))))),
  own: meanAndSdRounded(shuffles.map((run) => accuracyOf(run.filter(ownIds))))
}
console.log(`\ncross-validated (leave one source out), all: ${cv.all.accuracy} of ${cv.all.cases}; real copy (tune) ${cv.realcopyTune.accuracy}; own set ${cv.own.accuracy}`)
console.log(`cross-validated (grouped 5-fold, mean of ten shufflings), all: ${fiveFold.all.mean} (sd ${fiveFold.all.sd}); real copy (tune) ${fiveFold.realcopyTune.mean}; own set ${fiveFold.own.mean}`)
console.log('confusion (rows labelled, columns inferred):')
for (const row of STAGES) console.log(`  ${row.padEnd(12)}${STAGES.map((column) => String(cv.all.confusion[row]![column]).padStart(5)).join('')}`)
console.log('reliability of held-out confidences:')
for (const entry of cv.reliability) console.log(`  confidence ≥ ${entry.atLeast}: ${entry.right}/${entry.cases} right (${entry.accuracy})`)
if (process.argv.includes('--misses')) for (const entry of predictions) if (entry.inferred !== entry.stage) console.log(`  CV MISS ${entry.id} labelled ${entry.stage}, inferred ${entry.inferred} (${round(entry.confidence, 2)})`)

const parameters = fitStageModel(examplesOf(data, FIT.balance), FIT)
const training = {
  script: 'npm run fit-stages (bench/fit-stage-weights.ts)',
  data: 'tune half of ../shared/realcopy + fixtures/analyze/labelled; the check half is not used',
  cases: data.length,
  stages: counts,
  sources: new Set(data.map((item) => item.group)).size,
  fit: FIT,
  crossValidation: {method: 'leave one source out', ...cv, repeatedFiveFold: fiveFold}
}
const model = toModel(parameters, 'Stage-inference weights: multinomial logistic regression over stage signals (src/analyze/stage-model.ts). Generated by `npm run fit-stages`; do not edit by hand.', training)
if (dryRun) console.log('\n--dry-run: weights not written')
else {
  writeFileSync(out, JSON.stringify(model, null, 2) + '\n')
  console.log(`\nwritten: ${path.relative(process.cwd(), out)}`)
}
