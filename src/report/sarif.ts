import {createHash} from 'node:crypto'
import {pathToFileURL} from 'node:url'
import type {VFile} from 'vfile'
import type {Log, ReportingDescriptor, Result} from 'sarif'
import {docsUrl} from '../core/docs-url.js'
import {severityOf} from '../core/levels.js'
import type {CompiledRule} from '../core/rule-types.js'

const LEVEL: Record<'error' | 'warning' | 'info', Result.level> = {error: 'error', warning: 'warning', info: 'note'}

/** The highest level a rule has in any stage, as SARIF's default level. */
function defaultLevel(rule: CompiledRule): Result.level {
  const levels = Object.values(rule.levels)
  if (levels.includes('error')) return 'error'
  if (levels.includes('warning')) return 'warning'
  return 'note'
}

/** The key of our fingerprint in `partialFingerprints`; the version changes if its recipe does. */
export const FINGERPRINT_KEY = 'trustlintFinding/v1'

/**
 * A finding's identity across commits, for GitHub to follow it as lines move:
 * rule, file and the flagged text (whitespace folded), plus how many equal
 * findings come before it in the file. Not the line: an edit above must not
 * make every finding below it new.
 */
function fingerprint(ruleId: string, uri: string, actual: string, occurrence: number): string {
  return createHash('sha256').update(`${ruleId}\0${uri}\0${actual.replace(/\s+/g, ' ').trim()}\0${occurrence}`).digest('hex').slice(0, 32)
}

/**
 * SARIF 2.1.0 for GitHub code scanning: rule descriptors from rule metadata,
 * one result per message with a ranged region, a URI relative to `%SRCROOT%`
 * (given in `originalUriBaseIds` when `root` is known) and a partial fingerprint.
 */
export function toSarif(files: VFile[], rules: CompiledRule[], version: string, root?: string): Log {
  const descriptors: ReportingDescriptor[] = rules.map((rule) => ({
    id: rule.id,
    name: rule.id,
    shortDescription: {text: rule.description.en},
    fullDescription: {text: `${rule.description.en} / ${rule.description.ja}`},
    helpUri: docsUrl(rule.id),
    defaultConfiguration: {level: defaultLevel(rule)},
    properties: {category: rule.category, levels: rule.levels}
  }))
  const known = new Map(rules.map((rule, index) => [rule.id, index]))
  const results: Result[] = []
  for (const file of files) {
    const uri = (file.path ?? '').replaceAll('\\', '/').replace(/^\.\//, '')
    const seen = new Map<string, number>()
    for (const message of file.messages) {
      const place = message.place && 'start' in message.place ? message.place : undefined
      const ruleId = message.ruleId ?? 'trustlint'
      const region = place
        ? {startLine: place.start.line, startColumn: place.start.column, endLine: place.end.line, endColumn: place.end.column}
        : {startLine: message.line ?? 1}
      const result: Result = {
        ruleId,
        level: LEVEL[severityOf(message.fatal)],
        message: {text: message.reason},
        locations: [
          // A message in a decoded .eml part points at the .eml file as a whole
          // (its lines are not the part's); the part and its region are a logical location.
          message.part
            ? {
                physicalLocation: {artifactLocation: {uri, uriBaseId: '%SRCROOT%'}},
                logicalLocations: [{name: message.part, fullyQualifiedName: `${uri}#${message.part}`, kind: 'resource'}],
                properties: {part: message.part, partRegion: region}
              }
            : {physicalLocation: {artifactLocation: {uri, uriBaseId: '%SRCROOT%'}, region}}
        ]
      }
      const actual = message.actual ?? message.reason
      const key = `${ruleId}\0${actual}`
      const occurrence = seen.get(key) ?? 0
      seen.set(key, occurrence + 1)
      result.partialFingerprints = {[FINGERPRINT_KEY]: fingerprint(ruleId, uri, actual, occurrence)}
      const index = known.get(ruleId)
      if (index !== undefined) result.ruleIndex = index
      if (message.stage || message.lang || message.category) {
        result.properties = {
          ...(message.category ? {category: message.category} : {}),
          ...(message.stage ? {stage: message.stage} : {}),
          ...(message.lang ? {lang: message.lang} : {})
        }
      }
      results.push(result)
    }
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {driver: {name: 'trustlint', version, informationUri: 'https://github.com/trustlint/trustlint', rules: descriptors}},
        // The folder the URIs are relative to (a file: URI ending in /), so viewers can find the files.
        ...(root ? {originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(root.endsWith('/') ? root : `${root}/`).href}}} : {}),
        results
      }
    ]
  }
}
