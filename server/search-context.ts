// Per-index data derived once for fast filtering, faceting and sorting: facet codes in typed arrays, region ancestry, dates, browse order.
import { dateKeyOf, type EntityColumn } from '../index-build/index-columns'
import type { LoadedIndex } from '../index-build/index-file'
import { type Article, outletFacetValue } from '../index-build/types'

/** Facet values of one kind as codes, and the paragraphs carrying each code. */
export interface FacetColumn {
  /** Value names by code: codes number the values most paragraphs first (then by name), so the counters a search touches most sit together. */
  names: string[]
  /** Code by value name. */
  codeOf: Map<string, number>
  /** Code c's paragraphs (ascending) are ordinals[byCode[c]] … ordinals[byCode[c + 1] - 1]. */
  byCode: Uint32Array
  ordinals: Uint32Array
}

/** Entries a paragraph has in FacetRows.wide: 16 two-byte entries are 32 bytes, so a wide row never straddles two cache lines. */
export const WIDE_ROW = 16
/** Slots a wide row holds in place when the rest spill (its last two entries then say where). */
export const WIDE_IN_PLACE_WHEN_SPILLED = WIDE_ROW - 3

/**
 * The rows again, each in WIDE_ROW entries at data[p * WIDE_ROW], so that a scattered hit's row is
 * found without first reading its offset (a read into another 4 MB at a million paragraphs): its
 * slot count n, then, when n < WIDE_ROW, its slots; otherwise its first WIDE_IN_PLACE_WHEN_SPILLED
 * slots, and in its last two entries the offset (low 16 bits, then high) in `spill` of the rest.
 * Only scattered hits read them: streaming dense hits, the narrow rows' fewer bytes win.
 */
export interface WideRows {
  data: Uint16Array | Uint32Array
  /** Slots of the rows too long for their entries, back to back. */
  spill: Uint16Array | Uint32Array
}

/**
 * Every facet code of each paragraph side by side, as slots of one counts array, so that counting
 * a hit is one short loop over one short stretch of memory: paragraph p's row is data[at[p]] …
 * data[at[p + 1] - 1], its outlet's slot (the outlet code), its day's slot (dayBase + day index),
 * then its actors' slots (actorBase + code) and its regions' (regionBase + code). Slots
 * 0 … slots - 1 cover every outlet, day, actor and region. Two bytes a slot when every one fits
 * (half the bytes of four, so half the memory to read per hit), else four.
 */
export interface FacetRows {
  at: Uint32Array
  data: Uint16Array | Uint32Array
  /** The same rows, one width each, for scattered hits. */
  wide: WideRows
  /** First slot of the days (day index 0, undated, included), of the actors and of the regions; slots in all. */
  dayBase: number
  actorBase: number
  regionBase: number
  slots: number
}

/** Every array of the rows (all in shared memory, where the count helper thread reads them too). */
export function facetRowArrays(rows: FacetRows): (Uint16Array | Uint32Array)[] {
  return [rows.at, rows.data, rows.wide.data, rows.wide.spill]
}

/** Number of values of each kind a FacetRows counts: outlet codes, day indexes (0 = undated included), actor and region codes. */
export interface FacetSizes {
  outlets: number
  days: number
  actors: number
  regions: number
}

/** Paragraphs by code, from paragraphs' codes (a counting sort, so each code's list comes out ascending). */
function invert(names: number, offsets: Uint32Array, values: Uint32Array): { byCode: Uint32Array; ordinals: Uint32Array } {
  const byCode = new Uint32Array(names + 1)
  for (let k = 0; k < values.length; k++) byCode[values[k]! + 1]!++
  for (let c = 0; c < names; c++) byCode[c + 1]! += byCode[c]!
  const fill = byCode.slice(0, names)
  const ordinals = new Uint32Array(values.length)
  for (let p = 0; p + 1 < offsets.length; p++) for (let k = offsets[p]!; k < offsets[p + 1]!; k++) ordinals[fill[values[k]!]!++] = p
  return { byCode, ordinals }
}

