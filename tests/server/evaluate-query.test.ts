import fc from 'fast-check'
import MiniSearch, { type Query } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { INDEX_OPTIONS, type IndexDocument } from '../../index-build/index-options'
import { buildTermIndex } from '../../index-build/term-index'
import { evaluateQuery, matchedTerms } from '../../server/evaluate-query'
import { clearTermCache, termCacheFor } from '../../server/term-cache'
import { generatedCorpus, indexDocuments, seedCorpus } from '../support/corpora'

const BOOST = { text: 1, entities: 1, title: 0.5, section: 0.5 }

/** Random query trees over words of the corpus (and a few it lacks): strings of one or more words, nested AND/OR nodes with term boosts. */
function queryTree(words: string[]): fc.Arbitrary<Query> {
  const word = fc.oneof(fc.constantFrom(...words), fc.constantFrom('Defence', 'organisations', 'zzqx', "Lavrov's", 'the', 'US'))
  const text = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '))
  const { tree } = fc.letrec<{ tree: Query; node: Query }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('node')),
    node: fc.record({
      combineWith: fc.constantFrom('AND', 'OR', 'and'),
      queries: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }),
      weights: fc.option(fc.dictionary(word.map((w) => w.toLowerCase()), fc.double({ min: 0.05, max: 2, noNaN: true }))),
    }).map(({ combineWith, queries, weights }) => ({ combineWith, queries, ...(weights ? { boostTerm: (term: string) => weights[term] ?? 1 } : {}) })),
  }))
  return tree
}

