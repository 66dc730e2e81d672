import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { orderFirst } from '../../server/search'

describe('orderFirst', () => {
  it('puts the same k items first, in the same order, as a full sort, keeping every item', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ score: fc.integer({ min: 0, max: 20 }), id: fc.nat() }), { maxLength: 300 }), fc.nat({ max: 320 }), (raw, k) => {
        const items = raw.map((r, i) => ({ ...r, id: i }))
        const better = (a: { score: number; id: number }, b: { score: number; id: number }) => b.score - a.score || a.id - b.id
        const full = [...items].sort(better)
        const partial = [...items]
        orderFirst(partial, k, better)
        expect(partial.slice(0, k)).toEqual(full.slice(0, k))
        expect([...partial].sort(better)).toEqual(full)
      }),
    )
  })
})
