import fc from 'fast-check'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {readStageDirectives, scopeAt, type StageScope} from '../src/core/stage-directives.js'
import {bySection, sectionIndexAt} from '../src/core/sections.js'
import {STAGES, type Stage} from '../src/core/stages.js'

// Stage scopes and sections are looked up, not scanned, once a document has many
// (issue 13: a directive or an inferred stage per section made linting quadratic).
// These properties hold the lookups to the plain scans they replace.

const runs = Number(process.env.FUZZ_RUNS ?? 300)

/** The plain scan: the latest-starting scope holding the offset (the later of two starting together). */
function scanScopes(scopes: StageScope[], offset: number): Stage | undefined {
  let found: StageScope | undefined
  for (const scope of scopes) if (scope.start <= offset && offset < scope.end && (!found || scope.start >= found.start)) found = scope
  return found?.stage
}

const scope = fc.record({stage: fc.constantFrom(...STAGES), start: fc.nat(200), length: fc.nat(120)}).map(({stage, start, length}) => ({stage, start, end: start + length}))

describe('stage scopes', () => {
  it('give every offset the stage of the plain scan, however many overlap', () => {
    fc.assert(
      fc.property(fc.array(scope, {minLength: 17, maxLength: 80}), (scopes) => {
        for (let offset = 0; offset <= 330; offset++) expect(scopeAt(scopes, offset)).toBe(scanScopes(scopes, offset))
      }),
      {numRuns: runs}
    )
  })

  it('are looked up again when the list has grown', () => {
    const scopes: StageScope[] = Array.from({length: 20}, (_, index) => ({stage: 'education', start: index * 10, end: index * 10 + 10}))
    expect(scopeAt(scopes, 205)).toBeUndefined()
    scopes.push({stage: 'sales', start: 200, end: 210})
    expect(scopeAt(scopes, 205)).toBe('sales')
  })

  // Directives read as before: to the next heading of the same or a higher level than the
  // one governing them, or over the heading written right after them.
  function scanDirectives(source: string): StageScope[] {
    const tree = unified().use(remarkParse).parse(source)
    const children = tree.children
    const scopes: StageScope[] = []
    children.forEach((node, index) => {
      const match = node.type === 'html' ? /^<!--\s*trustlint\s+stage\s*:\s*(\S+?)\s*-->$/.exec(node.value.trim()) : null
      if (!match) return
      const next = children[index + 1]
      let start = node.position!.start.offset!
      let depth = 0
      if (next?.type === 'heading') {
        start = next.position!.start.offset!
        depth = next.depth
        index += 1
      } else {
        for (let before = index - 1; before >= 0; before--) {
          const candidate = children[before]!
          if (candidate.type === 'heading') {
            depth = candidate.depth
            break
          }
        }
      }
      let end = tree.position!.end.offset!
      for (let later = index + 1; later < children.length; later++) {
        const candidate = children[later]!
        if (candidate.type === 'heading' && candidate.depth <= depth) {
          end = candidate.position!.start.offset!
          break
        }
      }
      scopes.push({stage: match[1] as Stage, start, end})
    })
    return scopes
  }

  const piece = fc.oneof(
    fc.integer({min: 1, max: 6}).map((depth) => `${'#'.repeat(depth)} Heading`),
    fc.constantFrom(...STAGES).map((stage) => `<!-- trustlint stage: ${stage} -->`),
    fc.constant('Some prose.')
  )

  it('of directives reach as far as the plain walk says', () => {
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
        const source = pieces.join('\n\n') + '\n'
        const tree = unified().use(remarkParse).parse(source)
        expect(readStageDirectives(tree).scopes).toEqual(scanDirectives(source))
      }),
      {numRuns: runs}
    )
  })
})

describe('sections by offset', () => {
  const sections = [
    {start: 5, end: 10},
    {start: 10, end: 30},
    {start: 40, end: 41}
  ]

  it('find the section holding an offset, or none in a gap', () => {
    expect([0, 5, 9, 10, 29, 30, 39, 40, 41].map((offset) => sectionIndexAt(sections, offset))).toEqual([-1, 0, 0, 1, 1, -1, -1, 2, -1])
  })

  it('hand out items in their order, as a filter per section would', () => {
    const items = [12, 3, 40, 5, 29, 10, 35, 7]
    expect(bySection(items, sections, (item) => item)).toEqual(sections.map((section) => items.filter((item) => item >= section.start && item < section.end)))
  })
})
