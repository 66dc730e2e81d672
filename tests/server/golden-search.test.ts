import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commonPairs } from '../../index-build/common-pairs'
import type { LoadedIndex } from '../../index-build/index-file'
import { createApp } from '../../server/app'
import { CountHelper } from '../../server/count-helper'
import { GOLDEN_FILE, goldenIndexes, stripTiming } from '../support/golden-search'

// Answers recorded from the search path as it was before the performance work (MiniSearch's own
// search over its in-memory index): every optimisation must give the same hits, in the same
// order, with the same scores, facet counts, timeline, suggestions, exports and articles.
let golden: Record<'seeds' | 'generated', Record<string, unknown>>
let indexes: { seeds: LoadedIndex; generated: LoadedIndex }
const helpers: CountHelper[] = []
afterAll(() => helpers.forEach((h) => h.stop()))

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

  it('answers every pinned request the same when phrases of common words are looked up in lists of adjacent terms', async () => {
    // Small corpora have no term common enough for the build to list its pairs: list those in at least 8 paragraphs.
    const index = indexes[corpus]
    const pairs = commonPairs(index.terms, { minParagraphs: 8 })
    expect(pairs.first.length).toBeGreaterThan(corpus === 'seeds' ? 10 : 100)
    const app = createApp({ getIndex: () => ({ ...index, commonPairs: pairs }) })
    for (const url of Object.keys(golden[corpus]).filter((u) => u.includes('%22'))) {
      const res = await app.request(url)
      expect(stripTiming(url, await res.text()), url).toEqual(golden[corpus][url])
    }
  })

  it('answers every pinned request the same when a helper thread counts large hit lists too', async () => {
    // Every count shared, in chunks of a few rows, all left to the helper thread (the main thread counts only the chunks of a helper late by a second).
    const helper = new CountHelper({ minRows: 1, chunkRows: 7, graceMs: 1000, helperOnly: true })
    helpers.push(helper)
    expect(await helper.start()).toBe(true)
    const app = createApp({ getIndex: () => indexes[corpus], countHelper: helper })
    for (const url of Object.keys(golden[corpus])) {
      const res = await app.request(url)
      expect(stripTiming(url, await res.text()), url).toEqual(golden[corpus][url])
    }
    expect(helper.helperChunks).toBeGreaterThan(0)
  })
})
