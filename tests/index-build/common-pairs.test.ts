import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { commonPairs, pairDocs } from '../../index-build/common-pairs'
import { indexTerms } from '../../index-build/index-options'
import { buildTermIndex, termIdOf } from '../../index-build/term-index'

const index = (texts: string[]) => buildTermIndex(texts.map((text, id) => ({ id, text, title: 'of the', section: 'the of', entities: '' })))

describe('commonPairs', () => {
  it('lists, for each pair of common terms, the paragraphs where the first stands right before the second', () => {
    const terms = index(['the end of the road', 'of of the', 'the of', 'road to the end', 'end the'])
    const pairs = commonPairs(terms, { minParagraphs: 3 })
    const id = (t: string) => termIdOf(terms, t)
    // 'the' (5 paragraphs), 'of' (3) and 'end' (3) are common; 'road' (2) and 'to' (1) are not. Titles and sections ("of the") do not count.
    expect([...pairs.common].map((t) => terms.terms[t])).toEqual(['end', 'of', 'the'])
    expect([...pairDocs(pairs, id('of'), id('the'))!]).toEqual([0, 1])
    expect([...pairDocs(pairs, id('the'), id('of'))!]).toEqual([2])
    expect([...pairDocs(pairs, id('the'), id('end'))!]).toEqual([0, 3])
    expect([...pairDocs(pairs, id('end'), id('the'))!]).toEqual([4])
    expect([...pairDocs(pairs, id('of'), id('of'))!]).toEqual([1])
    // Common but never adjacent: an empty list; not both common: no answer.
    expect([...pairDocs(pairs, id('end'), id('end'))!]).toEqual([])
    expect(pairDocs(pairs, id('the'), id('road'))).toBeNull()
    // At most two common terms: the most frequent, then the first by term of those tied.
    const two = commonPairs(terms, { minParagraphs: 3, maxTerms: 2 })
    expect([...two.common].map((t) => terms.terms[t])).toEqual(['end', 'the'])
    expect(pairDocs(two, id('of'), id('the'))).toBeNull()
    expect([...pairDocs(two, id('the'), id('end'))!]).toEqual([0, 3])
  })

  it('agrees with scanning each text for adjacent terms, across blocks of paragraphs', () => {
    const word = fc.constantFrom('the', 'of', 'and', 'talks', 'a', 'sea', 'to')
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 12 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 7 }), (texts, gap, minParagraphs) => {
        // Empty paragraphs before the texts move them past the first block of paragraphs.
        const all = [...Array.from({ length: gap }, () => ''), ...texts.map((t) => t.join(' '))]
        const terms = index(all)
        const pairs = commonPairs(terms, { minParagraphs })
        for (const a of pairs.common) {
          for (const b of pairs.common) {
            const expected = all.flatMap((text, p) => {
              const words = indexTerms(text)
              return words.some((w, i) => w === terms.terms[a] && words[i + 1] === terms.terms[b]) ? [p] : []
            })
            expect([...pairDocs(pairs, a, b)!]).toEqual(expected)
          }
        }
      }),
      { numRuns: 150 },
    )
  })
})
