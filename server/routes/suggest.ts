// GET /api/suggest: completions for the word being typed and entity names.
import { Hono } from 'hono'
import { badParameter } from '../problem'
import { parseParams, SUGGEST_PARAMS } from '../schemas'
import { suggest as suggestions } from '../suggest'
import type { IndexEnv } from './index-env'

export const suggest = new Hono<IndexEnv>().get('/', (c) => {
  const parsed = parseParams(SUGGEST_PARAMS, new URL(c.req.url).searchParams)
  if (!parsed.ok) return badParameter(c, parsed.problem.parameter, parsed.problem.rule)
  return c.json({ query: parsed.value.q, suggestions: suggestions(c.get('index'), parsed.value.q, parsed.value.size) })
})
