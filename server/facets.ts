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

/**
 * The smallest count a value needs to be among the `limit` most frequent (at least 1): the
 * `limit`-th highest count, found with a min-heap of `limit` counts in one pass over the counts.
 */
export function listFloor(counts: Uint32Array, limit: number): number {
  if (limit <= 0) return Number.POSITIVE_INFINITY
  if (limit > counts.length) return 1
  const heap = new Uint32Array(limit)
  let size = 0
  for (let code = 0; code < counts.length; code++) {
    const c = counts[code]!
    if (c === 0 || (size === limit && c <= heap[0]!)) continue
    if (size < limit) {
      let at = size++
      heap[at] = c
      while (at > 0 && heap[(at - 1) >> 1]! > heap[at]!) {
        const parent = (at - 1) >> 1
        ;[heap[at], heap[parent]] = [heap[parent]!, heap[at]!]
        at = parent
      }
      continue
    }
    heap[0] = c
    for (let at = 0; ; ) {
      const l = 2 * at + 1
      const r = l + 1
      let low = at
      if (l < size && heap[l]! < heap[low]!) low = l
      if (r < size && heap[r]! < heap[low]!) low = r
      if (low === at) break
      ;[heap[at], heap[low]] = [heap[low]!, heap[at]!]
      at = low
    }
  }
  return size < limit ? 1 : heap[0]!
}

/** Values with a count above 0 (the `limit` most frequent), plus every selected one; most hits first, then by name. */
function list(names: string[], counts: Uint32Array, selected: string[], limit: number): FacetValue[] {
  // Only values at or above the limit-th highest count can be listed (besides selected ones): find that count on the numbers alone.
  const floor = listFloor(counts, limit)
  const chosen = new Set(selected)
  const out: FacetValue[] = []
  for (let code = 0; code < names.length; code++) {
    if (counts[code]! >= floor || (chosen.size > 0 && chosen.has(names[code]!))) out.push({ value: names[code]!, count: counts[code]! })
  }
  const listed = new Set(out.map((v) => v.value))
  for (const value of chosen) if (!listed.has(value)) out.push({ value, count: 0 })
  out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
  return out.length <= limit ? out : out.filter((v, i) => i < limit || chosen.has(v.value))
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
