// Runs a parsed query with filters over an index: matching (MiniSearch), phrase and exclusion checks, filters, counts for every facet and the date timeline.
import type { Query, SearchResult } from 'minisearch'
import type { LoadedIndex } from '../index-build/index-file'
import { normaliseTerm, tokenize } from '../index-build/index-options'
import { spellingsOf } from '../index-build/spelling'
import type { ParsedQuery, QueryItem } from './query-parse'
import { expandTerm } from './expand-terms'
import { type SearchContext, searchContext } from './search-context'

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
  /** Hit ordinals in result order. */
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
  /** Hits per article date key (YYYYMMDD), and hits with no date. */
  dates: Map<number, number>
  undated: number
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

/** The words of a text as the index sees them. */
function indexTerms(text: string): string[] {
  const out: string[] = []
  for (const t of tokenize(text)) {
    const n = normaliseTerm(t)
    if (n) out.push(n)
  }
  return out
}

/** True when the phrase's words occur in this order, adjacent, in the text. */
export function containsPhrase(text: string, words: string[]): boolean {
  return phraseMatcher(words)(text)
}

/** Characters beyond ASCII other than spaces, dashes and quotation marks: text with them may need accent folding, so it is compared token by token. */
const FOLDED_LETTERS = /[^\x00-\x7f\u00a0\u2010-\u2027]/
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A test for one phrase, with its words normalised once. ASCII text is checked by one regular
 * expression that accepts every spelling normalising to each word (British forms, any case,
 * possessive 's) — the same answer as comparing normalised tokens, far faster; other text is
 * compared token by token.
 */
export function phraseMatcher(words: string[]): (text: string) => boolean {
  const phrase = indexTerms(words.join(' '))
  if (phrase.length === 0) return () => false
  const alternatives = phrase.map((term) => `(?:${spellingsOf(term).map(escapeRegExp).join('|')})(?:['’]s)?`)
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${alternatives.join("[^\\p{L}\\p{N}]+")}(?![\\p{L}\\p{N}])`, 'iu')
  const slow = (text: string) => {
    const terms = indexTerms(text)
    outer: for (let i = 0; i + phrase.length <= terms.length; i++) {
      for (let k = 0; k < phrase.length; k++) if (terms[i + k] !== phrase[k]) continue outer
      return true
    }
    return false
  }
  // A lone "s" term can only come from text, never from "'s", which tokenising drops: the pattern cannot tell them apart.
  if (phrase.includes('s')) return slow
  return (text) => (FOLDED_LETTERS.test(text) ? slow(text) : pattern.test(text))
}

/** Codes of the selected values; an unknown value gets -1 (it matches nothing). */
const codesOf = (values: string[], codeOf: Map<string, number>) => values.map((v) => codeOf.get(v) ?? -1)

/** True when row p of the column holds every code. */
function hasAll(offsets: Uint32Array, values: Uint32Array, p: number, codes: number[]): boolean {
  for (const code of codes) {
    if (code < 0) return false
    let found = false
    for (let k = offsets[p]!; k < offsets[p + 1]!; k++) {
      if (values[k] === code) {
        found = true
        break
      }
    }
    if (!found) return false
  }
  return true
}

/** Date key (YYYYMMDD) of a YYYY-MM-DD string. */
const keyOf = (date: string) => Number(date.replaceAll('-', ''))

/**
 * Moves the `k` best items (by `better`) to the front of `items`, in order; the rest follow in no
 * particular order. Costs O(n log k) instead of sorting everything when only a page is shown.
 */
export function orderFirst<T>(items: T[], k: number, better: (a: T, b: T) => number): void {
  if (k >= items.length / 4) {
    items.sort(better)
    return
  }
  const heap: T[] = []
  const worse = (a: T, b: T) => better(a, b) > 0
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let top = i
      if (l < heap.length && worse(heap[l]!, heap[top]!)) top = l
      if (r < heap.length && worse(heap[r]!, heap[top]!)) top = r
      if (top === i) return
      ;[heap[i], heap[top]] = [heap[top]!, heap[i]!]
      i = top
    }
  }
  const rest: T[] = []
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item)
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1
        if (!worse(heap[i]!, heap[p]!)) break
        ;[heap[i], heap[p]] = [heap[p]!, heap[i]!]
        i = p
      }
    } else if (k > 0 && better(item, heap[0]!) < 0) {
      rest.push(heap[0]!)
      heap[0] = item
      siftDown(0)
    } else {
      rest.push(item)
    }
  }
  heap.sort(better)
  items.length = 0
  items.push(...heap, ...rest)
}

/** Runs the query and filters, returning every hit (the first `ordered` in order) and all counts. */
export function runSearch(index: LoadedIndex, query: ParsedQuery, filters: SearchFilters, ordered = Number.POSITIVE_INFINITY): SearchOutcome {
  const ctx = searchContext(index)
  const browsing = query.clauses.length === 0
  const sort = filters.sort ?? (browsing ? 'date' : 'relevance')

  // 1. Candidates: ordinals (with scores and matched terms) before filters.
  let candidates: { ordinal: number; score: number; terms: string[] }[]
  if (browsing) {
    candidates = Array.from(ctx.byDate, (ordinal) => ({ ordinal, score: 0, terms: [] }))
  } else {
    const tree: Query = {
      combineWith: 'AND',
      queries: query.clauses.map((clause) => (clause.length === 1 ? itemQuery(index, clause[0]!, false) : { combineWith: 'OR', queries: clause.map((i) => itemQuery(index, i, false)) })),
    }
    const results: SearchResult[] = index.miniSearch.search(tree, { boost: FIELD_BOOST })
    const matchers = new Map(query.clauses.flat().flatMap((i) => (i.kind === 'phrase' ? [[i, phraseMatcher(i.words)] as const] : [])))
    const phraseClauses = query.clauses.filter((clause) => clause.some((i) => i.kind === 'phrase'))
    const wordTerms = new Map(phraseClauses.flat().flatMap((i) => (i.kind === 'word' ? [[i, indexTerms(i.text)] as const] : [])))
    candidates = []
    for (const r of results) {
      const ordinal = r.id as number
      if (phraseClauses.length > 0) {
        const text = ctx.paragraphs[ordinal]!.text
        const passes = phraseClauses.every((clause) =>
          clause.some((i) => (i.kind === 'phrase' ? matchers.get(i)!(text) : wordTerms.get(i)!.some((t) => r.queryTerms.includes(t)))),
        )
        if (!passes) continue
      }
      candidates.push({ ordinal, score: r.score, terms: r.terms })
    }
  }

  // 2. Exclusions: words through the index, phrases on the text.
  if (query.excluded.length > 0) {
    const words = query.excluded.filter((i) => i.kind === 'word')
    const phrases = query.excluded.filter((i): i is Extract<QueryItem, { kind: 'phrase' }> => i.kind === 'phrase')
    const out = new Set<number>()
    if (words.length > 0) {
      for (const r of index.miniSearch.search({ combineWith: 'OR', queries: words.map((w) => itemQuery(index, w, true)) })) {
        out.add(r.id as number)
      }
    }
    const excludedPhrases = phrases.map((p) => phraseMatcher(p.words))
    candidates = candidates.filter((c) => !out.has(c.ordinal) && !excludedPhrases.some((m) => m(ctx.paragraphs[c.ordinal]!.text)))
  }

  // 3. Filters and counts in one pass.
  const outletCodes = new Set(codesOf(filters.outlet, ctx.outlet.codeOf))
  const actorCodes = codesOf(filters.actor, ctx.actor.codeOf)
  const regionCodes = codesOf(filters.region, ctx.region.codeOf)
  const from = filters.from ? keyOf(filters.from) : 0
  const to = filters.to ? keyOf(filters.to) : 0
  const outletCounts = new Uint32Array(ctx.outlet.names.length)
  const actorCounts = new Uint32Array(ctx.actor.names.length)
  const regionCounts = new Uint32Array(ctx.region.names.length)
  const dates = new Map<number, number>()
  let undated = 0
  const kept: typeof candidates = []
  for (const c of candidates) {
    const p = c.ordinal
    const date = ctx.dateKey[p]!
    if ((from || to) && (date === 0 || (from && date < from) || (to && date > to))) continue
    if (actorCodes.length > 0 && !hasAll(ctx.actor.offsets, ctx.actor.values, p, actorCodes)) continue
    if (regionCodes.length > 0 && !hasAll(ctx.region.offsets, ctx.region.values, p, regionCodes)) continue
    const outlet = ctx.outlet.codes[p]!
    outletCounts[outlet]!++
    if (outletCodes.size > 0 && !outletCodes.has(outlet)) continue
    kept.push(c)
    for (let k = ctx.actor.offsets[p]!; k < ctx.actor.offsets[p + 1]!; k++) actorCounts[ctx.actor.values[k]!]!++
    for (let k = ctx.region.offsets[p]!; k < ctx.region.offsets[p + 1]!; k++) regionCounts[ctx.region.values[k]!]!++
    if (date === 0) undated++
    else dates.set(date, (dates.get(date) ?? 0) + 1)
  }

  // 4. Order: by score (ties newest first, then by id), or by date.
  if (sort === 'date') {
    if (!browsing) orderFirst(kept, ordered, (a, b) => ctx.dateRank[a.ordinal]! - ctx.dateRank[b.ordinal]!)
  } else {
    orderFirst(kept, ordered, (a, b) => b.score - a.score || ctx.dateRank[a.ordinal]! - ctx.dateRank[b.ordinal]!)
  }
  const matchedTerms = new Map<number, string[]>()
  const shown = Math.min(kept.length, ordered)
  for (let i = 0; i < shown; i++) if (kept[i]!.terms.length > 0) matchedTerms.set(kept[i]!.ordinal, kept[i]!.terms)
  return {
    ordinals: Uint32Array.from(kept, (c) => c.ordinal),
    scores: Float64Array.from(kept, (c) => c.score),
    matchedTerms,
    outletCounts,
    actorCounts,
    regionCounts,
    dates,
    undated,
    sort,
  }
}

export type { SearchContext }
