import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {location as locate, type Location} from 'vfile-location'
import {autoStages} from '../analyze/auto-stage.js'
import {CHECKS} from '../checks/index.js'
import type {CheckContext} from '../checks/types.js'
import {loadTokenizer} from '../lang/ja/tokenizer.js'
import type {Lang} from '../lang/script.js'
import {readFrontMatter, type FrontMatter} from './front-matter.js'
import {frontMatterBlocks, headerKeys} from '../formats/front-matter-fields.js'
import {documentLang, NOTICES, noticeUrl, type NoticeId} from './notices.js'
import type {ResolvedOptions} from './options.js'
import {judgeCues, negatedAway, placed} from './cue-judge.js'
import {isEmailDocument} from './email-document.js'
import {findCues, type CueMatch} from '../kinds/existence.js'
import {createCueFilter} from './mentions.js'
import {collectProse, isHeaderBlock, type ProseBlock} from './prose.js'
import {fill, report} from './report.js'
import type {CompiledRule} from './rule-types.js'
import type {Category} from './rule-types.js'
import {splitSections} from './sections.js'
import {readStageDirectives, stageAt, type StageScope} from './stage-directives.js'
import {parseStage, type Stage} from './stages.js'
import {buildSentences, planSentences, restage, type ProseSentence} from './text-model.js'
import {effectiveRules} from './user-packs.js'

// The pressure categories (issue 3): their findings, from patterns or from a
// check, are dropped when they are mentions or inside an accepted term.
const PUSHY = new Set<Category>(['urgency', 'scarcity', 'fomo', 'hard-sell', 'hype', 'price-push', 'pressure-punctuation', 'countdown', 'social-proof'])

/** What a lint run leaves on `file.data.trustlintProse` for later steps (analyzer, tests). */
export interface ProseModel {
  blocks: ProseBlock[]
  sentences: ProseSentence[]
  /** The stage given by front matter, if any. */
  documentStage: Stage | undefined
}

declare module 'vfile' {
  interface DataMap {
    trustlintProse: ProseModel
  }
}

