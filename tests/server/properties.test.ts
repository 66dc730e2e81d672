import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../server/app'
import { fixtureIndex } from './fixture-index'

const index = fixtureIndex()
const app = createApp({ getIndex: () => index })

/** Query strings built from words of the corpus, operators, quotes, punctuation and arbitrary Unicode. */
const queryText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .array(fc.constantFrom('Lavrov', 'Wang', 'OR', '-', '"', 'défense', 'US', 'xi', '<script>', '&amp;', '""', '-"', 'vient', ' ', '\u0000', '%', '*', '\\'), { maxLength: 12 })
    .map((parts) => parts.join(' ')),
)
const value = fc.oneof(fc.constantFrom('Russia', 'Sergei Lavrov', 'Southeast Asia', 'Harbour Gazette', '(unknown)', ''), fc.string({ maxLength: 20 }))
const param = fc.oneof(
  queryText.map((q) => ['q', q] as const),
  value.map((v) => ['outlet', v] as const),
  value.map((v) => ['actor', v] as const),
  value.map((v) => ['region', v] as const),
  fc.oneof(fc.constant('2024-07-25'), fc.string({ maxLength: 12 })).map((d) => ['from', d] as const),
  fc.oneof(fc.constant('2024-07-27'), fc.string({ maxLength: 12 })).map((d) => ['to', d] as const),
  fc.oneof(fc.constantFrom('relevance', 'date'), fc.string({ maxLength: 8 })).map((s) => ['sort', s] as const),
  fc.oneof(fc.integer({ min: -5, max: 20_000 }).map(String), fc.string({ maxLength: 5 })).map((n) => ['page', n] as const),
  fc.oneof(fc.integer({ min: -5, max: 200 }).map(String), fc.string({ maxLength: 5 })).map((n) => ['size', n] as const),
  fc.string({ maxLength: 10 }).map((s) => [s, s] as const),
)

describe('property: no request produces a 500', () => {
  it('answers 200 or 400 to any search parameters, and highlights contain only <mark> markup', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(param, { maxLength: 6 }), async (params) => {
        const search = new URLSearchParams(params.map(([k, v]) => [k, v]))
        const res = await app.request(`/api/search?${search}`)
        expect([200, 400]).toContain(res.status)
        const body = (await res.json()) as { hits?: { highlight: string }[] }
        for (const hit of body.hits ?? []) expect(hit.highlight.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
      }),
      { numRuns: 300 },
    )
  })

  it('answers 200 or 400 to any suggest and export parameters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(param, { maxLength: 4 }), fc.constantFrom('suggest', 'export'), async (params, endpoint) => {
        const res = await app.request(`/api/${endpoint}?${new URLSearchParams(params.map(([k, v]) => [k, v]))}`)
        expect([200, 400]).toContain(res.status)
      }),
      { numRuns: 150 },
    )
  })

  it('answers any path without a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.webPath(), async (path) => {
        const res = await app.request(path.startsWith('/') ? path : `/${path}`)
        expect(res.status).toBeLessThan(500)
      }),
      { numRuns: 150 },
    )
  })
})
