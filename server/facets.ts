// Turns facet counts into the API's lists: values with hits (and every selected value, even at 0), most hits first, with actor types and region parents.
import type { LoadedIndex } from '../index-build/index-file'
import type { SearchContext } from './search-context'

/** One facet value and its count. */
export interface FacetValue {
  value: string
  count: number
}

/** The `facets` object of a search answer. */
export interface Facets {
  outlet: FacetValue[]
  actor: (FacetValue & { type: string | null })[]
  region: (FacetValue & { parent: string | null })[]
}

/** Values with a count above 0 (the `limit` most frequent), plus every selected one; most hits first, then by name. */
function list(names: string[], counts: Uint32Array, selected: string[], limit: number): FacetValue[] {
  // Only values at or above the limit-th highest count can be listed (besides selected ones): find that count on the numbers alone.
  const nonZero = counts.filter((c) => c > 0)
  const floor = nonZero.length > limit ? Math.max(1, nonZero.sort()[nonZero.length - limit]!) : 1
  const out: FacetValue[] = []
  names.forEach((value, code) => {
    if (counts[code]! >= floor || (selected.length > 0 && selected.includes(value))) out.push({ value, count: counts[code]! })
  })
  for (const value of selected) if (!names.includes(value) && !out.some((v) => v.value === value)) out.push({ value, count: 0 })
  out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
  return out.length <= limit ? out : out.filter((v, i) => i < limit || selected.includes(v.value))
}

/** Values listed per facet in a search answer (selected values always come too); /api/facets lists them all. */
export const FACET_LIMIT = 100

/** Builds the facets object from counts over the hits. */
export function facetLists(
  index: LoadedIndex,
  ctx: SearchContext,
  counts: { outlet: Uint32Array; actor: Uint32Array; region: Uint32Array },
  selected: { outlet: string[]; actor: string[]; region: string[] },
  limit = FACET_LIMIT,
): Facets {
  return {
    outlet: list(ctx.outlet.names, counts.outlet, selected.outlet, limit),
    actor: list(ctx.actor.names, counts.actor, selected.actor, limit).map((v) => ({ ...v, type: index.entityByName.get(v.value)?.type ?? null })),
    region: list(ctx.region.names, counts.region, selected.region, limit).map((v) => ({ ...v, parent: index.entityByName.get(v.value)?.parent ?? null })),
  }
}
