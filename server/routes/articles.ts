// GET /api/articles and /api/articles/:id: article metadata, and one clean article with its paragraphs.
import { Hono } from 'hono'
import { highlight } from '../highlight'
import { badParameter, problem } from '../problem'
import { parseQuery } from '../query-parse'
import { queryMatchTerms } from '../query-terms'
import { ARTICLE_PARAMS, ARTICLES_PARAMS, parseParams } from '../schemas'
import type { IndexEnv } from './index-env'

export const articles = new Hono<IndexEnv>()
  .get('/', (c) => {
    const parsed = parseParams(ARTICLES_PARAMS, new URL(c.req.url).searchParams)
    if (!parsed.ok) return badParameter(c, parsed.problem.parameter, parsed.problem.rule)
    const index = c.get('index')
    const wanted = parsed.value.id
    // A page needs a few articles (its hits' near-duplicates), not all 50,000 of a large corpus.
    const list = wanted.length > 0 ? [...new Set(wanted)].flatMap((id) => index.articleById.get(id) ?? []) : index.articles
    return c.json({ total: list.length, articles: list.map((a) => ({ ...a })) })
  })
  .get('/:id', (c) => {
    const index = c.get('index')
    const id = c.req.param('id')
    const parsed = parseParams(ARTICLE_PARAMS, new URL(c.req.url).searchParams)
    if (!parsed.ok) return badParameter(c, parsed.problem.parameter, parsed.problem.rule)
    const article = index.articleById.get(id)
    if (!article) return problem(c, 404, 'Not Found', `no article with id "${id}"`)
    const terms = parsed.value.q ? queryMatchTerms(index, parseQuery(parsed.value.q)) : new Set<string>()
    const paragraphs = []
    const first = index.firstOrdinal.get(id)
    for (let position = 0; first !== undefined && position < article.paragraphCount; position++) {
      const p = index.paragraphs.get(first + position)
      paragraphs.push({
        id: p.id,
        position: p.position,
        section: p.section,
        text: p.text,
        highlight: highlight(p.text, terms, p.mentions),
        actors: p.actors.map((name) => ({ name, type: index.entityByName.get(name)?.type ?? null })),
        regions: p.regions.map((name) => ({ name, parent: index.entityByName.get(name)?.parent ?? null })),
        duplicates: p.duplicates,
      })
    }
    return c.json({ article, paragraphs })
  })
