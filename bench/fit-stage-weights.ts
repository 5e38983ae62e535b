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
 * The penalty and the stage balance are chosen by leave-one-source-out
 * cross-validation on the training data (every excerpt of one source is held
 * out together, so a writer's habits cannot leak into their own test); the
 * script prints that cross-validated accuracy, its confusion matrix and a
 * reliability table of the held-out confidences, and stores them in the file.
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

const root = path.resolve(import.meta.dirname, '..')
const realcopy = path.join(root, '../shared/realcopy')
const labelled = path.join(root, 'fixtures/analyze/labelled')
const out = path.join(root, 'src/analyze/stage-weights.json')
const dryRun = process.argv.includes('--dry-run')

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

/** Leave-one-source-out: fit without each source, predict its cases. */
function crossValidate(options: FitOptions, balance: Balance): Prediction[] {
  const groups = [...new Set(data.map((item) => item.group))].sort()
  return groups.flatMap((group) => {
    const parameters = fitStageModel(examplesOf(data.filter((item) => item.group !== group), balance), options)
    return data.filter((item) => item.group === group).map((item) => ({id: item.id, stage: item.stage, ...predict(parameters, item.x)}))
  })
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

// Choose the penalty and the balance by cross-validated accuracy, with the
// worse of the sales and acquisition recalls as the tie-break, since those are
// the stages the old weights missed.
const FIT: Omit<FitOptions, 'l2'> = {iterations: 1500, rate: 1}
const grid: {l2: number; balance: Balance}[] = []
for (const l2 of [0.01, 0.03, 0.1]) for (const balance of ['none', 'sqrt'] as const) grid.push({l2, balance})
const tried = grid.map((setting) => {
  const predictions = crossValidate({...FIT, l2: setting.l2}, setting.balance)
  return {...setting, predictions, ...summary(predictions)}
})
console.log(`training cases: ${data.length} (${STAGES.map((stage) => `${stage} ${counts[stage]}`).join(', ')}), sources: ${new Set(data.map((item) => item.group)).size}`)
console.log('leave-one-source-out accuracy by setting:')
for (const entry of tried) console.log(`  l2 ${String(entry.l2).padEnd(6)} balance ${entry.balance.padEnd(5)} accuracy ${entry.accuracy.toFixed(3)}  recall ${STAGES.map((stage) => `${stage.slice(0, 5)} ${entry.recall[stage].toFixed(2)}`).join(' ')}`)
const score = (entry: (typeof tried)[number]) => entry.accuracy + 0.25 * Math.min(entry.recall.sales, entry.recall.acquisition)
const chosen = tried.reduce((a, b) => (score(b) > score(a) ? b : a))
console.log(`chosen: l2 ${chosen.l2}, balance ${chosen.balance}`)

const ownIds = (entry: Prediction) => entry.id.startsWith('labelled/')
const cv = {
  all: summary(chosen.predictions),
  realcopyTune: summary(chosen.predictions.filter((entry) => !ownIds(entry))),
  own: summary(chosen.predictions.filter(ownIds)),
  reliability: reliability(chosen.predictions)
}
console.log(`\ncross-validated (leave one source out), all: ${cv.all.accuracy} of ${cv.all.cases}; real copy (tune) ${cv.realcopyTune.accuracy}; own set ${cv.own.accuracy}`)
console.log('confusion (rows labelled, columns inferred):')
for (const row of STAGES) console.log(`  ${row.padEnd(12)}${STAGES.map((column) => String(cv.all.confusion[row]![column]).padStart(5)).join('')}`)
console.log('reliability of held-out confidences:')
for (const entry of cv.reliability) console.log(`  confidence ≥ ${entry.atLeast}: ${entry.right}/${entry.cases} right (${entry.accuracy})`)
if (process.argv.includes('--misses')) for (const entry of chosen.predictions) if (entry.inferred !== entry.stage) console.log(`  CV MISS ${entry.id} labelled ${entry.stage}, inferred ${entry.inferred} (${round(entry.confidence, 2)})`)

const parameters = fitStageModel(examplesOf(data, chosen.balance), {...FIT, l2: chosen.l2})
const training = {
  script: 'npm run fit-stages (bench/fit-stage-weights.ts)',
  data: 'tune half of ../shared/realcopy + fixtures/analyze/labelled; the check half is not used',
  cases: data.length,
  stages: counts,
  sources: new Set(data.map((item) => item.group)).size,
  fit: {...FIT, l2: chosen.l2, balance: chosen.balance},
  crossValidation: {method: 'leave one source out', ...cv}
}
const model = toModel(parameters, 'Stage-inference weights: multinomial logistic regression over stage signals (src/analyze/stage-model.ts). Generated by `npm run fit-stages`; do not edit by hand.', training)
if (dryRun) console.log('\n--dry-run: weights not written')
else {
  writeFileSync(out, JSON.stringify(model, null, 2) + '\n')
  console.log(`\nwritten: ${path.relative(process.cwd(), out)}`)
}
