// Filters candidate hits by date, exclusion, tags and outlet, and counts every facet value over those that pass, in one pass over their facet rows.
import { type FacetRows, spillOffset, WIDE_IN_PLACE_WHEN_SPILLED, WIDE_ROW } from './search-context'

/** The rows counting reads: narrow (dense and scattered hits) and wide (sparse hits). */
export type CountedRows = Pick<FacetRows, 'at' | 'data' | 'wide'>

/** What a shared count does with the hits' rows. */
export type CountKind = 'add' | 'scattered' | 'sparse' | 'gaps'

/** Counts a hit list's rows on more than one thread: true when it did (into `all`), false when the caller should count alone. */
export interface ParallelCounter {
  /** 'add': add the rows of the hits; 'scattered' and 'sparse': the same for hits far apart and farther (see addScatteredRows, addSparseRows); 'gaps': take off the rows of the paragraphs that are not hits (see subtractGaps). */
  count(kind: CountKind, hits: Uint32Array, rows: FacetRows, all: Uint32Array): boolean
}

/** Hits fewer than 1 in this many paragraphs are "scattered": their rows are fetched ahead. */
const SPARSE_FRACTION = 8
/** Hits fewer than 1 in this many paragraphs are counted from the wide rows (measured at 1M: 16–27% faster for 10,000–22,000 hits; one width for every list was slower from ~57,000). */
const WIDE_FRACTION = 32

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

/** Adds 1 to the counter of every slot of the wide row at entry `b`, from its slot `from` (below WIDE_IN_PLACE_WHEN_SPILLED) on. */
function addWideRow(all: Uint32Array, data: Uint16Array | Uint32Array, spill: Uint16Array | Uint32Array, b: number, from: number): void {
  const n = data[b]!
  if (n < WIDE_ROW) {
    for (let k = b + 1 + from, end = b + 1 + n; k < end; k++) all[data[k]!]!++
    return
  }
  for (let k = b + 1 + from, end = b + 1 + WIDE_IN_PLACE_WHEN_SPILLED; k < end; k++) all[data[k]!]!++
  const at = spillOffset(data, b)
  for (let k = at, end = at + n - WIDE_IN_PLACE_WHEN_SPILLED; k < end; k++) all[spill[k]!]!++
}

/**
 * Positions in `ordinals` of the hits passing `filter`, in order, with `counts` incremented for
 * each: outlets count hits passing every filter but the outlet one (so the facet shows what
 * choosing another outlet would give); actors, regions and days count the hits kept.
 */
export function filterAndCount(ordinals: Uint32Array, rows: FacetRows, filter: HitFilter, counts: HitCounts): Uint32Array {
  const { at: rowAt, data: row, dayBase } = rows
  const { data: wide, spill } = rows.wide
  const { firstDay, lastDay, dateLimited, excluded, tagged, outletAllowed } = filter
  const all = counts.all
  const useWide = ordinals.length * WIDE_FRACTION < rowAt.length
  if (ordinals.length * SPARSE_FRACTION < rowAt.length) fetchRows(ordinals, 0, ordinals.length, rows, useWide)
  const kept = new Uint32Array(ordinals.length)
  let n = 0
  for (let i = 0; i < ordinals.length; i++) {
    const p = ordinals[i]!
    if (excluded !== null && excluded[p] === 1) continue
    if (tagged !== null && tagged[p] === 0) continue
    // The outlet's slot is its code, first in the row; the day's is next.
    const at = useWide ? p * WIDE_ROW + 1 : rowAt[p]!
    const outlet = useWide ? wide[at]! : row[at]!
    const day = (useWide ? wide[at + 1]! : row[at + 1]!) - dayBase
    if (dateLimited && (day < firstDay || day > lastDay)) continue
    all[outlet]!++
    if (outletAllowed[outlet] === 0) continue
    kept[n++] = i
    if (useWide) addWideRow(all, wide, spill, at - 1, 1)
    else for (let k = at + 1, end = rowAt[p + 1]!; k < end; k++) all[row[k]!]!++
  }
  return kept.subarray(0, n)
}

/**
 * Counts every facet value over hits that nothing filters: `filterAndCount` under an open filter,
 * without its tests, and keeping every hit (returns positions 0 … n - 1, a view of `positions`).
 * With a `helper`, a large count may be shared with another thread.
 */
