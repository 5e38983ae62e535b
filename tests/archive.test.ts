import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {PassThrough} from 'node:stream'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {issueDate, parseDay} from '../src/analyze/archive-dates.js'
import {spearman} from '../src/analyze/archive-findings.js'
import type {AnalysisReport} from '../src/analyze/types.js'
import {runCli} from '../src/cli/run.js'
import {archiveOf, createAnalyzer, createLinter, lint, OptionsError, PackError, type ArchiveEntry, type ArchiveOptions} from '../src/index.js'

const root = path.resolve(import.meta.dirname, '..')
const folder = 'fixtures/archive'
const at = (name: string) => `${folder}/${name}`

// The archive in date order, as written in the fixtures' front matter and file names.
const ORDER = [
  ['2024-01-08', 'starter-care.md', 'education'],
  ['2024-01-15', 'reading-your-notes.md', 'education'],
  ['2024-01-22', 'hydration.md', 'education'],
  ['2024-01-29', 'spring-course-open.md', 'sales'],
  ['2024-02-05', 'shaping-basics.md', 'education'],
  ['2024-02-12', 'workshop-tokyo.md', 'sales'],
  ['2024-02-19', 'last-chance-course.md', 'sales'],
  ['2024-02-26', '2024-02-26-free-recipe-cards.md', 'acquisition'],
  ['2024-03-04', 'scoring.md', 'education'],
  ['2024-03-11', 'steam.md', 'education'],
  ['2024-03-18', 'pan-set.md', 'sales'],
  ['2024-03-25', 'rye.md', 'education'],
  ['2024-04-01', 'summer-course.md', 'sales'],
  ['2024-04-08', 'levain-timing.md', 'education'],
  ['2024-04-15', 'crumb-reading.md', 'education'],
  ['2024-04-22', '20240422_cooling.md', 'education'],
  ['2024-04-29', 'autumn-course.md', 'sales']
] as const

let entries: ArchiveEntry[]

beforeAll(async () => {
  const analyzer = createAnalyzer()
  // Read in path order, which is not the date order.
  const names = readdirSync(path.join(root, folder)).sort()
  entries = []
  for (const name of names) {
    const value = readFileSync(path.join(root, folder, name), 'utf8')
    entries.push({analysis: await analyzer.analyze(new VFile({path: at(name), value}))})
  }
}, 60_000)

const archive = (options: ArchiveOptions = {}, withRules?: ArchiveEntry['rules']) =>
  archiveOf(
    entries.map((entry) => ({...entry, rules: withRules})),
    {...options, rules: options.rules ?? withRules}
  )

describe('issue dates', () => {
  it('reads date, published and pubDate from front matter, else a date opening the file name', () => {
    expect(issueDate('a/x.md', {key: 'date', value: '2024-05-13'})).toEqual({day: '2024-05-13', time: null, source: 'front-matter'})
    expect(issueDate('a/x.md', {key: 'pubDate', value: '2024/5/3 07:30'})).toEqual({day: '2024-05-03', time: '07:30:00', source: 'front-matter'})
    // Japanese dates and full-width digits, as Japanese writers type them.
    expect(issueDate('a/x.md', {key: 'published', value: '2024年4月8日'})).toEqual({day: '2024-04-08', time: null, source: 'front-matter'})
    expect(issueDate('a/x.md', {key: 'date', value: '2024年4月8日 9:05'})).toEqual({day: '2024-04-08', time: '09:05:00', source: 'front-matter'})
    expect(issueDate('a/x.md', {key: 'date', value: '２０２４－０４－０８'})).toMatchObject({day: '2024-04-08'})
    expect(issueDate('a/2024-05-13-spring.md', null)).toEqual({day: '2024-05-13', time: null, source: 'file-name'})
    expect(issueDate('a/20240513_spring.md', null)).toMatchObject({day: '2024-05-13', source: 'file-name'})
    // A front matter date wins over the file name.
    expect(issueDate('a/2024-05-13-spring.md', {key: 'date', value: '2024-06-01'})).toMatchObject({day: '2024-06-01'})
  })

  it('does not guess: no date is undated, and a front matter date that is not a day is a problem', () => {
    expect(issueDate('a/spring.md', null)).toBeNull()
    expect(issueDate('a/2024-0513.md', null)).toBeNull()
    expect(issueDate('a/202405131.md', null)).toBeNull()
    // 2024-02-30 does not exist; nor does month 13.
    expect(issueDate('a/2024-02-30-x.md', null)).toBeNull()
    expect(issueDate('a/x.md', {key: 'date', value: '2024-13-01'})).toEqual({problem: 'front matter "date: 2024-13-01" is not a date such as 2024-05-13'})
    expect(issueDate('a/x.md', {key: 'published', value: 'next Tuesday'})).toHaveProperty('problem')
  })

  it('parses --since and --until days', () => {
    expect(parseDay('2024-03-01')).toBe('2024-03-01')
    expect(parseDay('2024/3/1')).toBe('2024-03-01')
    expect(parseDay('2024-02-30')).toBeNull()
    expect(parseDay('2024-03-01T10:00')).toBeNull()
    expect(parseDay('March 1')).toBeNull()
  })
})

