import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EntityMerger, mergeEntities } from '../../index-build/entities/merge-entities'
import type { Entity } from '../../index-build/types'

/** The definition: lists read in order; per name the first entry, replaced by the first 'known' one if it was 'nlp'; aliases of an entry met once as they were, else the sorted union. */
function definition(lists: Entity[][]): Entity[] {
  const byName = new Map<string, { entity: Entity; aliases: string[]; seen: number }>()
  for (const list of lists) {
    for (const e of list) {
      const prior = byName.get(e.name)
      if (!prior) byName.set(e.name, { entity: e, aliases: [...e.aliases], seen: 1 })
      else {
        if (prior.entity.source === 'nlp' && e.source === 'known') prior.entity = e
        prior.aliases.push(...e.aliases)
        prior.seen++
      }
    }
  }
  return [...byName.values()]
    .map(({ entity, aliases, seen }) => ({ ...entity, aliases: seen === 1 ? [...entity.aliases] : [...new Set(aliases)].sort() }))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
}

const entity: fc.Arbitrary<Entity> = fc.record({
  name: fc.constantFrom('Ada Quill', 'Lin Haobo', 'Harbour', 'Blue Lake', 'Zed'),
  type: fc.constantFrom('person' as const, 'organisation' as const, null),
  region: fc.boolean(),
  parent: fc.constantFrom(null, 'Harbour'),
  aliases: fc.array(fc.constantFrom('Lin Haoba', 'A. Quill', 'Harbor', 'Zee', 'B Lake'), { maxLength: 3 }),
  source: fc.constantFrom('known' as const, 'nlp' as const),
})

/** Up to 12 articles' entity lists, one entry per name in each (as tagging makes them). */
const lists = fc.array(
  fc.uniqueArray(entity, { maxLength: 5, selector: (e) => e.name }),
  { maxLength: 12 },
)

describe('mergeEntities', () => {
  it('keeps one entry per name with aliases unioned, the data file winning', () => {
    const known: Entity = { name: 'Lin Haobo', type: 'person', region: false, parent: null, aliases: ['Lin Haoba'], source: 'known' }
    const nlp: Entity = { ...known, type: 'organisation', aliases: ['Lin Hoabo'], source: 'nlp' }
    const merged = mergeEntities([[nlp], [known], [{ ...known, aliases: ['Lin Habo'] }]])
    expect(merged).toEqual([{ ...known, aliases: ['Lin Habo', 'Lin Haoba', 'Lin Hoabo'] }])
  })

  it('agrees with its definition on any lists', () => {
    fc.assert(
      fc.property(lists, (input) => {
        expect(mergeEntities(input)).toEqual(definition(input))
      }),
    )
  })
})

describe('EntityMerger', () => {
  it('agrees with the definition when lists share frozen entries, as articles share known entities\' records', () => {
    const frozen = (e: Entity) => Object.freeze({ ...e, aliases: Object.freeze([...e.aliases]) as string[] })
    fc.assert(
      fc.property(fc.uniqueArray(entity, { minLength: 1, maxLength: 5, selector: (e) => e.name }), lists, fc.array(fc.nat()), (pool, own, picks) => {
        const shared = pool.map(frozen)
        // Each list takes some shared records, and keeps its own entries of other names.
        const input = own.map((list, k) => {
          const taken = shared.filter((_, j) => ((picks[k] ?? k) >> j) & 1)
          return [...taken, ...list.filter((e) => !taken.some((t) => t.name === e.name))]
        })
        expect(mergeEntities(input)).toEqual(definition(input))
      }),
    )
  })

  it('gives mergeEntities of all the lists when parts merge their own lists and a last merger their tallies, in any order', () => {
    fc.assert(
      fc.property(lists, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (input, parts, chunk, reversed) => {
        // Lists dealt to the parts in chunks in turn, as the build deals pages to its workers.
        const mergers = Array.from({ length: parts }, () => new EntityMerger())
        input.forEach((list, rank) => mergers[Math.floor(rank / chunk) % parts]!.add(list, rank))
        const last = new EntityMerger()
        for (const merger of reversed ? [...mergers].reverse() : mergers) for (const tally of merger.tallies()) last.addTally(tally)
        expect(last.entities()).toEqual(definition(input))
      }),
    )
  })

  it('numbers names in the order first added, as its tallies are listed', () => {
    const merger = new EntityMerger()
    const zed: Entity = { name: 'Zed', type: 'person', region: false, parent: null, aliases: [], source: 'nlp' }
    merger.add([zed, { ...zed, name: 'Ada' }], 0)
    merger.add([{ ...zed, name: 'Bo' }, zed], 1)
    expect(['Zed', 'Ada', 'Bo', 'None'].map((n) => merger.numberOf(n))).toEqual([0, 1, 2, undefined])
    expect(merger.tallies().map((t) => [t.entity.name, t.seen])).toEqual([
      ['Zed', 2],
      ['Ada', 1],
      ['Bo', 1],
    ])
  })
})
