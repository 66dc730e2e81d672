import { describe, expect, it } from 'vitest'
import type { IndexDocument } from '../../index-build/index-options'
import { mergeTermIndexes, type TermIndexPart } from '../../index-build/merge-term-indexes'
import { buildTermIndex } from '../../index-build/term-index'
import { generatedCorpus, indexDocuments } from '../support/corpora'

/** The documents split among `parts` parts in runs of `run` documents dealt in turn (as pages are dealt to workers), each part indexed on its own. */
function partsOf(docs: IndexDocument[], parts: number, run: number): TermIndexPart[] {
  const shares = Array.from({ length: parts }, () => [] as IndexDocument[])
  docs.forEach((doc, ordinal) => shares[Math.floor(ordinal / run) % parts]!.push(doc))
  return shares.map((share) => ({
    index: buildTermIndex(share.map((doc, local) => ({ ...doc, id: local }))),
    ordinals: Uint32Array.from(share, (doc) => doc.id),
  }))
}

describe('mergeTermIndexes', () => {
  const docs = indexDocuments(generatedCorpus(1500, 5))

  it.each([
    [2, 37],
    [3, 1],
    [1, 1],
    [4, 500],
  ])('gives buildTermIndex’s index over all documents from %i parts dealt in runs of %i', (parts, run) => {
    expect(mergeTermIndexes(partsOf(docs, parts, run), docs.length)).toEqual(buildTermIndex(docs))
  })

  it('keeps terms only one part has, and a part with no documents', () => {
    const few: IndexDocument[] = [
      { id: 0, text: 'harbour talks', title: 'Talks', section: '', entities: 'Laos' },
      { id: 1, text: 'zebra crossing talks talks', title: '', section: 'World', entities: '' },
      { id: 2, text: 'harbour', title: 'Talks', section: '', entities: '' },
    ]
    const parts = [...partsOf(few, 2, 1), { index: buildTermIndex([]), ordinals: new Uint32Array(0) }]
    expect(mergeTermIndexes(parts, few.length)).toEqual(buildTermIndex(few))
  })

  it('refuses parts that do not cover the documents', () => {
    expect(() => mergeTermIndexes(partsOf(docs, 2, 10).slice(1), docs.length)).toThrow(/cover/)
  })
})
