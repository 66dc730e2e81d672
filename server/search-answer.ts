// Assembles the answer of /api/search from the parsed parameters: the page of hits with highlights, facets and timeline.
import type { z } from 'zod'
import type { LoadedIndex } from '../index-build/index-file'
import type { ParallelCounter } from './count-hits'
import { type Facets, facetLists } from './facets'
import { highlight } from './highlight'
import { type ParsedQuery, parseQuery } from './query-parse'
import { queryMatchTerms } from './query-terms'
import type { SEARCH_PARAMS } from './schemas'
import { runSearch, type SearchOutcome } from './search'
import { searchContext } from './search-context'
import { type Timeline, timeline } from './timeline'

/** Validated search parameters. */
export type SearchParams = z.output<typeof SEARCH_PARAMS>

/** One hit of a search answer. */
export interface Hit {
  id: string
  article: { id: string; title: string | null; outlet: string | null; originalOutlet: string | null; date: string | null }
  position: number
  section: string | null
  text: string
  highlight: string
  actors: { name: string; type: string | null }[]
  regions: { name: string; parent: string | null }[]
  duplicates: string[]
  score: number
}

/** The body of a search answer. */
export interface SearchAnswer {
  query: string
  total: number
  page: number
  size: number
  sort: 'relevance' | 'date'
  tookMs: number
  hits: Hit[]
  facets: Facets
  timeline: Timeline
}

/** Runs the search and builds the answer for one page. */
export function searchAnswer(
  index: LoadedIndex,
  params: SearchParams,
  started = performance.now(),
  options: { facetLimit?: number; orderAll?: boolean; countHelper?: ParallelCounter | null } = {},
): { answer: SearchAnswer; outcome: SearchOutcome; query: ParsedQuery } {
  const ctx = searchContext(index)
  const query = parseQuery(params.q)
  const ordered = options.orderAll ? Number.POSITIVE_INFINITY : params.page * params.size
  const outcome = runSearch(index, query, { outlet: params.outlet, actor: params.actor, region: params.region, from: params.from ?? null, to: params.to ?? null, sort: params.sort ?? null }, ordered, options.countHelper ?? null)
  const exact = queryMatchTerms(null, query)
  const first = (params.page - 1) * params.size
  const hits: Hit[] = []
  for (let i = first; i < Math.min(outcome.ordinals.length, first + params.size); i++) {
    const ordinal = outcome.ordinals[i]!
    const p = index.paragraphs.get(ordinal)
    const a = ctx.articleOf(ordinal)
    const matched = new Set([...exact, ...(outcome.matchedTerms.get(ordinal) ?? [])])
    hits.push({
      id: p.id,
      article: { id: a.id, title: a.title, outlet: a.outlet, originalOutlet: a.originalOutlet, date: a.date },
      position: p.position,
      section: p.section,
      text: p.text,
      highlight: highlight(p.text, query.clauses.length > 0 ? matched : new Set(), p.mentions),
      actors: p.actors.map((name) => ({ name, type: index.entityByName.get(name)?.type ?? null })),
      regions: p.regions.map((name) => ({ name, parent: index.entityByName.get(name)?.parent ?? null })),
      duplicates: p.duplicates,
      score: Math.round(outcome.scores[i]! * 1000) / 1000,
    })
  }
  const facets = facetLists(index, ctx, { outlet: outcome.outletCounts, actor: outcome.actorCounts, region: outcome.regionCounts }, params, options.facetLimit)
  return {
    answer: {
      query: params.q,
      total: outcome.total,
      page: params.page,
      size: params.size,
      sort: outcome.sort,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      hits,
      facets,
      timeline: timeline(outcome.days, outcome.dayCounts),
    },
    outcome,
    query,
  }
}