/** Everything search needs beyond the term index, indexed by paragraph ordinal. */
export interface SearchContext {
  /** Each paragraph's article. */
  articleOf: (ordinal: number) => Article
  /** Outlet facet values (a paragraph's code is in its facet row). */
  outlet: { names: string[]; codeOf: Map<string, number> }
  /** Actors mentioned. */
  actor: FacetColumn
  /** Regions mentioned, each with all its broader regions (so a region filter includes the places inside it). */
  region: FacetColumn
  /** The distinct article dates (YYYYMMDD), ascending; a paragraph's day index (in its facet row) is 0 when undated, k for days[k - 1]. */
  days: Uint32Array
  /** Each paragraph's outlet, day, actor and region codes. */
  rows: FacetRows
  /** Ordinals newest first (unknown dates last), then by paragraph id: the browse order. */
  byDate: Uint32Array
  /** Rank of each ordinal in `byDate` (smaller = newer), for sorting hits by date. */
  dateRank: Uint32Array
  /** Number of paragraphs mentioning each entity (suggestion ranking). */
  mentionCount: Map<string, number>
}

const cache = new WeakMap<LoadedIndex, SearchContext>()

/** A facet column over the names some entity indexes stand for (codes number the names actually used, most paragraphs first, then by name), and each paragraph's codes (paragraph p's are values[offsets[p]] … values[offsets[p + 1] - 1]). */
function facetColumn(rows: EntityColumn, namesOfEntity: (entity: number) => string[]): { column: FacetColumn; offsets: Uint32Array; values: Uint32Array } {
  const n = rows.offsets.length - 1
  const tags = rows.values
  // Entities used, flagged by index (typed arrays throughout: a million paragraphs carry millions of tags).
  let entities = 0
  for (let k = 0; k < tags.length; k++) if (tags[k]! >= entities) entities = tags[k]! + 1
  const used = new Uint8Array(entities)
  for (let k = 0; k < tags.length; k++) used[tags[k]!] = 1
  const namesOf = new Map<number, string[]>()
  for (let e = 0; e < entities; e++) if (used[e]) namesOf.set(e, namesOfEntity(e))
  const names = [...new Set([...namesOf.values()].flat())].sort()
  const codeOf = new Map(names.map((name, code) => [name, code]))
  // Each entity's codes: entityCodes[codeStart[e]] … entityCodes[codeStart[e + 1] - 1].
  const codeStart = new Uint32Array(entities + 1)
  for (let e = 0; e < entities; e++) codeStart[e + 1] = codeStart[e]! + (namesOf.get(e)?.length ?? 0)
  const entityCodes = new Uint32Array(codeStart[entities]!)
  for (const [e, list] of namesOf) list.forEach((name, i) => (entityCodes[codeStart[e]! + i] = codeOf.get(name)!))
  let most = 0
  for (let k = 0; k < tags.length; k++) most += codeStart[tags[k]! + 1]! - codeStart[tags[k]!]!
  // Each code once per row: `lastRow[code] === p` marks codes already written for row p.
  const lastRow = new Int32Array(names.length).fill(-1)
  const offsets = new Uint32Array(n + 1)
  const written = new Uint32Array(most)
  let w = 0
  for (let p = 0; p < n; p++) {
    offsets[p] = w
    for (let k = rows.offsets[p]!, end = rows.offsets[p + 1]!; k < end; k++) {
      for (let c = codeStart[tags[k]!]!, last = codeStart[tags[k]! + 1]!; c < last; c++) {
        const code = entityCodes[c]!
        if (lastRow[code] === p) continue
        lastRow[code] = p
        written[w++] = code
      }
    }
  }
  offsets[n] = w
  const codes = w === most ? written : written.slice(0, w)
  // Number the names again, most paragraphs first: counting a hit increments its codes' counters, and the counters of frequent values then share a few cache lines.
  const paragraphs = new Uint32Array(names.length)
  for (let k = 0; k < codes.length; k++) paragraphs[codes[k]!]!++
  const byFrequency = Array.from(names.keys()).sort((a, b) => paragraphs[b]! - paragraphs[a]! || a - b)
  const renumbered = new Uint32Array(names.length)
  byFrequency.forEach((code, rank) => (renumbered[code] = rank))
  for (let k = 0; k < codes.length; k++) codes[k] = renumbered[codes[k]!]!
  const ranked = byFrequency.map((code) => names[code]!)
  return { column: { names: ranked, codeOf: new Map(ranked.map((name, code) => [name, code])), ...invert(ranked.length, offsets, codes) }, offsets, values: codes }
}

