import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Growable } from '../../index-build/growable'
import { indexColumns } from '../../index-build/index-columns'
import { encodeTagNumbers, type TaggedPage, tagNumberColumns } from '../../index-build/tag-numbers'
import type { Article, Entity } from '../../index-build/types'

const NAMES = ['Ada Quill', 'Blue Lake', 'Harbour', 'Lin Haobo', 'Northland', 'Zed']
const entities: Entity[] = NAMES.map((name) => ({ name, type: 'person', region: true, parent: null, aliases: [], source: 'known' }))

const article = (id: string, date: string | null): Article => ({ id, file: `${id}.txt`, title: null, outlet: null, originalOutlet: null, date, url: null, note: null, sections: [], paragraphCount: 0 })

/** Pages of 0 … 12 paragraphs (ids chosen so that "a:10" sorts before "a:2" and "a-b" between), each tagged with a few names, dealt to two workers. */
const pages = fc.array(
  fc.record({
    id: fc.constantFrom('a', 'a-b', 'b', 'c:d', 'e'),
    date: fc.constantFrom(null, '2024-07-26', '2024-07-27'),
    worker: fc.integer({ min: 0, max: 1 }),
    paragraphs: fc.array(fc.record({ actors: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 3 }), regions: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 2 }) }), { maxLength: 12 }),
  }),
  { maxLength: 8 },
)

describe('tagNumberColumns', () => {
  it('gives indexColumns of the paragraphs, whatever numbers each worker gave the names', () => {
    fc.assert(
      fc.property(pages, (input) => {
        // Each worker numbers names as it first meets them.
        const numbering = [new Map<string, number>(), new Map<string, number>()]
        const names: string[][] = [[], []]
        const numberOf = (worker: number) => (name: string) => {
          let n = numbering[worker]!.get(name)
          if (n === undefined) numbering[worker]!.set(name, (n = names[worker]!.push(name) - 1))
          return n
        }
        const articles = input.map((p) => article(p.id, p.date))
        const tagged: TaggedPage[] = input.map((p, k) => {
          const out = new Growable(Uint32Array, 1)
          encodeTagNumbers(p.paragraphs, numberOf(p.worker), out)
          return { article: articles[k]!, paragraphs: p.paragraphs.length, tags: out.copy(), worker: p.worker }
        })
        const paragraphs = input.flatMap((p) => p.paragraphs.map((tags, position) => ({ id: `${p.id}:${position}`, articleId: p.id, ...tags })))
        const { columns, ids } = tagNumberColumns(tagged, names, articles, entities)
        expect(ids).toEqual(paragraphs.map((p) => p.id))
        expect(columns).toEqual(indexColumns(articles, paragraphs, entities))
      }),
    )
  })

  it('refuses tags that name no entity or do not fit the paragraphs', () => {
    const a = article('a', null)
    const page = (tags: number[], worker = 0): TaggedPage => ({ article: a, paragraphs: 1, tags: Uint32Array.from(tags), worker })
    const names = [['Zed']]
    expect(tagNumberColumns([page([1, 0, 0])], names, [a], entities).columns.actors.values).toEqual(Uint32Array.of(5))
    expect(() => tagNumberColumns([page([1, 0, 0])], [['Zed', 'Nobody']], [a], entities)).toThrow('"Nobody" names no entity')
    expect(() => tagNumberColumns([page([1, 0, 0], 1)], names, [a], entities)).toThrow('worker 1, which gave no names')
    expect(() => tagNumberColumns([page([1, 7, 0])], names, [a], entities)).toThrow('tag number 7 names no entity')
    expect(() => tagNumberColumns([page([1, 0, 0, 0])], names, [a], entities)).toThrow('do not fit')
    expect(() => tagNumberColumns([page([3, 0])], names, [a], entities)).toThrow('end inside a row')
  })
})
