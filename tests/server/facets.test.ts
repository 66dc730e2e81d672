import { describe, expect, it } from 'vitest'
import { listFloor } from '../../server/facets'

/** The definition: the limit-th highest non-zero count, or 1 when fewer values have hits. */
function floorBySorting(counts: Uint32Array, limit: number): number {
  const nonZero = [...counts].filter((c) => c > 0).sort((a, b) => b - a)
  return nonZero.length >= limit ? nonZero[limit - 1]! : 1
}

describe('listFloor', () => {
  it('is the limit-th highest count, ties and zeros included', () => {
    expect(listFloor(Uint32Array.from([5, 0, 3, 9, 3, 1]), 3)).toBe(3)
    expect(listFloor(Uint32Array.from([5, 0, 3, 9, 3, 1]), 4)).toBe(3)
    expect(listFloor(Uint32Array.from([5, 0, 3, 9, 3, 1]), 5)).toBe(1)
    expect(listFloor(Uint32Array.from([0, 0, 7]), 2)).toBe(1)
    expect(listFloor(new Uint32Array(0), 10)).toBe(1)
    // /api/facets lists every value: no limit.
    expect(listFloor(Uint32Array.from([4, 0, 2]), Number.POSITIVE_INFINITY)).toBe(1)
  })

  it('agrees with sorting on random counts', () => {
    let seed = 7
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32)
    for (let round = 0; round < 300; round++) {
      const counts = Uint32Array.from({ length: Math.floor(rand() * 400) }, () => (rand() < 0.6 ? 0 : Math.floor(rand() ** 3 * 50)))
      const limit = 1 + Math.floor(rand() * 120)
      expect(listFloor(counts, limit)).toBe(floorBySorting(counts, limit))
    }
  })
})
