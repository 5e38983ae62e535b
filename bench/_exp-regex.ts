import {readdirSync, readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {createLinter} from '../src/index.js'
import {BUILTIN_RULES} from '../src/core/builtin-rules.js'
const dir = '../shared/corpus/en/'
const linter = createLinter()
const texts: string[] = []
for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
  const file = await linter.lint(new VFile({path: dir + name, value: readFileSync(dir + name, 'utf8')}))
  for (const s of file.data.trustlintProse!.sentences) if (s.lang === 'en') texts.push(s.normalized.text)
}
console.log('sentences', texts.length, 'chars', texts.reduce((a, t) => a + t.length, 0))
const rules = BUILTIN_RULES.filter((r) => r.patterns.en.some((p) => p.kind === 'regex'))
type G = {flags: string; src: string[]}
const gates: G[] = []
for (const r of rules) {
  const by = new Map<string, string[]>()
  for (const p of r.patterns.en) if (p.kind === 'regex') (by.get(p.flags) ?? by.set(p.flags, []).get(p.flags)!).push(p.regex)
  for (const [flags, src] of by) gates.push({flags, src})
}
console.log('gates', gates.length, gates.map((g) => g.flags + ':' + g.src.length).join(' '))
function time(name: string, fn: () => number) {
  let best = Infinity, hits = 0
  for (let i = 0; i < 7; i++) { const t = performance.now(); hits = fn(); best = Math.min(best, performance.now() - t) }
  console.log(name.padEnd(30), best.toFixed(1), 'ms', 'hits', hits)
}
const variants: Record<string, RegExp[]> = {
  current: gates.map((g) => new RegExp(g.src.map((s) => `(?:${s})`).join('|'), g.flags + 'u')),
  noU: gates.map((g) => { try { return new RegExp(g.src.map((s) => `(?:${s})`).join('|'), g.flags) } catch { return new RegExp(g.src.map((s) => `(?:${s})`).join('|'), g.flags + 'u') } }),
}
for (const [name, res] of Object.entries(variants)) time(name, () => { let h = 0; for (const t of texts) for (const re of res) if (re.test(t)) h++; return h })
// one big gate per flag set
const byFlags = new Map<string, string[]>()
for (const g of gates) (byFlags.get(g.flags) ?? byFlags.set(g.flags, []).get(g.flags)!).push(...g.src)
const big = [...byFlags].map(([f, s]) => new RegExp(s.map((x) => `(?:${x})`).join('|'), f + 'u'))
console.log('big gates', big.length, [...byFlags.keys()])
time('big', () => { let h = 0; for (const t of texts) for (const re of big) if (re.test(t)) h++; return h })
// per gate timing
gates.forEach((g, i) => time('gate ' + i + ' ' + g.flags + ' ' + g.src[0]!.slice(0, 20), () => { let h = 0; const re = variants.current![i]!; for (const t of texts) if (re.test(t)) h++; return h }))
