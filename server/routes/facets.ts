// GET /api/facets: every facet value with its count over the whole corpus.
import { Hono } from 'hono'
import { searchAnswer } from '../search-answer'
import type { IndexEnv } from './index-env'

export const facets = new Hono<IndexEnv>().get('/', (c) => {
  const { answer } = searchAnswer(c.get('index'), { q: '', outlet: [], actor: [], region: [], page: 1, size: 1 }, performance.now(), { facetLimit: Number.POSITIVE_INFINITY, countHelper: c.get('countHelper') })
  return c.json({ total: answer.total, facets: answer.facets })
})
