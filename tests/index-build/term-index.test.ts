import MiniSearch, { type AsPlainObject } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { INDEX_OPTIONS, normaliseTerm, SEARCH_FIELDS, tokenize } from '../../index-build/index-options'
import { buildTermIndex, positionsOf, termIdOf } from '../../index-build/term-index'
import { generatedCorpus, indexDocuments, seedCorpus } from '../support/corpora'

const corpora = { seeds: () => indexDocuments(seedCorpus()), generated: () => indexDocuments(generatedCorpus(1500, 3)) }

describe.each(Object.keys(corpora) as (keyof typeof corpora)[])('buildTermIndex on the %s corpus', (name) => {
  const docs = corpora[name]()
  const index = buildTermIndex(docs)
  const mini = new MiniSearch(INDEX_OPTIONS)
  mini.addAll(docs)
  const plain = mini.toJSON() as AsPlainObject

  it('holds exactly the terms, postings and frequencies MiniSearch holds, field by field', () => {
    const expected = new Map(plain.index)
    expect(index.terms).toEqual([...expected.keys()].sort((a, b) => (a < b ? -1 : 1)))
    index.terms.forEach((term, t) => {
      const byField = expected.get(term)!
      SEARCH_FIELDS.forEach((_, f) => {
        const postings = index.fields[f]!
        const got: Record<string, number> = {}
        for (let j = postings.start[t]!; j < postings.start[t + 1]!; j++) got[plain.documentIds[postings.docs[j]!] as number] = postings.freqs[j]!
        expect(got, `${term} in field ${f}`).toEqual(byField[f] ?? {})
      })
      const docs = new Set(Object.values(byField).flatMap((postings) => Object.keys(postings)))
      expect(index.docFreq[t], term).toBe(docs.size)
    })
  })

  it('has MiniSearch’s document count, field lengths and average field lengths to the last bit', () => {
    expect(index.documentCount).toBe(plain.documentCount)
    expect([...index.avgFieldLength]).toEqual(plain.averageFieldLength)
    for (const [shortId, lengths] of Object.entries(plain.fieldLength)) {
      const ordinal = plain.documentIds[shortId] as number
      SEARCH_FIELDS.forEach((_, f) => expect(index.fieldLength[f]![ordinal]).toBe(lengths[f]))
    }
  })

  it('records each text term’s positions among the text’s terms', () => {
    for (const doc of docs.filter((_, i) => i % 7 === 0)) {
      const sequence = tokenize(doc.text).map((t) => normaliseTerm(t)).filter((t): t is string => !!t)
      for (const term of new Set(sequence)) {
        const t = termIdOf(index, term)
        const text = index.fields[0]!
        let posting = -1
        for (let j = text.start[t]!; j < text.start[t + 1]!; j++) if (text.docs[j] === doc.id) posting = j
        const expected = sequence.flatMap((s, i) => (s === term ? [i] : []))
        expect(positionsOf(index, posting), `${term} in ${doc.id}`).toEqual(expected)
      }
    }
  })
})

describe('termIdOf', () => {
  it('finds indexed terms and answers -1 for others', () => {
    const index = buildTermIndex([{ id: 0, text: 'Harbour talks resume', title: '', section: '', entities: '' }])
    expect(index.terms[termIdOf(index, 'harbor')]).toBe('harbor')
    expect(termIdOf(index, 'harbour')).toBe(-1)
    expect(termIdOf(index, 'zzz')).toBe(-1)
  })
})