describe('spearman()', () => {
  it('is −1 for a reversed ranking and +1 for the same ranking', () => {
    expect(spearman([1, 2, 3, 4], [40, 30, 20, 10])).toBeCloseTo(-1, 10)
    expect(spearman([1, 2, 3, 4], [1, 5, 7, 100])).toBeCloseTo(1, 10)
  })

  it('gives ties their mean rank and no figure without spread', () => {
    // x ranks 1, 2.5, 2.5, 4; y ranks 4, 3, 2, 1: covariance −4.5 over √(4.5 × 5) → −0.9487.
    expect(spearman([0, 1, 1, 3], [9, 8, 7, 6])).toBeCloseTo(-0.9487, 4)
    expect(spearman([2, 2, 2], [1, 2, 3])).toBeNull()
  })
})

describe('archive view of fixtures/archive', () => {
  it('orders the issues by date and lists the undated draft apart', () => {
    const view = archive()
    expect(view.order).toBe('date')
    expect(view.issues.map((issue) => [issue.date, issue.path, issue.stage])).toEqual(ORDER.map(([date, name, stage]) => [date, at(name), stage]))
    expect(view.issues.find((issue) => issue.path === at('2024-02-26-free-recipe-cards.md'))!.dateSource).toBe('file-name')
    expect(view.issues.find((issue) => issue.path === at('levain-timing.md'))!.dateSource).toBe('front-matter')
    expect(view.undated).toEqual([{path: at('about.md'), reason: 'no front matter date and no date in the file name'}])
  })

  it('gives each issue its stage (declared, or inferred with a confidence), pushiness and primary CTA', () => {
    const issues = new Map(archive().issues.map((issue) => [issue.path.slice(folder.length + 1), issue]))
    expect(issues.get('starter-care.md')).toMatchObject({stage: 'education', declared: true, confidence: null, lang: 'ja', educationBefore: null})
    // scoring.md declares no stage: the analyzer's inference decides, with its confidence.
    const scoring = issues.get('scoring.md')!
    expect(scoring).toMatchObject({stage: 'education', declared: false, lang: 'en'})
    expect(scoring.confidence).toBeGreaterThan(0.5)
    expect(issues.get('spring-course-open.md')).toMatchObject({pushiness: 0, cta: {text: 'Enroll in the spring course', strength: expect.any(Number)}})
    expect(issues.get('spring-course-open.md')!.cta!.strength).toBeGreaterThan(0.8)
    // The back-to-back pitch piles hype, FOMO and exclamation marks on: the pushiest issue.
    expect(issues.get('last-chance-course.md')!.pushiness).toBeGreaterThan(80)
    expect(issues.get('autumn-course.md')!.pushiness).toBe(0)
  })

  it('counts the balance: shares, education per sale and the longest run of sales issues', () => {
    const view = archive()
    // 10 education, 1 acquisition, 6 sales of 17; the only run of two sales is 02-12, 02-19.
    expect(view.balance).toEqual({
      education: {count: 10, share: 0.59},
      acquisition: {count: 1, share: 0.06},
      sales: {count: 6, share: 0.35},
      educationPerSale: 1.67,
      longestSalesRun: 2
    })
    const sales = view.issues.filter((issue) => issue.stage === 'sales')
    // The acquisition issue between 02-19 and 03-18 is not education.
    expect(sales.map((issue) => issue.educationBefore)).toEqual([3, 1, 0, 2, 1, 3])
  })

  it('reports pitch-cadence on each sales issue with fewer than two education issues before it, in its language', () => {
    const cadence = archive().findings.filter((finding) => finding.ruleId === 'pitch-cadence')
    expect(cadence.map((finding) => [finding.path, finding.educationBefore, finding.severity, finding.line])).toEqual([
      [at('workshop-tokyo.md'), 1, 'warning', 1],
      [at('last-chance-course.md'), 0, 'warning', 1],
      [at('summer-course.md'), 1, 'warning', 1]
    ])
    expect(cadence[0]!.message).toBe(
      'この販売号の前には、前回の販売号以降、教育号が1本しかありません（目安は2本以上）。売り込む前に、あと1本は教える号を送りましょう。'
    )
    expect(cadence[1]!.message).toBe(
      'This sales issue follows no education issue since the previous sales issue (at least 2 expected). Two pitches with no lesson between: send an education issue first.'
    )
    expect(cadence[1]!.url).toMatch(/docs\/rules\/pitch-cadence\.md$/)
    // The well-prepared sales (three lessons before) are not flagged.
    expect(cadence.some((finding) => finding.path === at('spring-course-open.md') || finding.path === at('autumn-course.md'))).toBe(false)
  })

  it('reports trust-debt once, with the rank correlation and the sales issues behind it', () => {
    const debt = archive({locale: 'en'}).findings.filter((finding) => finding.ruleId === 'trust-debt')
    expect(debt).toHaveLength(1)
    const finding = debt[0]!
    expect(finding.severity).toBe('info')
    expect(finding.path).toBe(at('last-chance-course.md'))
    expect(finding.correlation).toBeLessThan(-0.8)
    expect(finding.issues!.map((issue) => issue.educationBefore)).toEqual([3, 1, 0, 2, 1, 3])
    expect(finding.message).toMatch(/^Across 6 sales issues, the ones that follow fewer education issues are pushier \(rank correlation -0\.\d\d\)\. Pushiest: fixtures\/archive\/last-chance-course\.md \(pushiness \d+ after 0 education\);/)
    // In Japanese when the archive is mostly Japanese (9 of 17 issues) and no locale is given.
    expect(archive().findings.find((entry) => entry.ruleId === 'trust-debt')!.message).toMatch(/^販売号6本を比べると、前の教育号が少ないものほど押しが強くなっています（順位相関 -0\.\d\d）。/)
  })

  it('is configured like any rule: level, options, off', () => {
    const stricter = archive({}, {'pitch-cadence': ['error', {minEducationBeforeSale: 3}]}).findings.filter((finding) => finding.ruleId === 'pitch-cadence')
    // pan-set.md (2 lessons before) now falls short too.
    expect(stricter.map((finding) => [finding.path.slice(folder.length + 1), finding.severity])).toEqual([
      ['workshop-tokyo.md', 'error'],
      ['last-chance-course.md', 'error'],
      ['pan-set.md', 'error'],
      ['summer-course.md', 'error']
    ])
    expect(archive({}, {'pitch-cadence': 'off', 'trust-debt': 'off'}).findings).toEqual([])
    expect(archive({}, {'trust-debt': ['warning', {minSalesIssues: 7}]}).findings.some((finding) => finding.ruleId === 'trust-debt')).toBe(false)
    expect(archive({}, {'trust-debt': 'warning'}).findings.find((finding) => finding.ruleId === 'trust-debt')!.severity).toBe('warning')
    expect(() => archive({}, {'pitch-cadence': ['warning', {minEducation: 3}]})).toThrow(OptionsError)
    expect(() => archive({}, {'pitch-cadence': ['warning', {minEducation: 3}]})).toThrow('Rule "pitch-cadence" has no option "minEducation"; its options are minEducationBeforeSale')
  })

  it('narrows to a window with since/until; issues before it still count for its first sale', () => {
    const view = archive({since: '2024-03-01', until: '2024-04-10'})
    expect(view.issues.map((issue) => issue.date)).toEqual(['2024-03-04', '2024-03-11', '2024-03-18', '2024-03-25', '2024-04-01', '2024-04-08'])
    expect(view.balance).toMatchObject({education: {count: 4}, sales: {count: 2}, educationPerSale: 2, longestSalesRun: 1})
    // pan-set.md (03-18) follows scoring and steam: two lessons, fine; summer-course.md follows one.
    expect(view.findings.map((finding) => [finding.ruleId, finding.path])).toEqual([['pitch-cadence', at('summer-course.md')]])
  })

  it('falls back to path order when no draft is dated', () => {
    const undated = entries
      .filter((entry) => ['about.md', 'steam.md', 'rye.md'].some((name) => entry.analysis.path.endsWith('/' + name)))
      .map((entry) => ({analysis: {...entry.analysis, frontMatterDate: null}}))
    const view = archiveOf(undated.reverse())
    expect(view.order).toBe('path')
    expect(view.issues.map((issue) => [issue.path, issue.date])).toEqual([
      [at('about.md'), null],
      [at('rye.md'), null],
      [at('steam.md'), null]
    ])
    expect(view.undated).toEqual([])
    // A front matter date that is not a day is still listed apart, so that it gets fixed.
    const misdated = archiveOf([...undated, {analysis: {...undated[0]!.analysis, path: at('x.md'), frontMatterDate: {key: 'date', value: '2024-02-30'}}}])
    expect(misdated.order).toBe('path')
    expect(misdated.issues).toHaveLength(3)
    expect(misdated.undated).toEqual([{path: at('x.md'), reason: 'front matter "date: 2024-02-30" is not a date such as 2024-05-13'}])
  })
})

