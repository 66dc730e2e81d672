import { describe, expect, it } from 'vitest'
import { topCodes } from '../../server/facets'

/** The definition: codes (in order) whose count is above 0 and at least the limit-th highest non-zero count (every non-zero one when fewer values have hits). */
function topCodesBySorting(counts: Uint32Array, limit: number): number[] {
  if (limit <= 0) return []
  const nonZero = [...counts].filter((c) => c > 0).sort((a, b) => b - a)
  const floor = nonZero.length >= limit ? nonZero[limit - 1]! : 1
  return [...counts.keys()].filter((code) => counts[code]! >= floor)
}

describe('topCodes', () => {
  it('keeps the codes reaching the limit-th highest count, ties and zeros included', () => {
    expect(topCodes(Uint32Array.from([5, 0, 3, 9, 3, 1]), 3)).toEqual([0, 2, 3, 4])
    expect(topCodes(Uint32Array.from([5, 0, 3, 9, 3, 1]), 4)).toEqual([0, 2, 3, 4])
    expect(topCodes(Uint32Array.from([5, 0, 3, 9, 3, 1]), 5)).toEqual([0, 2, 3, 4, 5])
    expect(topCodes(Uint32Array.from([0, 0, 7]), 2)).toEqual([2])
    expect(topCodes(new Uint32Array(0), 10)).toEqual([])
    expect(topCodes(Uint32Array.from([4, 2]), 0)).toEqual([])
    // A tie met before the heap's least rises to it is kept; one below the final least is not.
    expect(topCodes(Uint32Array.from([2, 2, 1, 2, 3, 2]), 2)).toEqual([0, 1, 3, 4, 5])
    // /api/facets lists every value: no limit.
    expect(topCodes(Uint32Array.from([4, 0, 2]), Number.POSITIVE_INFINITY)).toEqual([0, 2])
  })

  it('agrees with sorting on random counts', () => {
    let seed = 7
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
    for (let round = 0; round < 300; round++) {
      const counts = Uint32Array.from({ length: Math.floor(rand() * 400) }, () => (rand() < 0.6 ? 0 : Math.floor(rand() ** 3 * 50)))
      const limit = 1 + Math.floor(rand() * 120)
      expect(topCodes(counts, limit)).toEqual(topCodesBySorting(counts, limit))
    }
  })

  it('gives the same codes when told how many paragraphs each code has (never rising with the code), which can end the pass early', () => {
    // Code 2 has 3 paragraphs, below the least of the top 2 (4): codes 2 and 3 cannot reach it.
    expect(topCodes(Uint32Array.from([9, 4, 3, 1]), 2, Uint32Array.from([0, 9, 15, 18, 19]))).toEqual([0, 1])
    let seed = 9
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
    for (let round = 0; round < 300; round++) {
      const paragraphs = Array.from({ length: Math.floor(rand() * 400) }, () => Math.floor(rand() ** 4 * 60)).sort((a, b) => b - a)
      const byCode = Uint32Array.from([0, ...paragraphs.map((_, c) => paragraphs.slice(0, c + 1).reduce((a, b) => a + b, 0))])
      const counts = Uint32Array.from(paragraphs, (n) => (rand() < 0.5 ? 0 : Math.floor(rand() * (n + 1))))
      const limit = 1 + Math.floor(rand() * 120)
      expect(topCodes(counts, limit, byCode)).toEqual(topCodesBySorting(counts, limit))
    }
  })
})
