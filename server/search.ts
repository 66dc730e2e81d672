// Runs a parsed query with filters over an index: matching and scoring (MiniSearch's query tree and scoring), phrase and exclusion checks, filters, counts for every facet and the date timeline.
import type { Query } from 'minisearch'
import type { LoadedIndex } from '../index-build/index-file'
import { indexTerms } from '../index-build/index-options'
import { evaluateQuery, matchedTerms } from './evaluate-query'
import { expandTerm } from './expand-terms'
import { orderFirst } from './order-first'
import { phraseCandidates, phraseTest } from './phrase-positions'
import { firstAtOrAfter, intersectDocs, postingsWithin } from './sorted-lists'
import type { ParsedQuery, QueryItem } from './query-parse'
import { copyCounts, countAll, countByComplement, emptyCounts, filterAndCount, type HitCounts, type HitFilter, type ParallelCounter } from './count-hits'
import { type FacetColumn, type SearchContext, searchContext } from './search-context'

/** Filters and ordering of a search. */
export interface SearchFilters {
  /** Outlet facet values; a hit's outlet must be one of them (none = any). */
  outlet: string[]
  /** Actors; a hit must mention all of them. */
  actor: string[]
  /** Regions; a hit must mention each of them or a place inside it. */
  region: string[]
  /** Earliest article date, YYYY-MM-DD; undated articles are left out when set. */
  from: string | null
  /** Latest article date, YYYY-MM-DD; undated articles are left out when set. */
  to: string | null
  /** Order of hits; default relevance with a query, date without. */
  sort: 'relevance' | 'date' | null
}

/** All hits of a search, in order, with what each facet value would give. */
export interface SearchOutcome {
  /** Number of hits. */
  total: number
  /** The first `ordered` hits' ordinals, in result order. */
  ordinals: Uint32Array
  /** Score per hit (same order); 0 when browsing. */
  scores: Float64Array
  /** Index terms each of the first `ordered` hits matched (for highlighting), by ordinal. */
  matchedTerms: Map<number, string[]>
  /** Counts per code, over hits passing every filter but the outlet one. */
  outletCounts: Uint32Array
  /** Counts per actor code over the hits. */
  actorCounts: Uint32Array
  /** Counts per region code (places inside a region count for it) over the hits. */
  regionCounts: Uint32Array
  /** Hits per day index: 0 for hits with no article date, k for those dated `days[k - 1]`. */
  dayCounts: Uint32Array
  /** The distinct article dates (YYYYMMDD), ascending. */
  days: Uint32Array
  /** The order used. */
  sort: 'relevance' | 'date'
}

const FIELD_BOOST = { text: 1, entities: 1, title: 0.5, section: 0.5 }
/** Weight of a typo correction and of a completion relative to an exact match (MiniSearch's own defaults). */
const FUZZY_WEIGHT = 0.45
const PREFIX_WEIGHT = 0.375

/** The MiniSearch query for one item: each word matches its expansions (exact, typo corrections, completions), words ANDed; exclusions are exact. */
function itemQuery(index: LoadedIndex, item: QueryItem, exact: boolean): Query {
  if (item.kind === 'phrase') return { queries: [item.words.join(' ')], combineWith: 'AND', prefix: false, fuzzy: false }
  const words = indexTerms(item.text)
  return {
    combineWith: 'AND',
    queries: words.map((word, k) => {
      if (exact) return word
      const expansions = expandTerm(index.vocabulary, word, item.prefix && k === words.length - 1)
      if (expansions.length === 0) return word
      const weight = new Map(
        expansions.map((e) => [e.term, e.prefix ? (PREFIX_WEIGHT * word.length) / e.term.length : e.distance > 0 ? (FUZZY_WEIGHT * word.length) / (word.length + e.distance) : 1]),
      )
      return { combineWith: 'OR', queries: expansions.map((e) => e.term), boostTerm: (term: string) => weight.get(term) ?? 1 }
    }),
  }
}

/** Codes of the selected values; an unknown value gets -1 (it matches nothing). */
const codesOf = (values: string[], codeOf: Map<string, number>) => values.map((v) => codeOf.get(v) ?? -1)

