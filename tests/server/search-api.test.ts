import { describe, expect, it } from 'vitest'
import { assembleIndex } from '../../index-build/assemble-index'
import { commonPairs } from '../../index-build/common-pairs'
import { type LoadedIndex, loadIndex } from '../../index-build/index-file'
import { createApp } from '../../server/app'
import type { SearchAnswer } from '../../server/search-answer'
import { ARTICLES, fixtureIndex, PARAGRAPHS } from './fixture-index'

const index = fixtureIndex()
const app = createApp({ getIndex: () => index })

/** GETs a search and returns the answer, checking the status first. */
async function search(params: string): Promise<SearchAnswer> {
  const res = await app.request(`/api/search?${params}`)
  expect(res.status, params).toBe(200)
  return (await res.json()) as SearchAnswer
}
const ids = (a: SearchAnswer) => a.hits.map((h) => h.id)

describe('GET /api/search: query language', () => {
  it('finds words and answers in the documented shape', async () => {
    const answer = await search('q=Vientiane')
    // The article title is searchable too, so every paragraph of a1 matches; the one saying it ranks first.
    expect(answer).toMatchObject({ query: 'Vientiane', total: 3, page: 1, size: 20, sort: 'relevance' })
    expect(typeof answer.tookMs).toBe('number')
    expect(answer.hits[0]).toMatchObject({
      id: 'a1:0',
      article: { id: 'a1', title: 'Lavrov and Wang meet in Vientiane', outlet: 'Harbour Gazette', originalOutlet: null, date: '2024-07-25' },
      position: 0,
      section: null,
      actors: [{ name: 'Sergei Lavrov', type: 'person' }, { name: 'Wang Yi', type: 'person' }],
      regions: [{ name: 'Vientiane', parent: 'Laos' }],
      duplicates: [],
    })
  })

  it('tolerates typos: a transposition and a missing letter', async () => {
    expect(ids(await search('q=Lavorv'))).toEqual(expect.arrayContaining(['a1:0', 'a1:1']))
    expect(ids(await search('q=blinkn'))).toEqual(['a2:0', 'a2:1'])
  })

  it('completes the last word while typing, not once a space follows', async () => {
    expect(ids(await search('q=vient'))[0]).toBe('a1:0')
    expect((await search('q=vient%20')).total).toBe(0)
  })

  it('meets British and American spellings', async () => {
    const defence = ids(await search('q=defence'))
    expect(defence.sort()).toEqual(['a3:0', 'a3:1', 'a4:0'])
    expect(ids(await search('q=defense')).sort()).toEqual(defence)
    expect(ids(await search('q=maneuvers'))).toEqual(['a1:2'])
    expect(ids(await search('q=traveler'))).toEqual(['a3:1'])
  })

  it('keeps short tokens such as US and Xi', async () => {
    expect(ids(await search('q=US'))).toEqual(['a2:0'])
    expect(ids(await search('q=Xi'))).toEqual(['a3:1'])
  })

  it('finds a paragraph through the canonical name of an entity it only misspells', async () => {
    expect(ids(await search('q=Sun%20Weidong')).sort()).toEqual(['a3:0', 'a3:1'])
  })

  it('matches quoted phrases in order only', async () => {
    expect(ids(await search('q=%22stable%2C%20resilient%22')).sort()).toEqual(['a1:1', 'a2:1'])
    expect((await search('q=%22resilient%20stable%22')).total).toBe(0)
  })

  it('excludes -words and -"phrases"', async () => {
    expect(ids(await search('q=resilient%20-Lavrov'))).toEqual(['a2:1'])
    expect(ids(await search('q=Philippines%20-%22Antony%20Blinken%22'))).toEqual(['a4:0'])
  })

  it('widens with OR', async () => {
    expect(ids(await search('q=Vientiane%20OR%20Manila')).sort()).toEqual(['a1:0', 'a1:1', 'a1:2', 'a2:0', 'a2:1'])
    expect((await search('q=Vientiane%20Manila')).total).toBe(0)
  })

  it('reads unbalanced quotes, stray operators and punctuation without error', async () => {
    for (const q of ['"mature', 'OR', '- -', '"', '((Lavrov', 'Lavrov OR', '-', ':;!?', '"""', 'a"b"c']) {
      const res = await app.request(`/api/search?q=${encodeURIComponent(q)}`)
      expect(res.status, q).toBe(200)
    }
  })

  it('browses every paragraph newest first when q is empty, undated last', async () => {
    const answer = await search('q=')
    expect(answer.total).toBe(8)
    expect(answer.sort).toBe('date')
    expect(ids(answer)).toEqual(['a2:0', 'a2:1', 'a1:0', 'a1:1', 'a1:2', 'a3:0', 'a3:1', 'a4:0'])
  })

  it('sorts a query by date on request', async () => {
    expect(ids(await search('q=Russia&sort=date'))).toEqual(['a2:1', 'a1:0', 'a3:0'])
  })

  it('pages through hits', async () => {
    const page2 = await search('q=&size=3&page=2')
    expect(ids(page2)).toEqual(['a1:1', 'a1:2', 'a3:0'])
    expect(page2.total).toBe(8)
  })
})

