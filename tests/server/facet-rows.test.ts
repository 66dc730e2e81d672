import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countAll, countByComplement, emptyCounts, filterAndCount } from '../../server/count-hits'
import { facetRows, WIDE_ROW, wideRowSlots } from '../../server/search-context'

/** Compressed rows of per-paragraph codes. */
const csr = (rows: number[][]) => {
  const offsets = new Uint32Array(rows.length + 1)
  rows.forEach((r, p) => (offsets[p + 1] = offsets[p]! + r.length))
  return { offsets, values: Uint32Array.from(rows.flat()) }
}

describe('facetRows', () => {
  const outlets = Uint32Array.from([0, 1, 0])
  const days = Uint32Array.from([3, 0, 5])

  for (const [kind, big] of [['two-byte', 30_000], ['four-byte', 70_000]] as const) {
    it(`keeps every code of every paragraph as its slot (${kind} numbers)`, () => {
      const actors = [[1, big], [], [2]]
      const regions = [[0], [big - 1, 3], []]
      const sizes = { outlets: 2, days: 6, actors: big + 1, regions: big + 1 }
      const rows = facetRows(outlets, days, csr(actors), csr(regions), sizes)
      expect(rows.data instanceof (2 + 6 + 2 * (big + 1) > 0x10000 ? Uint32Array : Uint16Array)).toBe(true)
      expect([rows.dayBase, rows.actorBase, rows.regionBase, rows.slots]).toEqual([2, 8, big + 9, 2 * big + 10])
      for (let p = 0; p < 3; p++) {
        const row = [...rows.data.subarray(rows.at[p]!, rows.at[p + 1]!)]
        expect(row).toEqual([outlets[p], 2 + days[p]!, ...actors[p]!.map((a) => 8 + a), ...regions[p]!.map((r) => big + 9 + r)])
      }
      // Counting reads the same codes back.
      const counts = emptyCounts(rows)
      const kept = filterAndCount(Uint32Array.from([0, 1, 2]), rows, { firstDay: 1, lastDay: 5, dateLimited: false, excluded: null, tagged: null, outletAllowed: Uint8Array.from([1, 1]) }, counts)
      expect([...kept]).toEqual([0, 1, 2])
      expect([counts.actor[1], counts.actor[2], counts.actor[big]]).toEqual([1, 1, 1])
      expect([counts.region[0], counts.region[3], counts.region[big - 1]]).toEqual([1, 1, 1])
      expect([...counts.outlet]).toEqual([2, 1])
      expect([...counts.day]).toEqual([1, 0, 0, 1, 0, 1])
      expect(counts.all.reduce((a, b) => a + b, 0)).toBe(3 + 3 + 3 + 3)
    })
  }

  it('keeps each row again in one width, the slots of long rows spilling past the first 65,536', () => {
    const n = 20_000
    const codes = WIDE_ROW + 10
    // Row p has (p * 7) % codes actors: short rows, rows that just fit and rows that spill.
    const actors = Array.from({ length: n }, (_, p) => Array.from({ length: (p * 7) % codes }, (_, a) => (a + p) % codes))
    const rows = facetRows(new Uint32Array(n), Uint32Array.from({ length: n }, (_, p) => p % 3), csr(actors), csr(actors.map(() => [])), { outlets: 1, days: 3, actors: codes, regions: 0 })
    expect(rows.wide.spill.length).toBeGreaterThan(0x10000)
    for (const p of [0, 1, 2, 3, 5, 1000, n - 2, n - 1]) expect(wideRowSlots(rows, p)).toEqual([...rows.data.subarray(rows.at[p]!, rows.at[p + 1]!)])
    // One scattered hit is counted from its wide row, spilled slots included.
    const long = actors.findLastIndex((list) => list.length === codes - 1)
    const counts = emptyCounts(rows)
    countAll(Uint32Array.from([long]), rows, counts, new Uint32Array(1))
    expect([...counts.actor]).toEqual(Array.from({ length: codes }, (_, a) => (actors[long]!.includes(a) ? 1 : 0)))
  })

  it('refuses a code outside its kind, which would count as another kind', () => {
    expect(() => facetRows(outlets, days, csr([[0], [], [4]]), csr([[], [], []]), { outlets: 2, days: 6, actors: 4, regions: 1 })).toThrow(/code 4 is not below 4/)
  })
})