/**
 * Paragraphs carrying every selected code of both columns, ascending: the intersection of the
 * codes' inverted lists, shortest first. An unknown code (-1) matches nothing.
 */
function taggedWithAll(selections: { column: FacetColumn; codes: number[] }[]): Uint32Array {
  const lists: Uint32Array[] = []
  for (const { column, codes } of selections) {
    for (const code of codes) lists.push(code < 0 ? new Uint32Array(0) : column.ordinals.subarray(column.byCode[code]!, column.byCode[code + 1]!))
  }
  lists.sort((a, b) => a.length - b.length)
  return lists.reduce((both, list) => intersectDocs(both, list))
}

/** A score of 0 for each of the index's paragraphs, per index (never written to): browsing scores nothing. */
const zeros = new WeakMap<SearchContext, Float64Array>()

/** The first `count` of the index's zero scores. */
function zeroScores(ctx: SearchContext, count: number): Float64Array {
  let all = zeros.get(ctx)
  if (!all) zeros.set(ctx, (all = new Float64Array(ctx.byDate.length)))
  return all.subarray(0, count)
}

/** Per index (never written to once stored): the counts over every paragraph, and the positions 0, 1, 2, … of as many. */
const wholeIndex = new WeakMap<SearchContext, { counts: HitCounts; positions: Uint32Array }>()

/** The counts over every paragraph of the index (what the landing page shows), computed once per index. */
export function wholeIndexCounts(ctx: SearchContext): { counts: HitCounts; positions: Uint32Array } {
  let known = wholeIndex.get(ctx)
  if (!known) {
    const counts = emptyCounts(ctx.rows)
    const open: HitFilter = { dateLimited: false, firstDay: 1, lastDay: ctx.days.length, excluded: null, tagged: null, outletAllowed: new Uint8Array(ctx.outlet.names.length).fill(1) }
    // Every paragraph passes an open filter, so the positions kept are 0, 1, 2, …
    const positions = filterAndCount(ctx.byDate, ctx.rows, open, counts)
    wholeIndex.set(ctx, (known = { counts, positions }))
  }
  return known
}

/** Date key (YYYYMMDD) of a YYYY-MM-DD string. */
const keyOf = (date: string) => Number(date.replaceAll('-', ''))

/** Candidate hits before filters: ordinals (ascending, or browse order), scores and what each matched. */
interface Candidates {
  ordinals: Uint32Array
  scores: Float64Array
  /** Query terms hit i matched. */
  termsOf: (i: number) => string[]
}