describe.each([
  ['seeds', () => indexDocuments(seedCorpus())],
  ['generated', () => indexDocuments(generatedCorpus(1200, 5))],
] as const)('evaluateQuery on the %s corpus', (_name, documents) => {
  const docs: IndexDocument[] = documents()
  const index = buildTermIndex(docs)
  const mini = new MiniSearch(INDEX_OPTIONS)
  mini.addAll(docs)
  const words = [...new Set(docs.slice(0, 200).flatMap((d) => `${d.text} ${d.title} ${d.entities}`.split(/\s+/)).filter((w) => /^[\p{L}]{2,}$/u.test(w)))]

  it('matches the paragraphs MiniSearch matches, with the same scores to the last bit and the same matched terms', () => {
    fc.assert(
      fc.property(queryTree(words), (query) => {
        const expected = mini.search(query, { boost: BOOST })
        const got = evaluateQuery(index, query, { boost: BOOST })
        const byId = new Map(expected.map((r) => [r.id as number, r]))
        expect([...got.docs]).toEqual([...byId.keys()].sort((a, b) => a - b))
        got.docs.forEach((doc, i) => {
          const r = byId.get(doc)!
          expect(got.scores[i]).toBe(r.score)
          expect(matchedTerms(got, i).sort()).toEqual([...r.terms].sort())
          expect(matchedTerms(got, i).sort()).toEqual([...r.queryTerms].sort())
        })
      }),
      { numRuns: 300 },
    )
  })

  it('answers exactly inside a given set of paragraphs', () => {
    fc.assert(
      fc.property(queryTree(words), fc.array(fc.nat(docs.length - 1), { maxLength: docs.length }), (query, picked) => {
        const within = Uint32Array.from(new Set(picked)).sort()
        const expected = new Map(mini.search(query, { boost: BOOST }).map((r) => [r.id as number, r.score]))
        const got = evaluateQuery(index, query, { boost: BOOST }, within)
        const kept = new Set(within)
        // Inside `within`: exactly the matches, each with its exact score (outside it, anything may be left out or part-scored).
        const inside = [...got.docs.keys()].filter((i) => kept.has(got.docs[i]!))
        expect(inside.map((i) => got.docs[i])).toEqual([...expected.keys()].filter((doc) => kept.has(doc)).sort((a, b) => a - b))
        for (const i of inside) expect(got.scores[i]).toBe(expected.get(got.docs[i]!))
      }),
      { numRuns: 300 },
    )
  })

  it('scores common words over many paragraphs exactly, in every field', () => {
    for (const query of ['the', 'china', 'the of and', 'minister russia']) {
      for (const combineWith of ['AND', 'OR'] as const) {
        const expected = new Map(mini.search(query, { boost: BOOST, combineWith }).map((r) => [r.id as number, r.score]))
        const got = evaluateQuery(index, { combineWith, queries: [query] }, { boost: BOOST })
        expect(got.docs.length).toBe(expected.size)
        got.docs.forEach((doc, i) => expect(got.scores[i], `${query} ${doc}`).toBe(expected.get(doc)))
      }
    }
  })

  it('scores a common word whole and caches it when asked again with a quarter of the paragraphs still possible, but not among a few', () => {
    const every = (step: number) => Uint32Array.from({ length: Math.ceil(docs.length / step) }, (_, i) => i * step)
    const expected = new Map(mini.search('the', { boost: BOOST }).map((r) => [r.id as number, r.score]))
    for (const [step, cachedAfter] of [[4, [0, 1, 1]], [docs.length, [0, 0, 0]]] as const) {
      clearTermCache(index)
      const within = every(step)
      const kept = new Set(within)
      cachedAfter.forEach((cached, asked) => {
        const got = evaluateQuery(index, { combineWith: 'AND', queries: ['the'] }, { boost: BOOST }, within)
        expect(termCacheFor(index).size, `1 in ${step}, asked ${asked + 1} times`).toBe(cached)
        const inside = [...got.docs.keys()].filter((i) => kept.has(got.docs[i]!))
        expect(inside.map((i) => got.docs[i])).toEqual([...expected.keys()].filter((doc) => kept.has(doc)).sort((a, b) => a - b))
        for (const i of inside) expect(got.scores[i]).toBe(expected.get(got.docs[i]!))
      })
    }
  })

  it('unites more than 32 terms (two mask words) exactly, a paragraph matching only the last term included', () => {
    // 'the' after the 40 rarest other words takes a bit in the second mask word, and many paragraphs match it alone.
    const rarest = words
      .filter((w) => w.toLowerCase() !== 'the')
      .map((w) => ({ w, n: mini.search(w, { boost: BOOST }).length }))
      .filter(({ n }) => n > 0)
      .sort((a, b) => a.n - b.n)
      .slice(0, 40)
    const query = `${rarest.map(({ w }) => w).join(' ')} the`
    const expected = mini.search(query, { boost: BOOST, combineWith: 'OR' })
    const theAlone = expected.filter((r) => r.terms.length === 1 && r.terms[0] === 'the')
    expect(theAlone.length).toBeGreaterThan(docs.length / 16)
    const got = evaluateQuery(index, { combineWith: 'OR', queries: [query] }, { boost: BOOST })
    expect(got.width).toBe(2)
    const byId = new Map(expected.map((r) => [r.id as number, r]))
    expect([...got.docs]).toEqual([...byId.keys()].sort((a, b) => a - b))
    got.docs.forEach((doc, i) => {
      expect(got.scores[i]).toBe(byId.get(doc)!.score)
      expect(matchedTerms(got, i).sort()).toEqual([...byId.get(doc)!.terms].sort())
    })
  })

  it("unites a word's many completions exactly, scored straight into the accumulators, cached terms among them", () => {
    // OR nodes of 5 to 12 single words (as a word's completions come, with a weight each), common ones included so that they have much to unite.
    const byCount = words.map((w) => ({ w, n: mini.search(w, { boost: BOOST }).length })).filter(({ n }) => n > 0).sort((a, b) => b.n - a.n)
    const common = byCount.slice(0, 30).map(({ w }) => w)
    const any = byCount.map(({ w }) => w)
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(fc.constantFrom(...common), fc.constantFrom(...any)), { minLength: 5, maxLength: 12, selector: (w) => w.toLowerCase() }),
        fc.array(fc.double({ min: 0.05, max: 2, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        (picked, weights, weighted, warm) => {
          const weight = new Map(picked.map((w, i) => [w.toLowerCase(), weights[i]!]))
          const query: Query = { combineWith: 'OR', queries: picked, ...(weighted ? { boostTerm: (term: string) => weight.get(term) ?? 1 } : {}) }
          clearTermCache(index)
          // Some terms already scored whole and cached (with the same weight: the cache key), as earlier queries leave them.
          if (warm) for (const w of picked.slice(0, 2)) evaluateQuery(index, { ...query, queries: [w] } as Query, { boost: BOOST })
          const expected = mini.search(query, { boost: BOOST })
          const got = evaluateQuery(index, query, { boost: BOOST })
          const byId = new Map(expected.map((r) => [r.id as number, r]))
          expect([...got.docs]).toEqual([...byId.keys()].sort((a, b) => a - b))
          got.docs.forEach((doc, i) => {
            expect(got.scores[i]).toBe(byId.get(doc)!.score)
            expect(matchedTerms(got, i).sort()).toEqual([...byId.get(doc)!.terms].sort())
          })
        },
      ),
      { numRuns: 200 },
    )
    clearTermCache(index)
  })

  it('scores a rare word ANDed with a common word already in the term cache exactly (the cached postings cut to the rare word)', () => {
    const common = 'the'
    evaluateQuery(index, { combineWith: 'AND', queries: [common] }, { boost: BOOST })
    const commonCount = mini.search(common, { boost: BOOST }).length
    const rare = words.filter((w) => {
      const n = mini.search(w, { boost: BOOST }).length
      return n > 0 && n * 8 < commonCount
    })
    expect(rare.length).toBeGreaterThan(10)
    for (const word of rare.slice(0, 40)) {
      const query: Query = { combineWith: 'AND', queries: [word, { combineWith: 'OR', queries: [common, 'of'] }] }
      const expected = new Map(mini.search(query, { boost: BOOST }).map((r) => [r.id as number, r.score]))
      const got = evaluateQuery(index, query, { boost: BOOST })
      expect([...got.docs], word).toEqual([...expected.keys()].sort((a, b) => a - b))
      got.docs.forEach((doc, i) => expect(got.scores[i], `${word} ${doc}`).toBe(expected.get(doc)))
    }
  })
})

describe('evaluateQuery', () => {
  it('refuses what it does not implement rather than answering differently', () => {
    const index = buildTermIndex([{ id: 0, text: 'harbour talks', title: '', section: '', entities: '' }])
    expect(() => evaluateQuery(index, { queries: ['harb'], prefix: true })).toThrow(/prefix and fuzzy/)
    expect(() => evaluateQuery(index, { queries: ['harbour', 'talks'], combineWith: 'AND_NOT' })).toThrow(/invalid combination operator/)
    expect(() => evaluateQuery(index, MiniSearch.wildcard)).toThrow(/wildcard/)
  })
})
