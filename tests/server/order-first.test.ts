import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { orderFirst } from '../../server/order-first'

describe('orderFirst', () => {
  it('gives the same k items, in the same order, as a full sort', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), fc.nat({ max: 320 }), (scores, k) => {
        const items = Uint32Array.from(scores, (_, i) => i)
        const better = (a: number, b: number) => scores[b]! - scores[a]! || a - b
        const full = [...items].sort(better)
        const partial = orderFirst(items, k, better)
        expect([...partial]).toEqual(full.slice(0, k))
        // The score as a key skips items early and changes nothing.
        const keyed = orderFirst(items, k, better, Float64Array.from(scores))
        expect([...keyed]).toEqual([...partial])
        expect([...items]).toEqual(scores.map((_, i) => i))
      }),
    )
  })
})