/** Matches the query's clauses: MiniSearch's query tree over the term index, then phrase clauses checked on word positions. */
function matchClauses(index: LoadedIndex, query: ParsedQuery): Candidates {
  const tree: Query = {
    combineWith: 'AND',
    queries: query.clauses.map((clause) => (clause.length === 1 ? itemQuery(index, clause[0]!, false) : { combineWith: 'OR', queries: clause.map((i) => itemQuery(index, i, false)) })),
  }
  // A clause that is one phrase bounds the hits to the paragraphs its common pairs stand in: scoring looks only there, and a bound that is exact answers its clause.
  let within: Uint32Array | null = null
  const answered = new Set<QueryItem[]>()
  const bounded = new Set<QueryItem[]>()
  for (const clause of query.clauses) {
    const item = clause[0]!
    if (clause.length !== 1 || item.kind !== 'phrase') continue
    const bound = phraseCandidates(index.terms, indexTerms(item.words.join(' ')), index.commonPairs)
    if (!bound) continue
    within = within ? intersectDocs(within, bound.docs) : bound.docs
    bounded.add(clause)
    if (bound.exact) answered.add(clause)
  }
  const evaluation = evaluateQuery(index.terms, tree, { boost: FIELD_BOOST }, within)
  const phraseClauses = query.clauses.filter((clause) => !answered.has(clause) && clause.some((i) => i.kind === 'phrase'))
  if (phraseClauses.length === 0 && within === null) return { ordinals: evaluation.docs, scores: evaluation.scores, termsOf: (i) => matchedTerms(evaluation, i) }
  // Every hit lies inside the bound; then a clause with a phrase passes on the phrase at consecutive positions, or on one of its other words' own terms having matched.
  let keep = within ? postingsWithin(evaluation.docs, 0, evaluation.docs.length, within) : Uint32Array.from(evaluation.docs.keys())
  if (phraseClauses.length > 0) {
    // Hits are already inside a bounded clause's pairs: its phrase is checked on positions alone.
    const tests = phraseClauses.map((clause) =>
      clause.map((item) => {
        if (item.kind === 'phrase') return phraseTest(index.terms, indexTerms(item.words.join(' ')), bounded.has(clause) ? undefined : index.commonPairs)
        const bits = indexTerms(item.text).map((t) => evaluation.terms.indexOf(t)).filter((bit) => bit >= 0)
        return (_ordinal: number, i: number) => bits.some((bit) => (evaluation.masks[i * evaluation.width + (bit >>> 5)]! >>> (bit & 31)) & 1)
      }),
    )
    let n = 0
    for (let k = 0; k < keep.length; k++) if (passesEvery(tests, evaluation.docs[keep[k]!]!, keep[k]!)) keep[n++] = keep[k]!
    keep = keep.subarray(0, n)
  }
  const n = keep.length
  const ordinals = new Uint32Array(n)
  const scores = new Float64Array(n)
  for (let k = 0; k < n; k++) {
    ordinals[k] = evaluation.docs[keep[k]!]!
    scores[k] = evaluation.scores[keep[k]!]!
  }
  return { ordinals, scores, termsOf: (k) => matchedTerms(evaluation, keep[k]!) }
}

/** True when, in every clause, some test passes for the hit (ordinal, position i among the evaluation's hits). */
function passesEvery(clauses: ((ordinal: number, i: number) => boolean)[][], ordinal: number, i: number): boolean {
  for (let c = 0; c < clauses.length; c++) {
    const tests = clauses[c]!
    let passed = false
    for (let t = 0; t < tests.length && !passed; t++) passed = tests[t]!(ordinal, i)
    if (!passed) return false
  }
  return true
}

/** The ordinals the excluded items match, marked 1 (words through the index, exact; phrases on positions among the paragraphs holding all their words). */
function excludedOrdinals(index: LoadedIndex, excluded: QueryItem[]): Uint8Array {
  const out = new Uint8Array(index.terms.documentCount)
  const words = excluded.filter((i) => i.kind === 'word')
  if (words.length > 0) for (const ordinal of evaluateQuery(index.terms, { combineWith: 'OR', queries: words.map((w) => itemQuery(index, w, true)) }).docs) out[ordinal] = 1
  for (const item of excluded) {
    if (item.kind !== 'phrase') continue
    const test = phraseTest(index.terms, indexTerms(item.words.join(' ')), index.commonPairs)
    for (const ordinal of evaluateQuery(index.terms, itemQuery(index, item, true)).docs) if (test(ordinal)) out[ordinal] = 1
  }
  return out
}

