/**
 * Propose candidate pushy cues for a person to review (issue 12): lemma n-grams
 * (1–3) that are far more frequent in labelled pushy spans than in the calm
 * corpus, ranked by the log-odds ratio with an informative Dirichlet prior
 * (Monroe, Colaresi & Quinn 2008, "Fightin' Words"), as a z-score.
 *
 *   npx tsx bench/propose-cues.ts [--half tune|check|all] [--top N] [--min N]
 *
 * The pushy side is the `mustFlag` quotes of pushy kinds in education cases of
 * ../shared/realcopy (the `tune` half by default, so the `check` half stays
 * unseen); the background is ../shared/corpus (ja/, en/). Output is a list to
 * read, never rule data: a candidate becomes a cue only as a phenomenon with
 * fixtures of our own (STYLE.md §11), and only if it is not one case's phrase
 * (the `cases` column says how many cases it came from).
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {halfOf} from './lib/accuracy-score.js'
import {loadTokenizer} from '../src/lang/ja/tokenizer.js'

const {values} = parseArgs({options: {half: {type: 'string', default: 'tune'}, top: {type: 'string', default: '40'}, min: {type: 'string', default: '2'}}})
const root = path.resolve(import.meta.dirname, '..')
const realcopy = path.join(root, '../shared/realcopy')
const corpus = path.join(root, '../shared/corpus')
const CTA = new Set(['weak-cta', 'vague-link', 'competing-cta', 'no-cta'])
const tokenizer = await loadTokenizer()

/** Lemmas of a text: kuromoji basic forms (surface for unknown words) or lower-case English words. */
function lemmas(text: string, lang: string): string[] {
  const normalized = text.normalize('NFKC')
  if (lang === 'ja') {
    return tokenizer
      .tokenize(normalized)
      .filter((token) => token.pos !== '記号')
      .map((token) => (token.basic_form === '*' ? token.surface_form : token.basic_form))
  }
  return normalized.toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}$%']+/gu) ?? []
}

function grams(words: string[], lang: string): string[] {
  const out: string[] = []
  const join = lang === 'ja' ? '' : ' '
  for (let n = 1; n <= 3; n++) for (let at = 0; at + n <= words.length; at++) out.push(words.slice(at, at + n).join(join))
  return out
}

for (const lang of ['ja', 'en']) {
  const pushy = new Map<string, number>()
  const cases = new Map<string, Set<string>>()
  for (const line of readFileSync(path.join(realcopy, `${lang}.jsonl`), 'utf8').split('\n')) {
    if (!line.trim()) continue
    const item = JSON.parse(line) as {id: string; lang: string; stage: string; source: string; mustFlag: {quote: string; kind: string}[]}
    if (item.stage !== 'education' || (values.half !== 'all' && halfOf(item.source) !== values.half)) continue
    for (const flag of item.mustFlag) {
      if (CTA.has(flag.kind)) continue
      for (const gram of new Set(grams(lemmas(flag.quote, lang), lang))) {
        pushy.set(gram, (pushy.get(gram) ?? 0) + 1)
        cases.set(gram, (cases.get(gram) ?? new Set()).add(item.id))
      }
    }
  }
  const calm = new Map<string, number>()
  const folder = path.join(corpus, lang)
  for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.md'))) {
    for (const gram of grams(lemmas(readFileSync(path.join(folder, name), 'utf8'), lang), lang)) calm.set(gram, (calm.get(gram) ?? 0) + 1)
  }
  // Informative prior: the pooled counts, scaled to a fixed total.
  const totalPushy = [...pushy.values()].reduce((a, b) => a + b, 0)
  const totalCalm = [...calm.values()].reduce((a, b) => a + b, 0)
  const priorTotal = 10_000
  const scored: {gram: string; z: number; pushy: number; calm: number; cases: number}[] = []
  for (const [gram, count] of pushy) {
    if (count < Number(values.min) || (cases.get(gram)?.size ?? 0) < 2) continue
    const background = calm.get(gram) ?? 0
    const prior = ((count + background) / (totalPushy + totalCalm)) * priorTotal
    const a = Math.log((count + prior) / (totalPushy + priorTotal - count - prior))
    const b = Math.log((background + prior) / (totalCalm + priorTotal - background - prior))
    const variance = 1 / (count + prior) + 1 / (background + prior)
    scored.push({gram, z: (a - b) / Math.sqrt(variance), pushy: count, calm: background, cases: cases.get(gram)!.size})
  }
  scored.sort((x, y) => y.z - x.z)
  console.log(`\n${lang} (${values.half} half): n-gram, z, pushy spans, calm count, cases`)
  for (const row of scored.slice(0, Number(values.top))) console.log(`  ${row.gram}\t${row.z.toFixed(2)}\t${row.pushy}\t${row.calm}\t${row.cases}`)
}
