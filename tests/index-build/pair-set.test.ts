import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PairSet } from '../../index-build/pair-set'

describe('PairSet', () => {
  it('holds each pair added once, (a, b) apart from (b, a), as it grows', () => {
    const small = fc.integer({ min: 0, max: 40 })
    const any = fc.integer({ min: 0, max: 2 ** 26 - 1 })
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(small, any), fc.oneof(small, any)), { maxLength: 3000 }), (added) => {
        const set = new PairSet()
        for (const [a, b] of added) set.add(a, b)
        const held: string[] = []
        set.forEach((a, b) => held.push(`${a},${b}`))
        const expected = [...new Set(added.map(([a, b]) => `${a},${b}`))]
        expect(held.sort()).toEqual(expected.sort())
        expect(set.size).toBe(expected.length)
      }),
      { numRuns: 300 },
    )
  })
})