/** The facet rows of n paragraphs from their outlet and day codes and their actor and region codes, each below its size. */
export function facetRows(outletOf: Uint32Array, dayOf: Uint32Array, actors: { offsets: Uint32Array; values: Uint32Array }, regions: { offsets: Uint32Array; values: Uint32Array }, sizes: FacetSizes): FacetRows {
  const n = outletOf.length
  const dayBase = sizes.outlets
  const actorBase = dayBase + sizes.days
  const regionBase = actorBase + sizes.actors
  const slots = regionBase + sizes.regions
  // In shared memory, so that a helper thread can count rows too (count-helper.ts).
  const at = new Uint32Array(new SharedArrayBuffer(4 * (n + 1)))
  const size = 2 * n + actors.values.length + regions.values.length
  const data = slots <= 0x10000 ? new Uint16Array(new SharedArrayBuffer(2 * size)) : new Uint32Array(new SharedArrayBuffer(4 * size))
  const slot = (code: number, base: number, size: number) => {
    if (code >= size) throw new RangeError(`facet rows: code ${code} is not below ${size}`)
    return base + code
  }
  let w = 0
  for (let p = 0; p < n; p++) {
    at[p] = w
    data[w++] = slot(outletOf[p]!, 0, sizes.outlets)
    data[w++] = slot(dayOf[p]!, dayBase, sizes.days)
    for (let k = actors.offsets[p]!; k < actors.offsets[p + 1]!; k++) data[w++] = slot(actors.values[k]!, actorBase, sizes.actors)
    for (let k = regions.offsets[p]!; k < regions.offsets[p + 1]!; k++) data[w++] = slot(regions.values[k]!, regionBase, sizes.regions)
  }
  at[n] = w
  return { at, data, wide: wideRows(at, data), dayBase, actorBase, regionBase, slots }
}

/** The wide form of rows given by offsets and slots. */
function wideRows(at: Uint32Array, rows: Uint16Array | Uint32Array): WideRows {
  const n = at.length - 1
  let spilled = 0
  let longest = 0
  for (let p = 0; p < n; p++) {
    const count = at[p + 1]! - at[p]!
    longest = Math.max(longest, count)
    if (count >= WIDE_ROW) spilled += count - WIDE_IN_PLACE_WHEN_SPILLED
  }
  // In shared memory, like the narrow rows.
  const twoBytes = rows instanceof Uint16Array && longest < 0x10000
  const entries = (length: number) => (twoBytes ? new Uint16Array(new SharedArrayBuffer(2 * length)) : new Uint32Array(new SharedArrayBuffer(4 * length)))
  const data = entries(n * WIDE_ROW)
  const spill = entries(spilled)
  let spillAt = 0
  for (let p = 0; p < n; p++) {
    const from = at[p]!
    const count = at[p + 1]! - from
    const b = p * WIDE_ROW
    data[b] = count
    const inPlace = count < WIDE_ROW ? count : WIDE_IN_PLACE_WHEN_SPILLED
    for (let k = 0; k < inPlace; k++) data[b + 1 + k] = rows[from + k]!
    if (inPlace === count) continue
    data[b + WIDE_ROW - 2] = spillAt % 0x10000
    data[b + WIDE_ROW - 1] = Math.floor(spillAt / 0x10000)
    for (let k = inPlace; k < count; k++) spill[spillAt++] = rows[from + k]!
  }
  return { data, spill }
}