describe('GET /api/search: ranking', () => {
  it('ranks by relevance with justified positions', async () => {
    // "Wang Yi": a1:0 has both words in its text and entity names, and "Wang" again in its article
    // title → first; a2:1 has both words in text and entity names only → second; a1:1 and a1:2 have
    // "Wang" only through the title and no "Yi" anywhere → left out (words are ANDed).
    expect(ids(await search('q=Wang%20Yi'))).toEqual(['a1:0', 'a2:1'])
    // "Lavrov": a1:1 and a1:0 both carry the word in text and entities, but a1:1 is shorter (BM25
    // length normalisation) → first; the title "Lavrov and Wang meet…" only adds to both of them.
    // a1:2 matches only through its article title (weighted half) → last.
    expect(ids(await search('q=Lavrov'))).toEqual(['a1:1', 'a1:0', 'a1:2'])
    // "Russia defence": a3:0 has both words; the others only "Russia" → excluded by AND.
    expect(ids(await search('q=Russia%20defence'))).toEqual(['a3:0'])
  })
})

describe('GET /api/search: filters and facets', () => {
  it('filters by outlet (any of several) and counts outlets ignoring their own filter', async () => {
    const one = await search('q=&outlet=Northern%20Wire')
    expect(ids(one).sort()).toEqual(['a2:0', 'a2:1'])
    expect(one.facets.outlet).toEqual([
      { value: 'Harbour Gazette', count: 5 },
      { value: 'Northern Wire', count: 2 },
      { value: '(unknown)', count: 1 },
    ])
    const two = await search('q=&outlet=Northern%20Wire&outlet=(unknown)')
    expect(two.total).toBe(3)
  })

  it('shows the original outlet of a syndicated copy as its outlet facet value', async () => {
    const answer = await search('q=Manila')
    expect(answer.facets.outlet).toEqual([{ value: 'Northern Wire', count: 2 }])
    expect(answer.hits[0]!.article).toMatchObject({ outlet: 'Yahoo Example', originalOutlet: 'Northern Wire' })
  })

  it('requires every selected actor', async () => {
    expect(ids(await search('q=&actor=Wang%20Yi&actor=Sergei%20Lavrov'))).toEqual(['a1:0'])
  })

  it('includes the places inside a selected region', async () => {
    expect(ids(await search('q=&region=Southeast%20Asia')).sort()).toEqual(['a1:0', 'a1:2', 'a2:0', 'a4:0'])
    expect(ids(await search('q=&region=South%20China%20Sea'))).toEqual(['a1:2'])
  })

  it('filters by date range, leaving undated articles out', async () => {
    expect(ids(await search('q=&from=2024-07-01&to=2024-07-26')).sort()).toEqual(['a1:0', 'a1:1', 'a1:2'])
  })

  it('includes both ends of a date range', async () => {
    // a1 is dated 2024-07-25 and a2 2024-07-27: a one-day range on either date keeps that article.
    expect(ids(await search('q=&from=2024-07-25&to=2024-07-25')).sort()).toEqual(['a1:0', 'a1:1', 'a1:2'])
    expect(ids(await search('q=&from=2024-07-27&to=2024-07-27')).sort()).toEqual(['a2:0', 'a2:1'])
    expect(ids(await search('q=&from=2024-07-26&to=2024-07-26'))).toEqual([])
  })

  it('matches nothing for an unknown facet value, and still lists it at 0', async () => {
    const answer = await search('q=&actor=Nobody%20Known')
    expect(answer.total).toBe(0)
    expect(answer.facets.actor).toEqual([{ value: 'Nobody Known', count: 0, type: null }])
  })

  it('gives each actor and region the count that adding it would give', async () => {
    const base = await search('q=&size=1')
    for (const { value, count } of base.facets.actor) expect((await search(`q=&size=1&actor=${encodeURIComponent(value)}`)).total, value).toBe(count)
    for (const { value, count } of base.facets.region) expect((await search(`q=&size=1&region=${encodeURIComponent(value)}`)).total, value).toBe(count)
    expect(base.facets.region.find((r) => r.value === 'Asia')).toEqual({ value: 'Asia', count: 4, parent: null })
  })

  it('keeps selected values in the lists even at count 0', async () => {
    const answer = await search('q=Vientiane&outlet=Northern%20Wire')
    expect(answer.total).toBe(0)
    expect(answer.facets.outlet).toContainEqual({ value: 'Northern Wire', count: 0 })
    expect(answer.facets.outlet).toContainEqual({ value: 'Harbour Gazette', count: 3 })
  })

  it('counts hits per publication day and undated ones', async () => {
    const answer = await search('q=')
    expect(answer.timeline).toEqual({
      unit: 'month',
      buckets: [
        { date: '2024-02', count: 2 },
        { date: '2024-07', count: 5 },
      ],
      undated: 1,
    })
    const july = await search('q=&from=2024-07-01')
    expect(july.timeline).toEqual({ unit: 'day', buckets: [{ date: '2024-07-25', count: 3 }, { date: '2024-07-27', count: 2 }], undated: 0 })
  })
})

