import { describe, expect, it } from 'vitest'
import { encodeParagraphBlocks, encodeRecord, ParagraphStore, RECORDS_PER_BLOCK, type RecordTags } from '../../index-build/paragraph-store'
import type { Paragraph } from '../../index-build/types'

const ENTITIES = ['Beijing', 'Laos', 'Sergei Lavrov', 'Vientiane'].map((name) => ({ name }))
/** Paragraph i's actors and regions (index order is name order, as in an index's entity table). */
const actorsOf = (i: number) => (i % 3 === 0 ? [] : i % 3 === 1 ? ['Sergei Lavrov'] : ['Laos', 'Sergei Lavrov'])
const regionsOf = (i: number) => (i % 2 ? ['Vientiane'] : [])

/** The columns of paragraphs 0 … count - 1, as an index holds them. */
function tagsOf(count: number): RecordTags {
  const column = (rowOf: (i: number) => string[]) => {
    const rows = Array.from({ length: count }, (_, i) => rowOf(i).map((name) => ENTITIES.findIndex((e) => e.name === name)))
    const offsets = new Uint32Array(count + 1)
    rows.forEach((row, i) => (offsets[i + 1] = offsets[i]! + row.length))
    return { offsets, values: Uint32Array.from(rows.flat()) }
  }
  return { actors: column(actorsOf), regions: column(regionsOf) }
}

const paragraph = (i: number): Paragraph => ({
  id: `a${Math.floor(i / 20)}:${i % 20}`,
  articleId: `a${Math.floor(i / 20)}`,
  position: i % 20,
  section: null,
  text: `Paragraph ${i} says “${'é'.repeat(i % 3)}”\n(a line break the record must escape)`,
  actors: actorsOf(i),
  regions: regionsOf(i),
  mentions: i % 3 ? [{ name: 'Sergei Lavrov', start: 0, end: 6 }, ...(i % 2 ? [{ name: 'Vientiane', start: 9, end: 18 }] : [])] : [],
  duplicates: i % 5 ? [] : [`b:${i}`, `c:${i}`],
})

describe('ParagraphStore', () => {
  it('reads every paragraph back across block boundaries', () => {
    const count = RECORDS_PER_BLOCK + 7
    const paragraphs = Array.from({ length: count }, (_, i) => paragraph(i))
    const blocks = encodeParagraphBlocks(paragraphs)
    expect(blocks).toHaveLength(2)
    const store = new ParagraphStore(blocks, count, tagsOf(count), ENTITIES)
    for (const i of [0, 1, RECORDS_PER_BLOCK - 1, RECORDS_PER_BLOCK, count - 1]) expect(store.get(i)).toEqual(paragraphs[i])
    expect(() => store.get(count)).toThrow(RangeError)
    expect(() => store.get(-1)).toThrow(RangeError)
  })

  it('refuses blocks that do not hold the records they should', () => {
    const blocks = encodeParagraphBlocks([paragraph(0), paragraph(1)])
    expect(() => new ParagraphStore(blocks, 3, tagsOf(3), ENTITIES)).toThrow(/holds 2 records, not 3/)
    expect(() => new ParagraphStore(blocks, 1, tagsOf(1), ENTITIES)).toThrow(/more than 1 records/)
    expect(() => new ParagraphStore(blocks, 2, tagsOf(3), ENTITIES)).toThrow(/tag columns of 3 paragraphs cannot go with 2 records/)
  })

  it('keeps neither the id nor the tags in a record, and refuses a paragraph whose id is not its article id and position', () => {
    const record = encodeRecord(paragraph(7))
    expect(JSON.parse(record)).toEqual(['a0', 7, null, paragraph(7).text, ['Sergei Lavrov', 0, 6, 'Vientiane', 9, 18], []])
    expect(record.endsWith('[]]\n')).toBe(true)
    expect(record.split('\n')).toHaveLength(2)
    expect(() => encodeRecord({ ...paragraph(7), id: 'a0:8' })).toThrow(/paragraph a0:8 is not its article id and position \(a0:7\)/)
  })
})