/** Lint one parsed Markdown tree into its file's messages. */
export async function lintTree(tree: Root, file: VFile, options: ResolvedOptions): Promise<void> {
  const source = String(file.value ?? '')
  const location = locate(file)
  const notice = (id: NoticeId, start: number, end: number, lang: Lang, reason: string, level: 'error' | 'warning' | 'info') =>
    report(file, location, source, {
      ruleId: id,
      category: 'other',
      level,
      reason,
      start,
      end,
      stage: undefined,
      lang,
      url: noticeUrl(id)
    })

  const blocks = collectProse(tree, source)
  const noticeLang: Lang = options.locale ?? documentLang(source)
  const format = file.data.trustlintFormat ?? 'markdown'

  if (!source.trim()) {
    notice('empty-file', 0, source.length, noticeLang, NOTICES['empty-file'].empty[noticeLang](), 'info')
  }

  // Front matter: stage and lang, or a clear message when it is broken. HTML
  // and email have none (their stage marker is a <meta>, their subject a block).
  const front: FrontMatter = format === 'html' || format === 'eml' ? {node: undefined, data: {}} : readFrontMatter(tree, source)
  if (front.yaml) blocks.unshift(...frontMatterBlocks(front.yaml, source, headerKeys(options.subjectFromTitle)))
  if (front.unclosed) {
    notice('front-matter', 0, 3, noticeLang, NOTICES['front-matter'].unclosed[noticeLang](), 'error')
  } else if (front.error) {
    const at = Math.min(front.error.offset, source.length)
    notice('front-matter', at, Math.min(at + 1, source.length), noticeLang, NOTICES['front-matter'].yaml[noticeLang](front.error.detail), 'error')
  } else if (front.notMapping && front.range) {
    notice('front-matter', front.range.start, front.range.end, noticeLang, NOTICES['front-matter'].notMapping[noticeLang](), 'error')
  }
  const hostData = hostFrontMatter(file)
  const frontData = {...hostData, ...front.data}
  const marker = file.data.trustlintStageMarker
  if (marker && frontData.stage === undefined) frontData.stage = marker.value
  let documentStage: Stage | undefined
  // `stage: auto` in front matter asks for inference, like the option does.
  const frontAuto = typeof frontData.stage === 'string' && frontData.stage.trim().toLowerCase() === 'auto'
  if (frontData.stage !== undefined && !frontAuto) {
    documentStage = parseStage(frontData.stage)
    if (!documentStage) {
      const place = front.range ? keyRange(source, front.range, 'stage') : marker ? [marker.start, marker.end] : [0, 0]
      notice('stage', place[0]!, place[1]!, noticeLang, NOTICES.stage.unknown[noticeLang](typeof frontData.stage === 'string' ? frontData.stage : JSON.stringify(frontData.stage) ?? String(frontData.stage)), 'warning')
    }
  }
  let forcedLang = options.lang
  if (frontData.lang !== undefined && !forcedLang) {
    const value = String(frontData.lang).toLowerCase()
    if (value === 'ja' || value === 'en') forcedLang = value
    else if (!value.startsWith('ja') && !value.startsWith('en')) {
      const place = front.range ? keyRange(source, front.range, 'lang') : [0, 0]
      notice('front-matter', place[0]!, place[1]!, noticeLang, NOTICES['front-matter'].lang[noticeLang](value), 'warning')
    } else forcedLang = value.slice(0, 2) as Lang
  }

  // Inline stage directives.
  const directives = readStageDirectives(tree)
  for (const bad of directives.bad) {
    const place = nodeRange(bad.node)
    notice('stage', place[0], place[1], noticeLang, NOTICES.stage.unknown[noticeLang](bad.value), 'warning')
  }
  const fallback = documentStage ?? options.stage
  // Declared stages (directives) win; then, with `stage: auto`, the inferred
  // stage of the section; then front matter, the option, education.
  let inferredScopes: StageScope[] = []
  const stageAtOffset = (offset: number) => stageAt(directives.scopes, offset, stageAt(inferredScopes, offset, fallback))
  // A subject line and preheader take the stage of the document's first
  // section, unless front matter `subject_stage:` or the `subjectStage` option (config glob) names one.
  const frontHeaderStage = parseStage(frontData.subject_stage)
  const headerStage = frontHeaderStage ?? options.subjectStage
  if (frontData.subject_stage !== undefined && !frontHeaderStage && front.range) {
    const place = keyRange(source, front.range, 'subject_stage')
    notice('stage', place[0], place[1], noticeLang, NOTICES.stage.unknown[noticeLang](String(frontData.subject_stage)), 'warning')
  }
  const firstBody = blocks.find((block) => !isHeaderBlock(block))
  const stageOf = (block: ProseBlock) =>
    isHeaderBlock(block) ? headerStage ?? stageAtOffset(firstBody?.start ?? block.start) : stageAtOffset(block.start)

  // Tokenize: the Japanese dictionary is loaded only when Japanese text exists.
  const plans = planSentences(blocks, forcedLang)
  const tokenizer = plans.some((plan) => plan.lang === 'ja') ? await loadTokenizer(options.dictPath) : undefined
  const sentences = buildSentences(plans, stageOf, location, tokenizer)

  if ((options.autoStage || frontAuto) && documentStage === undefined) {
    const auto = autoStages({tree, source, location, blocks, sentences, declared: directives.scopes, fallback})
    inferredScopes = auto.scopes
    // Nodes not built yet take the new stage when built (text-model.ts).
    for (const sentence of sentences) restage(sentence, stageOf(sentence.block))
    for (const {inference, start, end} of auto.unsure) {
      const text = NOTICES.stage.unsure[noticeLang](inference.inferred, inference.confidence, fallback)
      notice('stage', start, end, noticeLang, text, 'info')
    }
  }

  const levelOf = (ruleId: string, stage: Stage) => options.levels.get(ruleId)?.[stage] ?? 'off'
  // Pack cues join their rules here (the dictionary loads only for Japanese packs).
  const rules = await effectiveRules(options)
  const filter = createCueFilter(tree, blocks, options.accept)
  for (const sentence of sentences) {
    for (const rule of rules) {
      const level = levelOf(rule.id, sentence.stage)
      if (level === 'off' || rule.judge === 'check') continue
      for (const cue of judgeCues(rule, sentence, filter, options.flagMentions)) {
        const lang = options.locale ?? sentence.lang
        const actual = source.slice(cue.start, cue.end)
        report(file, location, source, {
          ruleId: rule.id,
          category: rule.category,
          level,
          reason: fill(messageFor(rule, sentence.stage)[lang], actual),
          start: cue.start,
          end: cue.end,
          stage: sentence.stage,
          lang: sentence.lang,
          expected: cue.expected ?? rule.expected[sentence.lang]
        })
      }
    }
  }

  const context: CheckContext = {
    file,
    source,
    location,
    tree,
    blocks,
    sentences,
    sections: splitSections(tree, blocks, stageAtOffset),
    stageAt: stageAtOffset,
    levelOf,
    localeFor: (lang) => options.locale ?? lang,
    report(rule, finding) {
      const level = levelOf(rule.id, finding.stage)
      if (level === 'off') return
      if (PUSHY.has(rule.category)) {
        if (filter.isAccepted(finding.start, finding.end)) return
        const cue = {start: finding.start, end: finding.end, from: -1, to: -1, expected: undefined}
        if (!options.flagMentions && filter.isMention(undefined, cue)) return
      }
      const actual = source.slice(finding.start, finding.end)
      report(file, location, source, {
        ruleId: rule.id,
        category: rule.category,
        level,
        reason: finding.reason ?? fill(messageFor(rule, finding.stage)[options.locale ?? finding.lang], actual),
        start: finding.start,
        end: finding.end,
        stage: finding.stage,
        lang: finding.lang,
        expected: finding.expected,
        note: finding.note
      })
    },
    cues(rule) {
      const found: {sentence: ProseSentence; cue: CueMatch}[] = []
      for (const sentence of sentences) {
        if (levelOf(rule.id, sentence.stage) === 'off') continue
        for (const cue of findCues(rule, sentence)) {
          if (filter.isAccepted(cue.start, cue.end) || negatedAway(rule, sentence, cue)) continue
          if (!options.flagMentions && filter.isMention(sentence, placed(sentence, cue))) continue
          found.push({sentence, cue})
        }
      }
      return found
    },
    email: isEmailDocument({file, frontMatter: frontData, type: options.type, format}),
    footerByService: options.footer === 'provided-by-service'
  }
  for (const rule of rules) {
    if (!rule.check) continue
    const check = CHECKS[rule.check]
    if (!check) throw new Error(`Rule "${rule.id}" names an unknown check "${rule.check}"`)
    check(context, rule)
  }

  sortMessages(file)
  file.data.trustlintProse = {blocks, sentences, documentStage}
}