describe('GET /api/search: browsing everything', () => {
  it('answers the landing page the same each time (its counts are kept after the first), and as the facets of every paragraph', async () => {
    const own = fixtureIndex()
    const fresh = createApp({ getIndex: () => own })
    const landing = async () => {
      const res = await fresh.request('/api/search?q=&size=50')
      expect(res.status).toBe(200)
      const { tookMs: _took, ...answer } = (await res.json()) as SearchAnswer
      return answer
    }
    const first = await landing()
    expect(first.total).toBe(index.paragraphs.count)
    expect(await landing()).toEqual(first)
    // A filtered browse in between must not disturb the kept counts.
    const filtered = (await (await fresh.request(`/api/search?q=&actor=${encodeURIComponent(first.facets.actor[0]!.value)}`)).json()) as SearchAnswer
    expect(filtered.total).toBeLessThan(first.total)
    expect(await landing()).toEqual(first)
    // Counts are those of all paragraphs: an actor's count is the number of paragraphs tagged with it.
    for (const { value, count } of first.facets.actor) expect((await search(`q=&actor=${encodeURIComponent(value)}`)).total).toBe(count)
  })
})

describe('GET /api/search: highlighting', () => {
  it('marks exact, typo-corrected and completed words', async () => {
    expect((await search('q=Lavorv')).hits.find((h) => h.id === 'a1:1')!.highlight).toContain('<mark>Lavrov</mark> said')
    expect((await search('q=vient')).hits[0]!.highlight).toContain('in <mark>Vientiane</mark> on')
    expect((await search('q=defense')).hits.find((h) => h.id === 'a3:0')!.highlight).toContain('<mark>defence</mark>')
  })

  it('marks an alias or misspelling of a matched entity name', async () => {
    const hit = (await search('q=Weidong')).hits.find((h) => h.id === 'a3:1')!
    expect(hit.highlight.startsWith('<mark>Sun Woedong</mark> said')).toBe(true)
  })

  it('escapes scraped markup and emits no other tags', async () => {
    const hit = (await search('q=traveller')).hits[0]!
    expect(hit.highlight).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(hit.highlight.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
  })
})

describe('GET /api/search: errors', () => {
  const bad = async (params: string, parameter: string) => {
    const res = await app.request(`/api/search?${params}`)
    expect(res.status, params).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const body = (await res.json()) as { parameter: string; rule: string; status: number }
    expect(body).toMatchObject({ status: 400, parameter })
    expect(body.rule.length).toBeGreaterThan(5)
  }
  it('answers 400 naming the parameter and the rule', async () => {
    await bad(`q=${'a'.repeat(501)}`, 'q')
    await bad('size=0', 'size')
    await bad('size=101', 'size')
    await bad('size=ten', 'size')
    await bad('page=0', 'page')
    await bad('page=501&size=20', 'page')
    await bad('sort=random', 'sort')
    await bad('from=24-07-01', 'from')
    await bad('to=2024-13-01', 'to')
    await bad('q=a&q=b', 'q')
  })
})

describe('GET /api/search: phrases of common words', () => {
  // Every word here is common enough (in 1 paragraph or more) for its pairs to be listed.
  const texts = ['of the end, and the sea', 'of the sea', 'the sea of the', 'sea of the sea', 'the end']
  const paragraphs = texts.map((text, position) => ({ ...PARAGRAPHS[0]!, id: `p:${position}`, articleId: 'p', position, text, actors: [], regions: [], mentions: [] }))
  const base = loadIndex(assembleIndex([{ ...ARTICLES[0]!, id: 'p', title: null, paragraphCount: texts.length }], paragraphs, [], { articles: 1, paragraphs: texts.length, dropped: {}, entities: {}, warnings: [] }))
  const listed = { ...base, commonPairs: commonPairs(base.terms, { minParagraphs: 1 }) }
  const unlisted = { ...base, commonPairs: commonPairs(base.terms, { minParagraphs: texts.length + 1 }) }
  const answer = async (index: LoadedIndex, q: string) => {
    const res = await createApp({ getIndex: () => index }).request(`/api/search?q=${encodeURIComponent(q)}`)
    const { tookMs: _t, ...rest } = (await res.json()) as SearchAnswer
    return rest
  }

  it('finds a longer phrase only where its words stand in order, not where its pairs stand apart', async () => {
    expect(listed.commonPairs.first.length).toBeGreaterThan(3)
    expect(unlisted.commonPairs.first.length).toBe(0)
    expect((await answer(listed, '"of the sea"')).hits.map((h) => h.id).sort()).toEqual(['p:1', 'p:3'])
  })

  it('answers the same from the lists of pairs as from word positions', async () => {
    for (const q of ['"of the sea"', '"the sea"', '"the end"', '"sea of"', '"of the sea" end', '"the sea" OR end', 'sea -"of the"', '"end the"']) {
      expect(await answer(listed, q), q).toEqual(await answer(unlisted, q))
    }
  })
})
