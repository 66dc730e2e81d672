// Per-index data derived once for fast filtering, faceting and sorting: paragraph ordinals, facet codes in typed arrays, region ancestry, browse order.
import type { LoadedIndex } from '../index-build/index-file'
import { type Article, type Paragraph, outletFacetValue } from '../index-build/types'

/** Facet values of one kind as codes, and each paragraph's codes in compressed rows (offsets into `values`). */
export interface FacetColumn {
  /** Value names by code. */
  names: string[]
  /** Code by value name. */
  codeOf: Map<string, number>
  /** Paragraph p's codes are values[offsets[p]] … values[offsets[p + 1] - 1]. */
  offsets: Uint32Array
  values: Uint32Array
}

/** Everything search needs beyond MiniSearch, indexed by paragraph ordinal (position in the index file). */
export interface SearchContext {
  /** Paragraphs by ordinal. */
  paragraphs: Paragraph[]
  /** Each paragraph's article. */
  articleOf: Article[]
  /** Outlet facet value code per paragraph. */
  outlet: { names: string[]; codeOf: Map<string, number>; codes: Uint32Array }
  /** Actors mentioned. */
  actor: FacetColumn
  /** Regions mentioned, each with all its broader regions (so a region filter includes the places inside it). */
  region: FacetColumn
  /** Article date as a sortable number YYYYMMDD per paragraph; 0 when unknown. */
  dateKey: Uint32Array
  /** Ordinals newest first (unknown dates last), then by paragraph id: the browse order. */
  byDate: Uint32Array
  /** Rank of each ordinal in `byDate` (smaller = newer), for sorting hits by date. */
  dateRank: Uint32Array
  /** Number of paragraphs mentioning each entity (suggestion ranking). */
  mentionCount: Map<string, number>
}

const cache = new WeakMap<LoadedIndex, SearchContext>()

/** Builds a facet column from each paragraph's values. */
function column(rows: string[][]): FacetColumn {
  const names = [...new Set(rows.flat())].sort()
  const codeOf = new Map(names.map((n, i) => [n, i]))
  const offsets = new Uint32Array(rows.length + 1)
  let total = 0
  rows.forEach((r, p) => {
    offsets[p] = total
    total += r.length
  })
  offsets[rows.length] = total
  const values = new Uint32Array(total)
  let k = 0
  for (const r of rows) for (const v of r) values[k++] = codeOf.get(v)!
  return { names, codeOf, offsets, values }
}

/** The search context of an index, built on first use and kept as long as the index is. */
export function searchContext(index: LoadedIndex): SearchContext {
  const known = cache.get(index)
  if (known) return known
  const paragraphs = index.file.paragraphs
  const articleOf = paragraphs.map((p) => index.articleById.get(p.articleId)!)
  const outletNames = [...new Set(articleOf.map(outletFacetValue))].sort()
  const outletCode = new Map(outletNames.map((n, i) => [n, i]))
  const ancestors = new Map<string, string[]>()
  const withAncestors = (name: string): string[] => {
    const hit = ancestors.get(name)
    if (hit) return hit
    const chain = [name]
    const seen = new Set(chain)
    for (let p = index.entityByName.get(name)?.parent ?? null; p !== null && !seen.has(p); p = index.entityByName.get(p)?.parent ?? null) {
      chain.push(p)
      seen.add(p)
    }
    ancestors.set(name, chain)
    return chain
  }
  const dateKey = Uint32Array.from(articleOf, (a) => (a.date ? Number(a.date.replaceAll('-', '')) : 0))
  const order = paragraphs.map((_, i) => i)
  order.sort((a, b) => dateKey[b]! - dateKey[a]! || (paragraphs[a]!.id < paragraphs[b]!.id ? -1 : 1))
  const byDate = Uint32Array.from(order)
  const dateRank = new Uint32Array(paragraphs.length)
  byDate.forEach((ordinal, rank) => (dateRank[ordinal] = rank))
  const mentionCount = new Map<string, number>()
  for (const p of paragraphs) for (const n of new Set([...p.actors, ...p.regions])) mentionCount.set(n, (mentionCount.get(n) ?? 0) + 1)
  const context: SearchContext = {
    paragraphs,
    articleOf,
    outlet: { names: outletNames, codeOf: outletCode, codes: Uint32Array.from(articleOf, (a) => outletCode.get(outletFacetValue(a))!) },
    actor: column(paragraphs.map((p) => p.actors)),
    region: column(paragraphs.map((p) => [...new Set(p.regions.flatMap(withAncestors))])),
    dateKey,
    byDate,
    dateRank,
    mentionCount,
  }
  cache.set(index, context)
  return context
}
