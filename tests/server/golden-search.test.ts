import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import type { LoadedIndex } from '../../index-build/index-file'
import { createApp } from '../../server/app'
import { GOLDEN_FILE, goldenIndexes, stripTiming } from '../support/golden-search'

// Answers recorded from the search path as it was before the performance work (MiniSearch's own
// search over its in-memory index): every optimisation must give the same hits, in the same
// order, with the same scores, facet counts, timeline, suggestions, exports and articles.
let golden: Record<'seeds' | 'generated', Record<string, unknown>>
let indexes: { seeds: LoadedIndex; generated: LoadedIndex }

beforeAll(async () => {
  golden = JSON.parse(await readFile(GOLDEN_FILE, 'utf8'))
  indexes = await goldenIndexes()
}, 120_000)

describe.each(['seeds', 'generated'] as const)('the %s corpus', (corpus) => {
  it('answers every pinned request exactly as recorded', async () => {
    const app = createApp({ getIndex: () => indexes[corpus] })
    const urls = Object.keys(golden[corpus])
    expect(urls.length).toBeGreaterThan(30)
    for (const url of urls) {
      const res = await app.request(url)
      expect(res.status, url).toBe(200)
      expect(stripTiming(url, await res.text()), url).toEqual(golden[corpus][url])
    }
  })
})
