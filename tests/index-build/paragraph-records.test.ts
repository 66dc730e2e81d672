import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodePageRecords, paragraphBlockPieces } from '../../index-build/paragraph-records'
import { encodeParagraphBlocks, RECORDS_PER_BLOCK } from '../../index-build/paragraph-store'
import type { Paragraph } from '../../index-build/types'

const paragraph = (i: number): Paragraph => ({
  id: `a${Math.floor(i / 7)}:${i % 7}`,
  articleId: `a${Math.floor(i / 7)}`,
  position: i % 7,
  section: i % 2 ? 'Wörld' : null,
  text: `Paragraph ${i} says “${'é'.repeat(i % 3)}” [] }\n(a line break the record must escape)`,
  actors: i % 3 ? ['Laos'] : [],
  regions: [],
  mentions: [{ name: 'Laos', start: 0, end: 4 }],
  duplicates: [],
})

describe('paragraphBlockPieces', () => {
  it('gives encodeParagraphBlocks’s blocks, near-duplicates spliced in, across block boundaries', () => {
    const count = RECORDS_PER_BLOCK + 30
    const paragraphs = Array.from({ length: count }, (_, i) => paragraph(i))
    const duplicates = (i: number) => (i % 5 === 0 ? [`b${i}:0`, `ç${i}:1`] : [])
    // Each page in memory of its own (as a worker's records are), not in Buffer's shared pool.
    const pages: Uint8Array[] = []
    for (let from = 0; from < count; from += 7) pages.push(new Uint8Array(Buffer.from(encodePageRecords(paragraphs.slice(from, from + 7)))))
    const joined = paragraphBlockPieces(pages, duplicates)
    const expected = encodeParagraphBlocks(paragraphs.map((p, i) => ({ ...p, duplicates: duplicates(i) })))
    expect(joined).toHaveLength(2)
    joined.forEach((block, b) => expect(Buffer.concat(block).equals(expected[b]!)).toBe(true))
    // Every piece is a view of a page, not a copy, but the spliced ends (near-duplicates, closing bracket, newline).
    const pageMemory = new Set(pages.map((page) => page.buffer))
    for (const piece of joined.flat()) {
      if (!pageMemory.has(piece.buffer)) expect(Buffer.from(piece).toString()).toMatch(/^\["[^\n]*"\]\]\n$/)
    }
    expect(joined.flat().filter((piece) => pageMemory.has(piece.buffer)).length).toBeGreaterThan(count / 5)
  })

  it('gives encodeParagraphBlocks’s blocks for any split into pages and any near-duplicates', () => {
    const count = RECORDS_PER_BLOCK + 40
    const paragraphs = Array.from({ length: count }, (_, i) => paragraph(i))
    const records = paragraphs.map((p) => Buffer.from(encodePageRecords([p])))
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 8 }), (sizes, every, offset) => {
        // Pages of the sizes drawn, in turn (empty pages included), up to the last paragraph.
        const pages: Uint8Array[] = []
        for (let from = 0, k = 0; from < count; k++) {
          const size = Math.min(sizes[k % sizes.length]! + (k % 3 === 0 ? 2000 : 0), count - from)
          pages.push(Buffer.concat(records.slice(from, from + size)))
          from += size
        }
        const duplicates = (i: number) => ((i + offset) % every === 0 ? [`z${i}:${every}`] : [])
        const expected = encodeParagraphBlocks(paragraphs.map((p, i) => ({ ...p, duplicates: duplicates(i) })))
        const joined = paragraphBlockPieces(pages, duplicates)
        expect(joined).toHaveLength(expected.length)
        joined.forEach((block, b) => expect(Buffer.concat(block).equals(expected[b]!)).toBe(true))
      }),
      { numRuns: 15 },
    )
  })

  it('refuses records it did not encode, and paragraphs whose near-duplicates are already set', () => {
    expect(() => paragraphBlockPieces([Buffer.from('{"id":"x","duplicates":["y"]}\n')], () => [])).toThrow(/not one/)
    expect(() => encodePageRecords([{ ...paragraph(0), duplicates: ['z:0'] }])).toThrow(/before its near-duplicates/)
  })
})
