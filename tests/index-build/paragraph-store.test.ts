import { describe, expect, it } from 'vitest'
import { encodeParagraphBlocks, ParagraphStore, RECORDS_PER_BLOCK } from '../../index-build/paragraph-store'
import type { Paragraph } from '../../index-build/types'

const paragraph = (i: number): Paragraph => ({
  id: `a${Math.floor(i / 20)}:${i % 20}`,
  articleId: `a${Math.floor(i / 20)}`,
  position: i % 20,
  section: null,
  text: `Paragraph ${i} says “${'é'.repeat(i % 3)}”\n(a line break the record must escape)`,
  actors: [],
  regions: [],
  mentions: [],
  duplicates: [],
})

describe('ParagraphStore', () => {
  it('reads every paragraph back across block boundaries', () => {
    const count = RECORDS_PER_BLOCK + 7
    const paragraphs = Array.from({ length: count }, (_, i) => paragraph(i))
    const blocks = encodeParagraphBlocks(paragraphs)
    expect(blocks).toHaveLength(2)
    const store = new ParagraphStore(blocks, count)
    for (const i of [0, 1, RECORDS_PER_BLOCK - 1, RECORDS_PER_BLOCK, count - 1]) expect(store.get(i)).toEqual(paragraphs[i])
    expect(() => store.get(count)).toThrow(RangeError)
    expect(() => store.get(-1)).toThrow(RangeError)
  })

  it('refuses blocks that do not hold the records they should', () => {
    const blocks = encodeParagraphBlocks([paragraph(0), paragraph(1)])
    expect(() => new ParagraphStore(blocks, 3)).toThrow(/holds 2 records, not 3/)
    expect(() => new ParagraphStore(blocks, 1)).toThrow(/more than 1 records/)
  })
})