describe('lint() and the remark plugin have no sequence', () => {
  it('never reports pitch-cadence or trust-debt on one draft', async () => {
    const file = await lint(readFileSync(path.join(root, folder, 'last-chance-course.md'), 'utf8'), {rules: {'pitch-cadence': 'error', 'trust-debt': 'error'}})
    expect(file.messages.length).toBeGreaterThan(0)
    expect(file.messages.filter((message) => message.ruleId === 'pitch-cadence' || message.ruleId === 'trust-debt')).toEqual([])
  })

  it('takes no phrase cues for a sequence rule from a user pack', () => {
    expect(() => createLinter({packs: [{name: 'house', cues: {'pitch-cadence': {en: ['sale']}}}]})).toThrow(PackError)
    expect(() => createLinter({packs: [{name: 'house', cues: {'pitch-cadence': {en: ['sale']}}}]})).toThrow('Pack "house", cues.pitch-cadence: unknown rule')
  })
})

describe('trustlint analyze over an archive', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'trustlint-archive-'))
  afterAll(() => rmSync(work, {recursive: true, force: true}))

  async function analyze(args: string[], cwd = root) {
    const stdout = new PassThrough()
    const stderr = new PassThrough()
    let out = ''
    let err = ''
    stdout.on('data', (chunk) => (out += chunk))
    stderr.on('data', (chunk) => (err += chunk))
    const code = await runCli(['analyze', ...args], {cwd, stdout, stderr, stdin: new PassThrough()})
    return {code, stdout: out, stderr: err}
  }

  it('adds the archive object to the JSON report and prints the balance under the table', async () => {
    const json = await analyze(['--format', 'json', '--since', '2024-02-01', folder])
    expect(json.code).toBe(0)
    const report = JSON.parse(json.stdout) as AnalysisReport
    expect(report.files).toHaveLength(18)
    expect(report.archive).toMatchObject({order: 'date', since: '2024-02-01', until: null, balance: {sales: {count: 5}}})
    expect(report.archive!.issues[0]).toEqual({
      path: at('shaping-basics.md'),
      date: '2024-02-05',
      dateSource: 'front-matter',
      stage: 'education',
      declared: true,
      confidence: null,
      pushiness: 0,
      cta: expect.objectContaining({strength: expect.any(Number)}),
      lang: 'ja',
      educationBefore: null
    })
    expect(json.stderr).toContain(`${at('about.md')}: no front matter date and no date in the file name; listed as undated`)

    const table = await analyze(['--locale', 'en', folder])
    const lines = table.stdout.split('\n')
    expect(lines[0]).toMatch(/^date\s+archive stage\s+edu before\s+file/)
    expect(lines[2]).toMatch(/^2024-01-08\s+education\s+fixtures\/archive\/starter-care\.md/)
    expect(lines[19]).toMatch(/^undated\s+fixtures\/archive\/about\.md/)
    expect(table.stdout).toContain('Archive: 17 issues by date (front matter 15, file name 2); 1 undated, listed last')
    expect(table.stdout).toContain('Balance: education 10 (59%), acquisition 1 (6%), sales 6 (35%); 1.67 education per sales issue; longest sales run 2')
    expect(table.stdout).toContain(`${at('last-chance-course.md')}:1:1  warning  This sales issue follows no education issue`)
  }, 60_000)

  it('has no archive view for one draft or with --no-archive', async () => {
    const one = JSON.parse((await analyze(['--format', 'json', at('pan-set.md')])).stdout) as AnalysisReport
    expect(one.archive).toBeUndefined()
    const off = JSON.parse((await analyze(['--format', 'json', '--no-archive', at('pan-set.md'), at('rye.md')])).stdout) as AnalysisReport
    expect(off.files).toHaveLength(2)
    expect(off.archive).toBeUndefined()
  }, 60_000)

  it('rejects a bad --since, and lists a draft whose front matter date is not a date as undated, naming it', async () => {
    const bad = await analyze(['--since', '2024-02-30', folder])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--since expects a day such as 2024-05-13, got "2024-02-30"')
    const reversed = await analyze(['--since', '2024-05-01', '--until', '2024-04-01', folder])
    expect(reversed.code).toBe(2)
    expect(reversed.stderr).toContain('--since 2024-05-01 is after --until 2024-04-01')

    mkdirSync(path.join(work, 'news'))
    writeFileSync(path.join(work, 'news/a.md'), '---\ndate: 2024-01-05\n---\n\nA lesson about bread.\n')
    writeFileSync(path.join(work, 'news/b.md'), '---\ndate: someday soon\n---\n\nAnother lesson about bread.\n')
    // The config of the archive's folder turns a rule off like any other.
    writeFileSync(path.join(work, '.trustlintrc.json'), JSON.stringify({rules: {'trust-debt': 'off', 'pitch-cadence': ['warning', {minEducationBeforeSale: 1}]}}))
    const result = await analyze(['--format', 'json', 'news'], work)
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('news/b.md: front matter "date: someday soon" is not a date such as 2024-05-13; listed as undated')
    const report = JSON.parse(result.stdout) as AnalysisReport
    expect(report.archive!.issues.map((issue) => issue.path)).toEqual(['news/a.md'])
    expect(report.archive!.undated.map((entry) => entry.path)).toEqual(['news/b.md'])

    mkdirSync(path.join(work, 'other/news'), {recursive: true})
    writeFileSync(path.join(work, 'other/news/a.md'), '---\ndate: 2024-01-05\n---\n\nA lesson about bread.\n')
    writeFileSync(path.join(work, 'other/.trustlintrc.json'), JSON.stringify({rules: {'pitch-cadence': ['warning', {minEducation: 1}]}}))
    const badConfig = await analyze(['news'], path.join(work, 'other'))
    expect(badConfig.code).not.toBe(0)
    expect(badConfig.stderr).toContain('minEducationBeforeSale')
  }, 60_000)
})

