import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countAll, countByComplement, filterAndCount, type HitCounts } from '../../server/count-hits'
import { facetRows, ROW_HEADER } from '../../server/search-context'

/** Compressed rows of per-paragraph codes. */
const csr = (rows: number[][]) => {
  const offsets = new Uint32Array(rows.length + 1)
  rows.forEach((r, p) => (offsets[p + 1] = offsets[p]! + r.length))
  return { offsets, values: Uint32Array.from(rows.flat()) }
}

describe('facetRows', () => {
  const outlets = Uint32Array.from([0, 1, 0])
  const days = Uint32Array.from([3, 0, 5])

  for (const [kind, big] of [['two-byte', 40_000], ['four-byte', 70_000]] as const) {
    it(`keeps every code of every paragraph (${kind} numbers)`, () => {
      const actors = [[1, big], [], [2]]
      const regions = [[0], [big - 1, 3], []]
      const rows = facetRows(outlets, days, csr(actors), csr(regions))
      expect(rows.data instanceof (big > 0xffff ? Uint32Array : Uint16Array)).toBe(true)
      for (let p = 0; p < 3; p++) {
        const at = rows.at[p]!
        const row = [...rows.data.subarray(at, rows.at[p + 1]!)]
        expect(row).toEqual([outlets[p], days[p], actors[p]!.length, regions[p]!.length, ...actors[p]!, ...regions[p]!])
        expect(row.length).toBe(ROW_HEADER + actors[p]!.length + regions[p]!.length)
      }
      // Counting reads the same codes back.
      const counts = { outlet: new Uint32Array(2), actor: new Uint32Array(big + 1), region: new Uint32Array(big + 1), day: new Uint32Array(6) }
      const kept = filterAndCount(Uint32Array.from([0, 1, 2]), rows, { firstDay: 1, lastDay: 5, dateLimited: false, excluded: null, tagged: null, outletAllowed: Uint8Array.from([1, 1]) }, counts)
      expect([...kept]).toEqual([0, 1, 2])
      expect(counts.actor[big]).toBe(1)
      expect(counts.region[big - 1]).toBe(1)
      expect([...counts.outlet]).toEqual([2, 1])
      expect(counts.day[5]).toBe(1)
    })
  }
})

describe('countByComplement and countAll', () => {
  /** Paragraphs with random outlet, day, actor and region codes. */
  const paragraphs = fc.array(
    fc.record({
      outlet: fc.nat(3),
      day: fc.nat(6),
      actors: fc.uniqueArray(fc.nat(9), { maxLength: 4 }),
      regions: fc.uniqueArray(fc.nat(5), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 60 },
  )
  const zero = (): HitCounts => ({ outlet: new Uint32Array(4), actor: new Uint32Array(10), region: new Uint32Array(6), day: new Uint32Array(7) })
  const open = { firstDay: 1, lastDay: 6, dateLimited: false, excluded: null, tagged: null, outletAllowed: Uint8Array.from([1, 1, 1, 1]) }

  it('count exactly what filterAndCount counts under an open filter (from the whole index less the paragraphs missed, or hit by hit)', () => {
    fc.assert(
      fc.property(paragraphs, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (ps, isHit) => {
        const rows = facetRows(Uint32Array.from(ps, (p) => p.outlet), Uint32Array.from(ps, (p) => p.day), csr(ps.map((p) => p.actors)), csr(ps.map((p) => p.regions)))
        const everyone = zero()
        const positions = filterAndCount(Uint32Array.from(ps, (_, i) => i), rows, open, everyone)
        const hits = Uint32Array.from(ps.keys()).filter((p) => isHit[p])
        const expected = zero()
        const kept = filterAndCount(hits, rows, open, expected)
        const counts = zero()
        const complement = countByComplement(hits, rows, everyone, counts, positions)
        expect([...complement]).toEqual([...kept])
        expect(counts).toEqual(expected)
        const direct = zero()
        expect([...countAll(hits, rows, direct, positions)]).toEqual([...kept])
        expect(direct).toEqual(expected)
        // The whole index's counts are left as they were.
        const again = zero()
        filterAndCount(Uint32Array.from(ps, (_, i) => i), rows, open, again)
        expect(everyone).toEqual(again)
      }),
      { numRuns: 300 },
    )
  })
})
