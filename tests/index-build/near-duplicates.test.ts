import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { indexTerms } from '../../index-build/index-options'
import { linkNearDuplicates, linkSortedShingles, MAX_ARTICLES_PER_SHINGLE, nearDuplicateLinks } from '../../index-build/near-duplicates'
import { sortShingles } from '../../index-build/sorted-shingles'
import { linksByDefinition } from '../support/near-duplicate-links'

const QUOTE = 'we will always defend the freedom of navigation in these waters together'

describe('indexTerms (the words paragraphs are compared by)', () => {
  it('folds case, punctuation and British spelling', () => {
    expect(indexTerms('A “Fellow-Traveller”, in Defence!')).toEqual(['a', 'fellow', 'traveler', 'in', 'defense'])
  })
})

describe('linkNearDuplicates', () => {
  it('links the same quotation reported by two articles, both ways', () => {
    const links = linkNearDuplicates([
      { id: 'a:0', articleId: 'a', text: `The minister said: “${QUOTE}.”` },
      { id: 'b:3', articleId: 'b', text: `"${QUOTE.replace('defend', 'defend')}," she told reporters on Monday.` },
      { id: 'c:1', articleId: 'c', text: 'Markets were calm on Monday as traders waited for the data.' },
    ])
    expect(links.get('a:0')).toEqual(['b:3'])
    expect(links.get('b:3')).toEqual(['a:0'])
    expect(links.get('c:1')).toEqual([])
  })

  it('meets across British and American spelling', () => {
    const links = linkNearDuplicates([
      { id: 'a:0', articleId: 'a', text: 'always be a fellow traveller and a good partner in each other’s development' },
      { id: 'b:0', articleId: 'b', text: 'always be a fellow traveler and a good partner in each others development' },
    ])
    expect(links.get('a:0')).toEqual(['b:0'])
  })

  it('never links paragraphs of the same article', () => {
    const links = linkNearDuplicates([
      { id: 'a:0', articleId: 'a', text: QUOTE },
      { id: 'a:5', articleId: 'a', text: QUOTE },
    ])
    expect(links.get('a:0')).toEqual([])
  })

  it('does not link paragraphs sharing fewer words than a statement', () => {
    const links = linkNearDuplicates([
      { id: 'a:0', articleId: 'a', text: 'the two sides agreed to meet again soon in the capital' },
      { id: 'b:0', articleId: 'b', text: 'the two sides agreed to meet next year in another city' },
    ])
    expect(links.get('a:0')).toEqual([])
  })

  it('ignores a run shared by so many articles that it is boilerplate', () => {
    const boiler = 'sign up for our newsletter to get the best stories every morning'
    const paragraphs = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}:0`, articleId: `p${i}`, text: boiler }))
    expect(linkNearDuplicates(paragraphs).get('p0:0')).toEqual([])
  })
})

describe('nearDuplicateLinks', () => {
  it('links exactly what the definition links, on any keys, articles and ids (shared ids and crowded keys included)', () => {
    const paragraph = fc.record({
      article: fc.integer({ min: 0, max: MAX_ARTICLES_PER_SHINGLE + 5 }),
      id: fc.integer({ min: 0, max: 60 }),
      keys: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 6 }),
    })
    fc.assert(
      // `spread` articles in all, so that a crowded key is shared by about that many articles, either side of the limit.
      fc.property(fc.array(paragraph, { maxLength: 90 }), fc.boolean(), fc.integer({ min: 1, max: MAX_ARTICLES_PER_SHINGLE + 3 }), (drawn, crowd, spread) => {
        // Crowded: one key shared by every paragraph, so some runs span more articles than a statement may.
        const keys = drawn.map((p) => (crowd ? [...p.keys, 99] : p.keys).map((k) => k * 2 ** 33 + 7))
        const paragraphs = drawn.map((p) => ({ id: `p${p.id}`, articleId: `a${p.article % spread}` }))
        const ends = new Uint32Array(keys.length)
        keys.reduce((total, list, i) => (ends[i] = total + list.length), 0)
        const sorted = sortShingles({ keys: Float64Array.from(keys.flat()), ends })
        const expected = linksByDefinition(paragraphs, sorted)
        expect(linkSortedShingles(paragraphs, sorted)).toEqual(expected)
        const linked = nearDuplicateLinks(paragraphs, [{ sorted }])
        expect(new Map([...expected].filter(([, ids]) => ids.length > 0))).toEqual(linked)
      }),
      { numRuns: 1500 },
    )
  })

  it('links a key shared by exactly MAX_ARTICLES_PER_SHINGLE articles, and not one shared by one more', () => {
    for (const articles of [MAX_ARTICLES_PER_SHINGLE, MAX_ARTICLES_PER_SHINGLE + 1]) {
      const paragraphs = Array.from({ length: articles }, (_, i) => ({ id: `a${i}:0`, articleId: `a${i}` }))
      const sorted = sortShingles({ keys: new Float64Array(articles).fill(42), ends: Uint32Array.from(paragraphs, (_, i) => i + 1) })
      const expected = linksByDefinition(paragraphs, sorted)
      expect(expected.get('a0:0')!.length).toBe(articles === MAX_ARTICLES_PER_SHINGLE ? articles - 1 : 0)
      expect(linkSortedShingles(paragraphs, sorted)).toEqual(expected)
    }
  })
})