describe('bench/archive-overhead.ts', () => {
  // On a tiny corpus, so that the script cannot rot; no timing is asserted.
  it('runs and reports the overhead with its spread', () => {
    const corpus = mkdtempSync(path.join(tmpdir(), 'trustlint-archive-bench-'))
    try {
      for (const lang of ['ja', 'en']) mkdirSync(path.join(corpus, lang))
      writeFileSync(path.join(corpus, 'ja/a.md'), '# 発酵\n\n種は毎日同じ時間に世話をします。\n')
      writeFileSync(path.join(corpus, 'en/a.md'), '# Steam\n\nBake the loaf in a covered pot.\n')
      const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs')
      const result = spawnSync(process.execPath, [tsx, 'bench/archive-overhead.ts', '1', corpus], {cwd: root, encoding: 'utf8', timeout: 120_000})
      expect(result.status, result.stderr).toBe(0)
      expect(result.stdout).toMatch(/^2 files, 1 rounds, passes alternated:/)
      expect(result.stdout).toMatch(/archive run \/ plain run: median -?\d+\.\d% \(per-round range -?\d+\.\d% to -?\d+\.\d%\); target ≤ \+5%/)
    } finally {
      rmSync(corpus, {recursive: true, force: true})
    }
  }, 120_000)
})