/** Where the spilled slots of the wide row at entry `b` start in `spill` (for a row of WIDE_ROW slots or more). */
export function spillOffset(data: Uint16Array | Uint32Array, b: number): number {
  return data[b + WIDE_ROW - 2]! + data[b + WIDE_ROW - 1]! * 0x10000
}

/** Every slot of paragraph p's wide row, in order (for tests: counting reads rows in place). */
export function wideRowSlots({ wide: { data, spill } }: FacetRows, p: number): number[] {
  const b = p * WIDE_ROW
  const n = data[b]!
  if (n < WIDE_ROW) return [...data.subarray(b + 1, b + 1 + n)]
  const at = spillOffset(data, b)
  return [...data.subarray(b + 1, b + 1 + WIDE_IN_PLACE_WHEN_SPILLED), ...spill.subarray(at, at + n - WIDE_IN_PLACE_WHEN_SPILLED)]
}

/** The search context of an index, built on first use and kept as long as the index is. */
export function searchContext(index: LoadedIndex): SearchContext {
  const known = cache.get(index)
  if (known) return known
  const { articles, entities, columns } = index
  const n = columns.article.length
  const outletNames = [...new Set(articles.map(outletFacetValue))].sort()
  const outletCode = new Map(outletNames.map((name, code) => [name, code]))
  const articleOutlet = Uint32Array.from(articles, (a) => outletCode.get(outletFacetValue(a))!)
  const articleDate = Uint32Array.from(articles, (a) => dateKeyOf(a.date))
  const outletCodes = new Uint32Array(n)
  for (let p = 0; p < n; p++) outletCodes[p] = articleOutlet[columns.article[p]!]!
  const days = Uint32Array.from(new Set(articleDate.filter((key) => key > 0))).sort()
  const dayIndex = new Map([...days].map((key, k) => [key, k + 1]))
  const articleDay = Uint32Array.from(articleDate, (key) => (key === 0 ? 0 : dayIndex.get(key)!))
  const dayOf = new Uint32Array(n)
  for (let p = 0; p < n; p++) dayOf[p] = articleDay[columns.article[p]!]!
  const withAncestors = (entity: number): string[] => {
    const name = entities[entity]!.name
    const chain = [name]
    const seen = new Set(chain)
    for (let p = index.entityByName.get(name)?.parent ?? null; p !== null && !seen.has(p); p = index.entityByName.get(p)?.parent ?? null) {
      chain.push(p)
      seen.add(p)
    }
    return chain
  }
  const dateRank = new Uint32Array(n)
  for (let rank = 0; rank < n; rank++) dateRank[columns.byDate[rank]!] = rank
  // Paragraphs mentioning each entity as actor or region (once when it is both).
  const mentions = new Uint32Array(entities.length)
  const lastParagraph = new Int32Array(entities.length).fill(-1)
  const countRow = ({ offsets, values }: EntityColumn, p: number) => {
    for (let k = offsets[p]!; k < offsets[p + 1]!; k++) {
      const e = values[k]!
      if (lastParagraph[e] !== p) {
        lastParagraph[e] = p
        mentions[e]!++
      }
    }
  }
  for (let p = 0; p < n; p++) {
    countRow(columns.actors, p)
    countRow(columns.regions, p)
  }
  const mentionCount = new Map<string, number>()
  mentions.forEach((count, e) => count > 0 && mentionCount.set(entities[e]!.name, count))
  const actor = facetColumn(columns.actors, (e) => [entities[e]!.name])
  const region = facetColumn(columns.regions, withAncestors)
  const context: SearchContext = {
    articleOf: (ordinal) => articles[columns.article[ordinal]!]!,
    outlet: { names: outletNames, codeOf: outletCode },
    actor: actor.column,
    region: region.column,
    days,
    rows: facetRows(outletCodes, dayOf, actor, region, { outlets: outletNames.length, days: days.length + 1, actors: actor.column.names.length, regions: region.column.names.length }),
    byDate: columns.byDate,
    dateRank,
    mentionCount,
  }
  cache.set(index, context)
  return context
}
