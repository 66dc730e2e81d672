// Filters candidate hits by date, exclusion, tags and outlet, and counts every facet value over those that pass, in one pass over their facet rows.
import type { FacetRows } from './search-context'

/** Hits fewer than 1 in this many paragraphs are "scattered": their rows are fetched ahead. */
const SPARSE_FRACTION = 8

/** What a hit must satisfy. */
export interface HitFilter {
  /** Day indexes allowed, inclusive (ignored unless `dateLimited`). */
  firstDay: number
  lastDay: number
  dateLimited: boolean
  /** 1 per ordinal left out by the query's exclusions (null: none). */
  excluded: Uint8Array | null
  /** 1 per ordinal carrying every selected actor and region (null: no tag filter). */
  tagged: Uint8Array | null
  /** 1 per outlet code allowed. */
  outletAllowed: Uint8Array
}

/** Counts per code of each facet, and per day index (0 = undated): views of one array of counts by slot (`all`), in a FacetRows' slot order. */
export interface HitCounts {
  all: Uint32Array
  outlet: Uint32Array
  actor: Uint32Array
  region: Uint32Array
  day: Uint32Array
}

/** Zero counts for every slot of the rows. */
export function emptyCounts({ dayBase, actorBase, regionBase, slots }: FacetRows): HitCounts {
  const all = new Uint32Array(slots)
  return { all, outlet: all.subarray(0, dayBase), day: all.subarray(dayBase, actorBase), actor: all.subarray(actorBase, regionBase), region: all.subarray(regionBase, slots) }
}

/**
 * Positions in `ordinals` of the hits passing `filter`, in order, with `counts` incremented for
 * each: outlets count hits passing every filter but the outlet one (so the facet shows what
 * choosing another outlet would give); actors, regions and days count the hits kept.
 */
export function filterAndCount(ordinals: Uint32Array, rows: FacetRows, filter: HitFilter, counts: HitCounts): Uint32Array {
  const { at: rowAt, data: row, dayBase } = rows
  const { firstDay, lastDay, dateLimited, excluded, tagged, outletAllowed } = filter
  const all = counts.all
  if (ordinals.length * SPARSE_FRACTION < rowAt.length) fetchRows(ordinals, rows)
  const kept = new Uint32Array(ordinals.length)
  let n = 0
  for (let i = 0; i < ordinals.length; i++) {
    const p = ordinals[i]!
    if (excluded !== null && excluded[p] === 1) continue
    if (tagged !== null && tagged[p] === 0) continue
    const at = rowAt[p]!
    const day = row[at + 1]! - dayBase
    if (dateLimited && (day < firstDay || day > lastDay)) continue
    // The outlet's slot is its code, first in the row.
    const outlet = row[at]!
    all[outlet]!++
    if (outletAllowed[outlet] === 0) continue
    kept[n++] = i
    for (let k = at + 1, end = rowAt[p + 1]!; k < end; k++) all[row[k]!]!++
  }
  return kept.subarray(0, n)
}

/**
 * Counts every facet value over hits that nothing filters: `filterAndCount` under an open filter,
 * without its tests, and keeping every hit (returns positions 0 … n - 1, a view of `positions`).
 */
export function countAll(ordinals: Uint32Array, rows: FacetRows, counts: HitCounts, positions: Uint32Array): Uint32Array {
  const { at: rowAt, data: row } = rows
  const all = counts.all
  if (ordinals.length * SPARSE_FRACTION < rowAt.length) fetchRows(ordinals, rows)
  for (let i = 0; i < ordinals.length; i++) {
    const p = ordinals[i]!
    for (let k = rowAt[p]!, end = rowAt[p + 1]!; k < end; k++) all[row[k]!]!++
  }
  return positions.subarray(0, ordinals.length)
}

/** Sets `to` to the counts in `from` (counts of the same rows). */
export function copyCounts(from: HitCounts, to: HitCounts): void {
  to.all.set(from.all)
}

/** What the last fetchRows read, kept so the compiler cannot drop its loads as unused. */
let fetched = 0

/**
 * Brings scattered hits' rows into the cache: each is a cache miss, and in these two loops no load
 * waits on another, so the processor overlaps the misses (one measurement, in commit 2fb8f05: cold
 * 4,400-hit lists at 1M took ~0.8 ms instead of ~1.6 ms met one by one in the branchy counting
 * loop). Dense hits share cache lines and need no such pass.
 */
function fetchRows(ordinals: Uint32Array, { at: rowAt, data: row }: FacetRows): void {
  const starts = new Uint32Array(ordinals.length)
  for (let i = 0; i < ordinals.length; i++) starts[i] = rowAt[ordinals[i]!]!
  let sum = fetched
  for (let i = 0; i < starts.length; i++) sum += row[starts[i]!]!
  fetched = sum & 0xffff
}

/**
 * Counts over the hits when nothing filters them and they are most of the index: every
 * paragraph's counts (`everyParagraph`) less those of the paragraphs that are not hits. The
 * result is exactly `filterAndCount`'s under an open filter, but it reads the rows of the fewer
 * paragraphs: a word in 900,000 of a million paragraphs reads 100,000 rows, not 900,000.
 * `ordinals` must be ascending and distinct; returns positions 0 … n - 1 (every hit is kept),
 * as a view of `positions` (0, 1, 2, …, never written to).
 */
export function countByComplement(ordinals: Uint32Array, rows: FacetRows, everyParagraph: HitCounts, counts: HitCounts, positions: Uint32Array): Uint32Array {
  const { at: rowAt, data: row } = rows
  const all = counts.all
  copyCounts(everyParagraph, counts)
  const paragraphs = rowAt.length - 1
  let next = 0
  for (let i = 0; i <= ordinals.length; i++) {
    // The paragraphs between this hit and the one before are not hits: take their rows off (they lie back to back).
    const hit = i < ordinals.length ? ordinals[i]! : paragraphs
    for (let k = rowAt[next]!, end = rowAt[hit]!; k < end; k++) all[row[k]!]!--
    next = hit + 1
  }
  return positions.subarray(0, ordinals.length)
}
