// The peer in the benchmark: Orama with its built-in facets over the same paragraphs and queries.
import { create, insertMultiple, search } from '@orama/orama'
import type { LoadedIndex } from '../../index-build/index-file'
import { outletFacetValue } from '../../index-build/types'
import type { BenchQuery, QueryKind } from './queries'
import { KINDS } from './queries'
import { percentiles, timeEach } from './stats'

/** Builds an Orama index of the paragraphs and times the workload with facet counts on outlet, actors and regions. */
export async function oramaBench(index: LoadedIndex, workload: Record<QueryKind, BenchQuery[]>): Promise<Record<string, { p50: number; p95: number; p99: number }>> {
  const db = create({ schema: { text: 'string', outlet: 'string', actors: 'string[]', regions: 'string[]' } as const })
  const docs = Array.from({ length: index.paragraphs.count }, (_, ordinal) => {
    const p = index.paragraphs.get(ordinal)
    return { id: p.id, text: p.text, outlet: outletFacetValue(index.articleById.get(p.articleId)!), actors: p.actors, regions: p.regions }
  })
  await insertMultiple(db, docs, 5000)
  const facets = { outlet: { limit: 50 }, actors: { limit: 50 }, regions: { limit: 50 } }
  const out: Record<string, { p50: number; p95: number; p99: number }> = {}
  const all: number[] = []
  for (const kind of KINDS) {
    const times = await timeEach(workload[kind], (q) =>
      search(db, { term: q.q.replace(/"/g, ''), tolerance: kind === 'typo' ? 1 : 0, limit: 20, facets, ...(kind === 'phrase' ? { exact: true } : {}) } as never),
    )
    out[kind] = percentiles(times)
    all.push(...times)
  }
  out.all = percentiles(all)
  return out
}