/** Messages in source order (then by rule id): after the rules, and again after control comments add theirs. */
export function sortMessages(file: VFile): void {
  file.messages.sort(
    (a, b) =>
      (a.place && 'start' in a.place ? a.place.start.offset ?? 0 : 0) -
        (b.place && 'start' in b.place ? b.place.start.offset ?? 0 : 0) ||
      String(a.ruleId).localeCompare(String(b.ruleId))
  )
}

/** The message templates of a rule for a stage: its stage-specific ones, else the default. */
function messageFor(rule: CompiledRule, stage: Stage) {
  return rule.stageMessages?.[stage] ?? rule.messages
}

/** Front matter a host already parsed (Astro, gray-matter based loaders). */
function hostFrontMatter(file: VFile): Record<string, unknown> {
  const data = file.data as Record<string, unknown>
  const astro = data.astro as {frontmatter?: unknown} | undefined
  for (const candidate of [astro?.frontmatter, data.frontmatter, data.matter]) {
    if (candidate && typeof candidate === 'object' && !Array.isArray(candidate)) return candidate as Record<string, unknown>
  }
  return {}
}

function nodeRange(node: {position?: {start: {offset?: number}; end: {offset?: number}}}): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0]
}

/** The value of a top-level key inside the front matter, for a precise position. */
function keyRange(source: string, {start, end}: {start: number; end: number}, key: string): [number, number] {
  const text = source.slice(start, end)
  const match = new RegExp(`^${key}[ \\t]*:[ \\t]*(.*?)[ \\t]*\\r?$`, 'm').exec(text)
  if (!match || !match[1]) return [start, start + 3]
  const at = start + match.index + match[0].indexOf(match[1], key.length + 1)
  return [at, at + match[1].length]
}