/** Runs the query and filters, returning the number of hits, the first `ordered` of them in order, and counts over all of them (with `helper`, a large unfiltered count on two threads). */
export function runSearch(index: LoadedIndex, query: ParsedQuery, filters: SearchFilters, ordered = Number.POSITIVE_INFINITY, helper: ParallelCounter | null = null): SearchOutcome {
  const ctx = searchContext(index)
  const browsing = query.clauses.length === 0
  const sort = filters.sort ?? (browsing ? 'date' : 'relevance')

  // 1. Candidates: ordinals with scores, before exclusions and filters. Browsing with tags starts from the tagged paragraphs.
  const actorCodes = codesOf(filters.actor, ctx.actor.codeOf)
  const regionCodes = codesOf(filters.region, ctx.region.codeOf)
  const byTags = actorCodes.length > 0 || regionCodes.length > 0
  const taggedList = byTags ? taggedWithAll([{ column: ctx.actor, codes: actorCodes }, { column: ctx.region, codes: regionCodes }]) : null
  const browseFrom = taggedList ?? ctx.byDate
  const candidates: Candidates = browsing ? { ordinals: browseFrom, scores: zeroScores(ctx, browseFrom.length), termsOf: () => [] } : matchClauses(index, query)
  const excluded = query.excluded.length > 0 ? excludedOrdinals(index, query.excluded) : null

  // 2. Filters and counts in one pass over the candidates.
  const outletCodes = codesOf(filters.outlet, ctx.outlet.codeOf)
  const outletAllowed = new Uint8Array(ctx.outlet.names.length).fill(outletCodes.length > 0 ? 0 : 1)
  for (const code of outletCodes) if (code >= 0) outletAllowed[code] = 1
  const from = filters.from ? keyOf(filters.from) : 0
  const to = filters.to ? keyOf(filters.to) : 0
  const counts = emptyCounts(ctx.rows)
  const { days, rows } = ctx
  let tagged: Uint8Array | null = null
  if (taggedList !== null && !browsing) {
    tagged = new Uint8Array(rows.at.length - 1)
    for (let i = 0; i < taggedList.length; i++) tagged[taggedList[i]!] = 1
  }
  // A date range is a range of day indexes (days are sorted; index 0, undated, is never inside).
  const filter: HitFilter = {
    dateLimited: from > 0 || to > 0,
    firstDay: from ? firstAtOrAfter(days, 0, days.length, from) + 1 : 1,
    lastDay: to ? firstAtOrAfter(days, 0, days.length, to + 1) : days.length,
    excluded,
    tagged,
    outletAllowed,
  }
  // With no filter, browsing everything (the landing page, /api/facets) counts the whole index,
  // which is counted once per index; a query matching most paragraphs is counted as the whole
  // index less the paragraphs it misses.
  const unfiltered = excluded === null && taggedList === null && outletCodes.length === 0 && !filter.dateLimited
  const paragraphs = rows.at.length - 1
  let hits: Uint32Array
  if (unfiltered && browsing) {
    const whole = wholeIndexCounts(ctx)
    copyCounts(whole.counts, counts)
    hits = whole.positions
  } else if (unfiltered) {
    const whole = wholeIndexCounts(ctx)
    hits =
      candidates.ordinals.length * 2 > paragraphs
        ? countByComplement(candidates.ordinals, rows, whole.counts, counts, whole.positions, helper)
        : countAll(candidates.ordinals, rows, counts, whole.positions, helper)
  } else {
    hits = filterAndCount(candidates.ordinals, rows, filter, counts)
  }

  // 3. Order: by score (ties newest first), or by date; browsing everything is already in date order.
  const { ordinals, scores } = candidates
  const order =
    sort === 'date'
      ? browsing && taggedList === null
        ? hits.subarray(0, Math.min(hits.length, ordered))
        : orderFirst(hits, ordered, (a, b) => ctx.dateRank[ordinals[a]!]! - ctx.dateRank[ordinals[b]!]!)
      : orderFirst(hits, ordered, (a, b) => scores[b]! - scores[a]! || ctx.dateRank[ordinals[a]!]! - ctx.dateRank[ordinals[b]!]!, scores)
  const matched = new Map<number, string[]>()
  for (let i = 0; i < order.length; i++) {
    const terms = candidates.termsOf(order[i]!)
    if (terms.length > 0) matched.set(ordinals[order[i]!]!, terms)
  }
  const outOrdinals = new Uint32Array(order.length)
  const outScores = new Float64Array(order.length)
  for (let i = 0; i < order.length; i++) {
    outOrdinals[i] = ordinals[order[i]!]!
    outScores[i] = scores[order[i]!]!
  }
  return {
    total: hits.length,
    ordinals: outOrdinals,
    scores: outScores,
    matchedTerms: matched,
    outletCounts: counts.outlet,
    actorCounts: counts.actor,
    regionCounts: counts.region,
    dayCounts: counts.day,
    days,
    sort,
  }
}

export type { SearchContext }
