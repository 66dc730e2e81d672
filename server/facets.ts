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
 * The codes of every value that can be among the `limit` most frequent: those whose count (above
 * 0) reaches the `limit`-th highest, in code order. One pass: a min-heap holds the `limit`
 * highest counts seen so far, and a code is kept while its count reaches the heap's least (which
 * only rises), then the kept are held to the final least. With `byCode` (a FacetColumn's: code c
 * has byCode[c + 1] - byCode[c] paragraphs, a number that never rises with c, and its count
 * cannot exceed it) the pass stops at the first code whose paragraphs fall short of the least:
 * no later code can reach it (most of the 47,876 actors of a million paragraphs have one).
 */
export function topCodes(counts: Uint32Array, limit: number, byCode?: Uint32Array): number[] {
  const kept: number[] = []
  if (limit <= 0) return kept
  if (limit >= counts.length) {
    for (let code = 0; code < counts.length; code++) if (counts[code]! > 0) kept.push(code)
    return kept
  }
  const heap = new Uint32Array(limit)
  let size = 0
  for (let code = 0; code < counts.length; code++) {
    const c = counts[code]!
    if (size === limit && c < heap[0]!) {
      if (byCode !== undefined && byCode[code + 1]! - byCode[code]! < heap[0]!) break
      continue
    }
    if (c === 0) continue
    kept.push(code)
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
    if (c === heap[0]) continue
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
  const floor = size < limit ? 1 : heap[0]!
  let n = 0
  for (const code of kept) if (counts[code]! >= floor) kept[n++] = code
  kept.length = n
  return kept
}

/** Values with a count above 0 (the `limit` most frequent), plus every selected one; most hits first, then by name. */
function list({ names, codeOf, byCode }: { names: string[]; codeOf: ReadonlyMap<string, number>; byCode?: Uint32Array }, counts: Uint32Array, selected: string[], limit: number): FacetValue[] {
  const codes = topCodes(counts, limit, byCode)
  const out: FacetValue[] = codes.map((code) => ({ value: names[code]!, count: counts[code]! }))
  const chosen = new Set(selected)
  if (chosen.size > 0) {
    const listed = new Set(codes)
    for (const value of chosen) {
      const code = codeOf.get(value)
      if (code === undefined) out.push({ value, count: 0 })
      else if (!listed.has(code)) out.push({ value, count: counts[code]! })
    }
  }
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
    outlet: list(ctx.outlet, counts.outlet, selected.outlet, limit),
    actor: list(ctx.actor, counts.actor, selected.actor, limit).map(({ value, count }) => ({ value, count, type: index.entityByName.get(value)?.type ?? null })),
    region: list(ctx.region, counts.region, selected.region, limit).map(({ value, count }) => ({ value, count, parent: index.entityByName.get(value)?.parent ?? null })),
  }
}
