import { describe, expect, it } from 'vitest'
import { KNOWN_ENTITIES } from '../../index-build/entities/knowledge-base'
import { tagArticle } from '../../index-build/entities/tag-article'
import fixture from './fixture.json' with { type: 'json' }

/** A hand-labelled paragraph; `context` names people introduced earlier in its article. */
interface Labelled {
  text: string
  actors: string[]
  regions: string[]
  context?: string[]
}

/** Precision and recall of found against expected, summed over the fixture. */
function score(pairs: { found: string[]; expected: string[] }[]) {
  let tp = 0
  let fp = 0
  let fn = 0
  for (const { found, expected } of pairs) {
    tp += found.filter((f) => expected.includes(f)).length
    fp += found.filter((f) => !expected.includes(f)).length
    fn += expected.filter((e) => !found.includes(e)).length
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn) }
}

describe('entity tagging on the hand-labelled fixture', () => {
  const rows = (fixture as Labelled[]).map((row) => {
    const tags = tagArticle([row.text], KNOWN_ENTITIES, row.context?.join(', ') ?? null).paragraphs[0]!
    return { row, tags }
  })

  it('finds actors and regions with high precision and recall', () => {
    const actors = score(rows.map(({ row, tags }) => ({ found: tags.actors, expected: row.actors })))
    const regions = score(rows.map(({ row, tags }) => ({ found: tags.regions, expected: row.regions })))
    console.log(
      `entity tagging on ${rows.length} labelled paragraphs: actors precision ${actors.precision.toFixed(3)} recall ${actors.recall.toFixed(3)}; ` +
        `regions precision ${regions.precision.toFixed(3)} recall ${regions.recall.toFixed(3)}`,
    )
    expect(actors.precision).toBeGreaterThanOrEqual(0.9)
    expect(actors.recall).toBeGreaterThanOrEqual(0.85)
    expect(regions.precision).toBeGreaterThanOrEqual(0.9)
    expect(regions.recall).toBeGreaterThanOrEqual(0.85)
  })
})