export function countAll(ordinals: Uint32Array, rows: FacetRows, counts: HitCounts, positions: Uint32Array, helper: ParallelCounter | null = null): Uint32Array {
  const paragraphs = rows.at.length - 1
  const all = counts.all
  if (ordinals.length * WIDE_FRACTION < paragraphs) {
    if (!helper?.count('sparse', ordinals, rows, all)) addSparseRows(ordinals, 0, ordinals.length, rows, all)
  } else if (ordinals.length * SPARSE_FRACTION < paragraphs) {
    if (!helper?.count('scattered', ordinals, rows, all)) addScatteredRows(ordinals, 0, ordinals.length, rows, all)
  } else if (!helper?.count('add', ordinals, rows, all)) {
    addRows(ordinals, 0, ordinals.length, rows, all)
  }
  return positions.subarray(0, ordinals.length)
}

/** Adds 1 to the counter of every slot of the rows of hits[from] … hits[to - 1]. */
export function addRows(hits: Uint32Array, from: number, to: number, { at: rowAt, data: row }: CountedRows, all: Uint32Array): void {
  for (let i = from; i < to; i++) {
    const p = hits[i]!
    for (let k = rowAt[p]!, end = rowAt[p + 1]!; k < end; k++) all[row[k]!]!++
  }
}

/** addRows for sparse hits (fewer than 1 in WIDE_FRACTION paragraphs), from the wide rows (one read finds a row), fetched first. */
export function addSparseRows(hits: Uint32Array, from: number, to: number, rows: CountedRows, all: Uint32Array): void {
  fetchRows(hits, from, to, rows, true)
  const { data, spill } = rows.wide
  for (let i = from; i < to; i++) addWideRow(all, data, spill, hits[i]! * WIDE_ROW, 0)
}

/** addRows for scattered hits (fewer than 1 in SPARSE_FRACTION paragraphs), their rows fetched first. */
export function addScatteredRows(hits: Uint32Array, from: number, to: number, rows: CountedRows, all: Uint32Array): void {
  fetchRows(hits, from, to, rows, false)
  addRows(hits, from, to, rows, all)
}

/**
 * Takes 1 off the counter of every slot of the rows of the paragraphs that are not hits among the
 * first n hits (ascending, distinct): those just before each of hits[from] … hits[to - 1], and,
 * with `tail`, those after hits[n - 1]. Chunks of hits with the tail in one of them take off
 * every non-hit's row once.
 */
export function subtractGaps(hits: Uint32Array, n: number, from: number, to: number, tail: boolean, { at: rowAt, data: row }: CountedRows, all: Uint32Array): void {
  let next = from === 0 ? 0 : hits[from - 1]! + 1
  for (let i = from; i < to; i++) {
    // The paragraphs between this hit and the one before lie back to back.
    const hit = hits[i]!
    for (let k = rowAt[next]!, end = rowAt[hit]!; k < end; k++) all[row[k]!]!--
    next = hit + 1
  }
  if (!tail) return
  for (let k = rowAt[n === 0 ? 0 : hits[n - 1]! + 1]!, end = rowAt[rowAt.length - 1]!; k < end; k++) all[row[k]!]!--
}

/** Sets `to` to the counts in `from` (counts of the same rows). */
export function copyCounts(from: HitCounts, to: HitCounts): void {
  to.all.set(from.all)
}

/** What the last fetchRows read, kept so the compiler cannot drop its loads as unused. */
let fetched = 0

/**
 * Brings the rows of scattered hits[from] … hits[to - 1] into the cache (their wide rows, or their
 * narrow rows' offsets, then the rows): each is a cache miss, and in these loops no load waits on
 * another, so the processor overlaps the misses (one measurement, in commit 2fb8f05: cold
 * 4,400-hit lists at 1M took ~0.8 ms instead of ~1.6 ms met one by one in the branchy counting
 * loop). The second narrow loop finds the offsets in the cache. Dense hits share cache lines and
 * need no such pass.
 */
function fetchRows(hits: Uint32Array, from: number, to: number, { at: rowAt, data: row, wide }: CountedRows, useWide: boolean): void {
  let sum = fetched
  if (useWide) {
    for (let i = from; i < to; i++) sum += wide.data[hits[i]! * WIDE_ROW]!
  } else {
    for (let i = from; i < to; i++) sum += rowAt[hits[i]!]!
    for (let i = from; i < to; i++) sum += row[rowAt[hits[i]!]!]!
  }
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
export function countByComplement(ordinals: Uint32Array, rows: FacetRows, everyParagraph: HitCounts, counts: HitCounts, positions: Uint32Array, helper: ParallelCounter | null = null): Uint32Array {
  copyCounts(everyParagraph, counts)
  if (!helper?.count('gaps', ordinals, rows, counts.all)) subtractGaps(ordinals, ordinals.length, 0, ordinals.length, true, rows, counts.all)
  return positions.subarray(0, ordinals.length)
}
