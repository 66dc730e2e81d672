// GET /api/search: hits, facets and timeline for a query and filters.
import { Hono } from 'hono'
import { badParameter } from '../problem'
import { MAX_RESULT_WINDOW, parseParams, SEARCH_PARAMS } from '../schemas'
import { searchAnswer } from '../search-answer'
import type { IndexEnv } from './index-env'

export const search = new Hono<IndexEnv>().get('/', (c) => {
  const started = performance.now()
  const parsed = parseParams(SEARCH_PARAMS, new URL(c.req.url).searchParams)
  if (!parsed.ok) return badParameter(c, parsed.problem.parameter, parsed.problem.rule)
  const params = parsed.value
  if (params.page * params.size > MAX_RESULT_WINDOW) return badParameter(c, 'page', `page × size must be at most ${MAX_RESULT_WINDOW}`)
  return c.json(searchAnswer(c.get('index'), params, started, { countHelper: c.get('countHelper') }).answer)
})