describe('countByComplement and countAll', () => {
  /** Paragraphs with random outlet, day, actor and region codes. */
  const paragraphs = fc.array(
    fc.record({
      outlet: fc.nat(3),
      day: fc.nat(6),
      // Up to 2 + 20 + 3 slots: some rows spill past WIDE_ROW.
      actors: fc.uniqueArray(fc.nat(29), { maxLength: 20 }),
      regions: fc.uniqueArray(fc.nat(5), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 60 },
  )
  const sizes = { outlets: 4, days: 7, actors: 30, regions: 6 }
  /** The paragraphs' facet rows, after 2,000 empty paragraphs when `padded` (so that up to 60 hits are scattered: fewer than 1 in 32, counted from the wide rows). */
  const rowsOf = (ps: { outlet: number; day: number; actors: number[]; regions: number[] }[], padded: boolean) => {
    const all = padded ? [...ps, ...Array.from({ length: 2000 }, () => ({ outlet: 0, day: 0, actors: [], regions: [] }))] : ps
    return facetRows(Uint32Array.from(all, (p) => p.outlet), Uint32Array.from(all, (p) => p.day), csr(all.map((p) => p.actors)), csr(all.map((p) => p.regions)), sizes)
  }
  const open = { firstDay: 1, lastDay: 6, dateLimited: false, excluded: null, tagged: null, outletAllowed: Uint8Array.from([1, 1, 1, 1]) }

  it('count exactly what filterAndCount counts under an open filter (from the whole index less the paragraphs missed, or hit by hit)', () => {
    fc.assert(
      fc.property(paragraphs, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), fc.boolean(), (ps, isHit, padded) => {
        const rows = rowsOf(ps, padded)
        const zero = () => emptyCounts(rows)
        const everyone = zero()
        const every = Uint32Array.from({ length: rows.at.length - 1 }, (_, i) => i)
        const positions = filterAndCount(every, rows, open, everyone)
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
        filterAndCount(every, rows, open, again)
        expect(everyone).toEqual(again)
      }),
      { numRuns: 300 },
    )
  })

  it('filterAndCount keeps and counts what a plain definition does, under any filter', () => {
    const filters = fc.record({
      firstDay: fc.integer({ min: 1, max: 6 }),
      span: fc.nat(6),
      dateLimited: fc.boolean(),
      allowed: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      excluded: fc.option(fc.array(fc.boolean(), { minLength: 60, maxLength: 60 })),
      tagged: fc.option(fc.array(fc.boolean(), { minLength: 60, maxLength: 60 })),
    })
    fc.assert(
      fc.property(paragraphs, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), filters, fc.boolean(), (ps, isHit, f, padded) => {
        const rows = rowsOf(ps, padded)
        const hits = Uint32Array.from(ps.keys()).filter((p) => isHit[p])
        const lastDay = f.firstDay + f.span
        const filter = {
          firstDay: f.firstDay,
          lastDay,
          dateLimited: f.dateLimited,
          excluded: f.excluded && Uint8Array.from(f.excluded, Number),
          tagged: f.tagged && Uint8Array.from(f.tagged, Number),
          outletAllowed: Uint8Array.from(f.allowed, Number),
        }
        const counts = emptyCounts(rows)
        const kept = filterAndCount(hits, rows, filter, counts)
        // The definition: outlets count every hit passing all but the outlet filter; the rest count the hits kept.
        const plain = { outlet: new Array(4).fill(0), day: new Array(7).fill(0), actor: new Array(30).fill(0), region: new Array(6).fill(0) }
        const expectedKept: number[] = []
        hits.forEach((p, i) => {
          const para = ps[p]!
          if (f.excluded?.[p] || (f.tagged && !f.tagged[p])) return
          if (f.dateLimited && (para.day < f.firstDay || para.day > lastDay)) return
          plain.outlet[para.outlet]++
          if (!f.allowed[para.outlet]) return
          expectedKept.push(i)
          plain.day[para.day]++
          for (const a of para.actors) plain.actor[a]++
          for (const r of para.regions) plain.region[r]++
        })
        expect([...kept]).toEqual(expectedKept)
        expect({ outlet: [...counts.outlet], day: [...counts.day], actor: [...counts.actor], region: [...counts.region] }).toEqual(plain)
      }),
      { numRuns: 300 },
    )
  })
})
