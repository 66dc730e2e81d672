// Runs a MiniSearch query tree over the typed-array term index with MiniSearch's own scoring (BM25+, field boosts, term boosts, the matched-terms multiplier), giving the same hits and the same scores to the last bit.
import type { Query } from 'minisearch'
import { indexTerms, SEARCH_FIELDS } from '../index-build/index-options'
import { type TermIndex, termIdOf } from '../index-build/term-index'
import { bitCount, firstAtOrAfter, intersectDocs, postingsWithin } from './sorted-lists'
import { TERM_CACHE_MIN_PARAGRAPHS, termCacheFor } from './term-cache'

/** Matching paragraphs in ascending ordinal order, each with its score and the query terms it matched (a bit per term). */
export interface Matches {
  /** Paragraph ordinals, ascending. */
  docs: Uint32Array
  /** Score per paragraph. */
  scores: Float64Array
  /** `width` words per paragraph: bit k set when it matched query term k. */
  masks: Uint32Array
}

/** The options of a query node that this evaluator honours (those Readout's queries use). */
interface NodeOptions {
  combineWith?: string
  boost?: Record<string, number>
  boostTerm?: (term: string, i: number, terms: string[]) => number
  prefix?: unknown
  fuzzy?: unknown
}

/** The answer to a query: every match (final scores), and the query terms by mask bit. */
export interface Evaluation extends Matches {
  /** Words per paragraph in `masks`. */
  width: number
  /** The distinct query terms, by bit. */
  terms: string[]
}

/**
 * A term's postings are looked up among the paragraphs still possible, instead of all taken, when
 * they are this many times as many: galloping to each possible paragraph (a few steps each) then
 * costs less than scoring every posting and intersecting later. A common term is scored whole when
 * fewer than that (and cached for the next query); cached postings are then looked up whenever
 * they are more.
 */
const RESTRICT_SCORING = 2
const RESTRICT_CACHED = 1
/**
 * A term common enough for the term cache, asked for a second time among at least 1 in this many
 * of its postings, is scored whole and cached: scoring it among a quarter of the index costs
 * nearly as much as scoring it whole, and the next query then only looks it up. The first time,
 * it is scored among the paragraphs still possible (cheaper for a one-off: "and the" 130 ms
 * instead of 227 ms with the cache cleared).
 */
const SCORE_WHOLE = 16

// MiniSearch's defaults (defaultBM25params).
const k = 1.2
const b = 0.7
const d = 0.5

/** Every distinct term a query tree searches for, in first-seen order. */
function collectTerms(query: Query, into: Map<string, number>): void {
  if (typeof query === 'string') {
    for (const term of indexTerms(query)) if (!into.has(term)) into.set(term, into.size)
  } else if (typeof query === 'object') {
    for (const sub of query.queries) collectTerms(sub, into)
  } else {
    throw new Error('evaluate-query: the wildcard query is not supported; browse without a query instead')
  }
}

/** Evaluates query trees against one term index. */
class Evaluator {
  readonly #index: TermIndex
  readonly #bits: Map<string, number>
  /** Mask words per paragraph: one bit per distinct query term. */
  readonly width: number

  constructor(index: TermIndex, bits: Map<string, number>) {
    this.#index = index
    this.#bits = bits
    this.width = Math.max(1, Math.ceil(bits.size / 32))
  }

  #empty(): Matches {
    return { docs: new Uint32Array(0), scores: new Float64Array(0), masks: new Uint32Array(0) }
  }

  /**
   * The matches of a query node. With `within` (ascending ordinals), it may leave out matches
   * outside `within` (it never adds any): an AND caller intersects them away anyway.
   */
  run(query: Query, options: NodeOptions, within: Uint32Array | null = null): Matches {
    return this.#combine(this.#parts(query, options), within)
  }

  /** A node's parts and how they combine: sub-queries with the options they inherit, or a string's terms with their boosts. */
  #parts(query: Query, options: NodeOptions): { parts: Part[]; combineWith: string | undefined } {
    if (typeof query !== 'string') {
      const { queries, ...own } = query as NodeOptions & { queries: Query[] }
      const merged = { ...options, ...own }
      return { parts: queries.map((sub): Part => ({ query: sub, options: merged })), combineWith: merged.combineWith }
    }
    if (options.prefix || options.fuzzy) throw new Error('evaluate-query: prefix and fuzzy matching are not supported; expand terms before querying')
    const terms = indexTerms(query)
    return { parts: terms.map((term, i): Part => ({ term, boost: options.boostTerm ? options.boostTerm(term, i, terms) : 1, fieldBoost: options.boost })), combineWith: options.combineWith }
  }

  #evaluate(part: Part, within: Uint32Array | null): Matches {
    return 'term' in part ? this.#term(part.term, part.boost, part.fieldBoost, within) : this.run(part.query, part.options, within)
  }

  /** Most paragraphs a part can match (postings summed for OR, the least for AND): which AND part to evaluate first. */
  #bound(part: Part): number {
    if ('term' in part) {
      const id = termIdOf(this.#index, part.term)
      return id < 0 ? 0 : postingCount(this.#index, id)
    }
    const { parts, combineWith } = this.#parts(part.query, part.options)
    const bounds = parts.map((p) => this.#bound(p))
    return (combineWith ?? 'OR').toLowerCase() === 'and' ? Math.min(...bounds) : bounds.reduce((a, b) => a + b, 0)
  }

  /**
   * MiniSearch's combineResults: a left fold with OR (the default) or AND. An AND evaluates its
   * smallest part first and the others only among the paragraphs still possible; the fold itself
   * keeps MiniSearch's order, so every sum is added in the same order.
   */
  #combine({ parts, combineWith = 'OR' }: { parts: Part[]; combineWith: string | undefined }, within: Uint32Array | null): Matches {
    if (parts.length === 0) return this.#empty()
    const operator = combineWith.toLowerCase()
    if (operator !== 'or' && operator !== 'and') throw new Error(`evaluate-query: invalid combination operator: ${combineWith}`)
    if (operator === 'or') return this.#uniteTerms(parts, within) ?? this.#unionAll(parts.map((p) => this.#evaluate(p, within)))
    if (parts.length === 1) return this.#evaluate(parts[0]!, within)
    const order = parts.map((p, i) => ({ i, bound: this.#bound(p) })).sort((a, b) => a.bound - b.bound || a.i - b.i)
    const results: Matches[] = new Array(parts.length)
    let possible = within
    // A term repeated in the AND ("the the") is evaluated once: its result then meets itself.
    const byTerm = new Map<string, Matches>()
    for (const { i } of order) {
      const part = parts[i]!
      const key = 'term' in part ? termKey(part.term, part.boost, part.fieldBoost) : null
      const known = key === null ? undefined : byTerm.get(key)
      if (known) {
        results[i] = known
        continue
      }
      const r = this.#evaluate(part, possible)
      results[i] = r
      if (key !== null) byTerm.set(key, r)
      possible = possible ? intersectDocs(possible, r.docs) : r.docs
      if (possible.length === 0) return this.#empty()
    }
    return results.reduce((a, b) => this.#intersect(a, b))
  }

  /** The term of a part that is a single term (a term, or a query string of one), or null. */
  #singleTerm(part: Part): TermPart | null {
    if ('term' in part) return part
    if (typeof part.query !== 'string') return null
    const { parts } = this.#parts(part.query, part.options)
    return parts.length === 1 && 'term' in parts[0]! ? parts[0] : null
  }

  /**
   * OR over many single terms with much to unite (a word's completions), scored straight into
   * dense accumulators by scoreInBlocks: the same sums in the same order as scoring each term's
   * fields into lists, merging them and uniting those, without making the lists. Null when it
   * does not apply: with `within`, more than 32 terms, a part that is not a single term, few
   * postings, or a weight that is not positive (a running sum of 0 then means "not yet seen").
   */
  #uniteTerms(parts: Part[], within: Uint32Array | null): Matches | null {
    if (within !== null || this.width !== 1 || parts.length <= MERGE_LISTS) return null
    const terms: TermPart[] = []
    let total = 0
    for (const part of parts) {
      const term = this.#singleTerm(part)
      if (term === null || !(term.boost > 0) || Object.values(term.fieldBoost ?? {}).some((v) => !(v > 0))) return null
      terms.push(term)
      const id = termIdOf(this.#index, term.term)
      if (id >= 0) total += postingCount(this.#index, id)
    }
    const N = this.#index.documentCount
    if (total < N / 16) return null
    const cache = termCacheFor(this.#index)
    // What each term adds: its cached scored postings, or its postings in each field with their weights.
    const walks = terms.flatMap(({ term, boost, fieldBoost }): TermWalk[] => {
      const id = termIdOf(this.#index, term)
      if (id < 0) return []
      const cached = cache.get(termKey(term, boost, fieldBoost))
      return [cached ? { flag: this.#flagOf(term), cached, at: 0, fields: [] } : this.#walk(term, id, boost, fieldBoost)]
    })
    return scoreInBlocks(this.#index, walks, total)
  }

  /** The mask bit of a query term, with one mask word. */
  #flagOf(term: string): number {
    return (1 << this.#bits.get(term)!) >>> 0
  }

  /** A term's postings in each field with its weights there, to be walked by scoreInBlocks. */
  #walk(term: string, id: number, boost: number, fieldBoost: Record<string, number> | undefined): TermWalk {
    const fields = SEARCH_FIELDS.map((_field, f): FieldWalk => {
      const { start, docs, freqs } = this.#index.fields[f]!
      return { docs, freqs, at: start[id]!, to: start[id + 1]!, ...fieldWeights(this.#index, id, f, boost, fieldBoost), norms: lengthNormsFor(this.#index, f), lengths: this.#index.fieldLength[f]! }
    })
    return { flag: this.#flagOf(term), cached: null, at: 0, fields }
  }

  /**
   * OR over several lists, folded left as MiniSearch folds them. Large unions add into a dense
   * accumulator in the same order (0 + x is x exactly, so every sum rounds as in pairwise merges)
   * instead of merging list after list.
   */
  #unionAll(lists: Matches[]): Matches {
    const nonEmpty = lists.filter((l) => l.docs.length > 0)
    if (nonEmpty.length <= 1) return nonEmpty[0] ?? lists[0] ?? this.#empty()
    const N = this.#index.documentCount
    const total = nonEmpty.reduce((sum, l) => sum + l.docs.length, 0)
    if (total < N / 16 || nonEmpty.length <= MERGE_LISTS) return this.#merge(nonEmpty, total)
    const w = this.width
    const { acc, mask } = scratchFor(this.#index, w)
    // At most every paragraph once, however many lists name it.
    const size = Math.min(total, N)
    if (w === 1) return unionOneWord(nonEmpty, N, size, acc, mask)
    const out: Matches = { docs: new Uint32Array(size), scores: new Float64Array(size), masks: new Uint32Array(size * w) }
    // Block by block of paragraphs, so the accumulators of a block stay in the processor's cache
    // while every list adds into them (list after list, as before: each sum rounds the same way).
    const next = new Uint32Array(nonEmpty.length)
    let n = 0
    for (let base = 0; base < N; base += UNION_BLOCK) {
      const end = Math.min(N, base + UNION_BLOCK)
      for (let l = 0; l < nonEmpty.length; l++) {
        const { docs, scores, masks } = nonEmpty[l]!
        let i = next[l]!
        for (; i < docs.length && docs[i]! < end; i++) {
          const doc = docs[i]!
          acc[doc]! += scores[i]!
          for (let x = 0; x < w; x++) mask[doc * w + x]! |= masks[i * w + x]!
        }
        next[l] = i
      }
      for (let doc = base; doc < end; doc++) {
        // A paragraph in some list has a bit set in one of its mask words.
        let seen = 0
        for (let x = 0; x < w; x++) seen |= mask[doc * w + x]!
        if (seen === 0) continue
        out.docs[n] = doc
        out.scores[n] = acc[doc]!
        for (let x = 0; x < w; x++) {
          out.masks[n * w + x] = mask[doc * w + x]!
          mask[doc * w + x] = 0
        }
        acc[doc] = 0
        n++
      }
    }
    return { docs: out.docs.subarray(0, n), scores: out.scores.subarray(0, n), masks: out.masks.subarray(0, n * w) }
  }

  /**
   * OR over a few lists (a term's fields) in one pass through all of them: each paragraph's scores
   * are added in list order, as MiniSearch's left fold adds them. Cheaper than the dense
   * accumulator when one list holds most of the postings, as a common word's text does.
   */
  #merge(lists: Matches[], total: number): Matches {
    const w = this.width
    const k = lists.length
    const size = Math.min(total, this.#index.documentCount)
    // One mask word: fold the lists two at a time, as MiniSearch folds them (each paragraph's scores still added in list order).
    if (w === 1) return lists.reduce((merged, list) => mergeTwo(merged, list, Math.min(merged.docs.length + list.docs.length, size)))
    const out: Matches = { docs: new Uint32Array(size), scores: new Float64Array(size), masks: new Uint32Array(size * w) }
    const at = new Uint32Array(k)
    // The next paragraph of each list (past the end: 2^32 - 1, above every ordinal).
    const head = new Float64Array(k)
    for (let l = 0; l < k; l++) head[l] = lists[l]!.docs[0]!
    let n = 0
    for (;;) {
      let doc = NO_DOC
      for (let l = 0; l < k; l++) if (head[l]! < doc) doc = head[l]!
      if (doc === NO_DOC) break
      let score = 0
      let first = true
      for (let l = 0; l < k; l++) {
        if (head[l] !== doc) continue
        const list = lists[l]!
        const i = at[l]!
        score = first ? list.scores[i]! : score + list.scores[i]!
        first = false
        for (let x = 0; x < w; x++) out.masks[n * w + x]! |= list.masks[i * w + x]!
        at[l] = i + 1
        head[l] = i + 1 < list.docs.length ? list.docs[i + 1]! : NO_DOC
      }
      out.docs[n] = doc
      out.scores[n] = score
      n++
    }
    return { docs: out.docs.subarray(0, n), scores: out.scores.subarray(0, n), masks: out.masks.subarray(0, n * w) }
  }

  /** MiniSearch's termResults for one term: each field in order, BM25+ per posting, a paragraph's fields summed in field order. */
  #term(term: string, termBoost: number, boost: Record<string, number> | undefined, within: Uint32Array | null): Matches {
    const id = termIdOf(this.#index, term)
    if (id < 0) return this.#empty()
    const bit = this.#bits.get(term)!
    const word = bit >>> 5
    const flag = (1 << (bit & 31)) >>> 0
    // A common term's scored postings are kept for the next query (typing "china ru…" scores "china" on every keystroke).
    const cache = termCacheFor(this.#index)
    const key = termKey(term, termBoost, boost)
    const cached = cache.get(key)
    if (cached) return this.#fromCached(cached, within, word, flag)
    const N = this.#index.documentCount
    const cacheFloor = Math.max(TERM_CACHE_MIN_PARAGRAPHS, N / 64)
    // A common word asked for again among much of the index (a phrase of common words: "and the") is scored whole and cached (SCORE_WHOLE), so later queries look it up.
    const termPostings = within === null ? 0 : postingCount(this.#index, id)
    const wide = within !== null && termPostings >= cacheFloor && within.length * SCORE_WHOLE >= termPostings
    const restrictTo = wide && cache.secondAsking(key) ? null : within
    const perField: Matches[] = []
    let restricted = false
    SEARCH_FIELDS.forEach((_field, f) => {
      const { start, docs, freqs } = this.#index.fields[f]!
      const from = start[id]!
      const to = start[id + 1]!
      if (from === to) return
      const matchingCount = to - from
      const norms = lengthNormsFor(this.#index, f)
      const lengths = this.#index.fieldLength[f]!
      const { weight, invDocFreq } = fieldWeights(this.#index, id, f, termBoost, boost)
      // The postings to score: all, or (when few paragraphs are still possible) those among them.
      const postings = restrictTo && restrictTo.length * RESTRICT_SCORING < matchingCount ? postingsWithin(docs, from, to, restrictTo) : null
      if (postings) restricted = true
      const count = postings ? postings.length : matchingCount
      const out: Matches = { docs: postings ? new Uint32Array(count) : docs.subarray(from, to), scores: new Float64Array(count), masks: new Uint32Array(count * this.width) }
      if (postings) {
        for (let i = 0; i < count; i++) {
          const j = postings[i]!
          const termFreq = freqs[j]!
          const doc = docs[j]!
          out.docs[i] = doc
          out.scores[i] = bm25(weight, invDocFreq, termFreq, norms[lengths[doc]!]!)
        }
      } else {
        for (let i = 0; i < count; i++) {
          out.scores[i] = bm25(weight, invDocFreq, freqs[from + i]!, norms[lengths[docs[from + i]!]!]!)
        }
      }
      if (this.width === 1) out.masks.fill(flag)
      else for (let i = 0; i < count; i++) out.masks[i * this.width + word] = flag
      perField.push(out)
    })
    const result = this.#unionAll(perField)
    if (restricted || result.docs.length < cacheFloor) return result
    const scored = { docs: ownSize(result.docs), scores: ownSize(result.scores) }
    cache.set(key, scored)
    return within ? this.#fromCached(scored, within, word, flag) : result
  }

  /** A cached term's scored postings with this query's bit: only those among the paragraphs still possible when they are fewer. */
  #fromCached(cached: { docs: Uint32Array; scores: Float64Array }, within: Uint32Array | null, word: number, flag: number): Matches {
    if (!within || within.length * RESTRICT_CACHED >= cached.docs.length) return this.#withMask(cached, word, flag)
    const at = postingsWithin(cached.docs, 0, cached.docs.length, within)
    const docs = new Uint32Array(at.length)
    const scores = new Float64Array(at.length)
    for (let i = 0; i < at.length; i++) {
      docs[i] = cached.docs[at[i]!]!
      scores[i] = cached.scores[at[i]!]!
    }
    return this.#withMask({ docs, scores }, word, flag)
  }

  /** Cached scored postings with this query's bit for the term. */
  #withMask({ docs, scores }: { docs: Uint32Array; scores: Float64Array }, word: number, flag: number): Matches {
    // The first term of a short query (a one-word search, nearly always): a view of 1s kept per index, as no mask is written once made.
    if (this.width === 1 && flag === 1) return { docs, scores, masks: onesFor(this.#index).subarray(0, docs.length) }
    const masks = new Uint32Array(docs.length * this.width)
    for (let i = 0; i < docs.length; i++) masks[i * this.width + word] = flag
    return { docs, scores, masks }
  }

  /** AND: paragraphs in both, scores added (a's first). Walks the shorter list and gallops through the longer, or steps through both when they are of a size. */
  #intersect(a: Matches, b: Matches): Matches {
    // A result meeting itself: every paragraph, each score added to itself.
    if (a === b) {
      const scores = new Float64Array(a.scores.length)
      for (let i = 0; i < scores.length; i++) scores[i] = a.scores[i]! + a.scores[i]!
      return { docs: a.docs, scores, masks: a.masks }
    }
    const w = this.width
    const [small, large, smallFirst] = a.docs.length <= b.docs.length ? [a, b, true] : [b, a, false]
    const docs = new Uint32Array(small.docs.length)
    const scores = new Float64Array(small.docs.length)
    const masks = new Uint32Array(small.docs.length * w)
    const gallop = large.docs.length > small.docs.length * GALLOP_FACTOR
    let n = 0
    let lo = 0
    const end = large.docs.length
    for (let i = 0; i < small.docs.length && lo < end; i++) {
      const doc = small.docs[i]!
      if (gallop) lo = firstAtOrAfter(large.docs, lo, end, doc)
      else while (lo < end && large.docs[lo]! < doc) lo++
      if (lo >= end || large.docs[lo] !== doc) continue
      const ia = smallFirst ? i : lo
      const ib = smallFirst ? lo : i
      docs[n] = doc
      scores[n] = a.scores[ia]! + b.scores[ib]!
      for (let x = 0; x < w; x++) masks[n * w + x] = a.masks[ia * w + x]! | b.masks[ib * w + x]!
      n++
      lo++
    }
    return { docs: docs.subarray(0, n), scores: scores.subarray(0, n), masks: masks.subarray(0, n * w) }
  }
}

/** Galloping through the longer list of an intersection pays when it is this many times the shorter one. */
const GALLOP_FACTOR = 4

/** What makes a term's scored postings: the term, its boost and the field boosts (the term cache's key). */
function termKey(term: string, termBoost: number, boost: Record<string, number> | undefined): string {
  return `${term}\u0000${termBoost}\u0000${boost ? JSON.stringify(boost) : ''}`
}

/** A term's postings in one field with its weights there, and where a walk through them stands (scoreInBlocks). */
interface FieldWalk {
  docs: Uint32Array
  freqs: Uint16Array | Uint32Array
  at: number
  to: number
  weight: number
  invDocFreq: number
  norms: Float64Array
  lengths: Uint16Array | Uint32Array
}

/** What one term adds in scoreInBlocks: its cached scored postings (and where a walk through them stands), or its fields' postings. */
interface TermWalk {
  flag: number
  cached: { docs: Uint32Array; scores: Float64Array } | null
  at: number
  fields: FieldWalk[]
}

/** A term of a query with its boosts. */
type TermPart = { term: string; boost: number; fieldBoost: Record<string, number> | undefined }
/** One part of a query node: a sub-query with its inherited options, or a term with its boosts. */
type Part = { query: Query; options: NodeOptions } | TermPart

/**
 * A term's weight in field f (termResults multiplies 1 * termBoost * fieldBoost * 1 * rawScore
 * from the left: the weight is its first three products) and its inverse document frequency there.
 */
function fieldWeights(index: TermIndex, id: number, f: number, termBoost: number, boost: Record<string, number> | undefined): { weight: number; invDocFreq: number } {
  const field = SEARCH_FIELDS[f]!
  const fieldBoost = (boost && Object.prototype.hasOwnProperty.call(boost, field) ? boost[field] : undefined) || 1
  const { start } = index.fields[f]!
  const matchingCount = start[id + 1]! - start[id]!
  const invDocFreq = Math.log(1 + (index.documentCount - matchingCount + 0.5) / (matchingCount + 0.5))
  return { weight: 1 * termBoost * fieldBoost * 1, invDocFreq }
}

/** calcBM25Score, written as MiniSearch writes it so every operation rounds the same way (the length norm comes from a table of the same expression). */
function bm25(weight: number, invDocFreq: number, termFreq: number, norm: number): number {
  return weight * (invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + norm)))
}

/** The array itself when it fills its buffer, else a copy that does (a cached view must not keep a larger buffer alive unaccounted). */
function ownSize<T extends Uint32Array | Float64Array>(array: T): T {
  return (array.byteLength === array.buffer.byteLength ? array : array.slice()) as T
}

/** Unions of at most this many lists (a term's fields) merge them in one pass; larger ones (a word's completions) use the dense accumulator. */
const MERGE_LISTS = 4

/**
 * #merge of two lists with one mask word a paragraph (a word and its one completion or
 * correction, or a term in two fields; more lists fold through it two at a time), without the
 * loops over lists: the same result, the scores of a paragraph in both added first list first.
 */
function mergeTwo(a: Matches, b: Matches, size: number): Matches {
  if (a.docs.length >= SKEWED * b.docs.length || b.docs.length >= SKEWED * a.docs.length) return mergeSkewed(a, b, size)
  const docs = new Uint32Array(size)
  const scores = new Float64Array(size)
  const masks = new Uint32Array(size)
  const { docs: aDocs, scores: aScores, masks: aMasks } = a
  const { docs: bDocs, scores: bScores, masks: bMasks } = b
  let i = 0
  let j = 0
  let n = 0
  while (i < aDocs.length && j < bDocs.length) {
    const x = aDocs[i]!
    const y = bDocs[j]!
    if (x < y) {
      docs[n] = x
      scores[n] = aScores[i]!
      masks[n++] = aMasks[i++]!
    } else if (y < x) {
      docs[n] = y
      scores[n] = bScores[j]!
      masks[n++] = bMasks[j++]!
    } else {
      docs[n] = x
      scores[n] = aScores[i]! + bScores[j]!
      masks[n++] = aMasks[i++]! | bMasks[j++]!
    }
  }
  for (const [rest, from] of [[a, i], [b, j]] as const) {
    const left = rest.docs.length - from
    docs.set(rest.docs.subarray(from), n)
    scores.set(rest.scores.subarray(from), n)
    masks.set(rest.masks.subarray(from, from + left), n)
    n += left
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n), masks: masks.subarray(0, n) }
}

/** A merge of two lists, one this many times the other or more, walks the shorter and gallops through the longer. */
const SKEWED = 4

/**
 * mergeTwo when one list is much longer (a common word's text beside its titles): the shorter
 * list is walked, and the longer one's entries between two of its paragraphs are copied as a run,
 * so the loop's branches follow the shorter list. The same result, a's scores first.
 */
function mergeSkewed(a: Matches, b: Matches, size: number): Matches {
  const aFirst = a.docs.length <= b.docs.length
  const short = aFirst ? a : b
  const long = aFirst ? b : a
  const docs = new Uint32Array(size)
  const scores = new Float64Array(size)
  const masks = new Uint32Array(size)
  const { docs: longDocs, scores: longScores, masks: longMasks } = long
  let n = 0
  let at = 0
  for (let i = 0; i < short.docs.length; i++) {
    const doc = short.docs[i]!
    const to = firstAtOrAfter(longDocs, at, longDocs.length, doc)
    for (; at < to; at++) {
      docs[n] = longDocs[at]!
      scores[n] = longScores[at]!
      masks[n++] = longMasks[at]!
    }
    docs[n] = doc
    if (at < longDocs.length && longDocs[at] === doc) {
      scores[n] = aFirst ? short.scores[i]! + longScores[at]! : longScores[at]! + short.scores[i]!
      masks[n++] = short.masks[i]! | longMasks[at++]!
    } else {
      scores[n] = short.scores[i]!
      masks[n++] = short.masks[i]!
    }
  }
  docs.set(longDocs.subarray(at), n)
  scores.set(longScores.subarray(at), n)
  masks.set(longMasks.subarray(at, longDocs.length), n)
  n += longDocs.length - at
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n), masks: masks.subarray(0, n) }
}

/**
 * #unionAll with one mask word a paragraph (at most 32 query terms: nearly always), into zeroed
 * accumulators that it leaves zeroed. A paragraph in some list has a mask with a bit set, so the
 * mask itself says which paragraphs were seen.
 */
function unionOneWord(lists: Matches[], N: number, size: number, acc: Float64Array, mask: Uint32Array): Matches {
  const outDocs = new Uint32Array(size)
  const outScores = new Float64Array(size)
  const outMasks = new Uint32Array(size)
  const next = new Uint32Array(lists.length)
  let n = 0
  for (let base = 0; base < N; base += UNION_BLOCK) {
    const end = Math.min(N, base + UNION_BLOCK)
    for (let l = 0; l < lists.length; l++) {
      const { docs, scores, masks } = lists[l]!
      let i = next[l]!
      for (; i < docs.length && docs[i]! < end; i++) {
        const doc = docs[i]!
        acc[doc]! += scores[i]!
        mask[doc]! |= masks[i]!
      }
      next[l] = i
    }
    for (let doc = base; doc < end; doc++) {
      const m = mask[doc]!
      if (m === 0) continue
      outDocs[n] = doc
      outScores[n] = acc[doc]!
      outMasks[n++] = m
      acc[doc] = 0
      mask[doc] = 0
    }
  }
  return { docs: outDocs.subarray(0, n), scores: outScores.subarray(0, n), masks: outMasks.subarray(0, n) }
}

/** Past the end of a list in a merge. */
const NO_DOC = 0xffffffff

/**
 * Scores terms (ORed, in order) block by block of paragraphs straight into dense accumulators:
 * each paragraph's fields summed first for a term, as MiniSearch's termResults sums them, then
 * added to what the terms before gave it, as its OR fold adds them (the same sums in the same
 * order, so the same scores). Weights must be positive: a running sum of 0 means "not seen".
 * `total` is the terms' postings together (at least the paragraphs matched).
 */
function scoreInBlocks(index: TermIndex, walks: TermWalk[], total: number): Matches {
  const N = index.documentCount
  const { acc, mask } = scratchFor(index, 1)
  const sum = termSumsFor(index)
  const size = Math.min(total, N)
  const out: Matches = { docs: new Uint32Array(size), scores: new Float64Array(size), masks: new Uint32Array(size) }
  const from = new Uint32Array(SEARCH_FIELDS.length)
  let n = 0
  // Block by block of paragraphs, so that the accumulators of a block stay in the processor's cache while every term adds into them.
  for (let base = 0; base < N; base += UNITE_BLOCK) {
    const end = Math.min(N, base + UNITE_BLOCK)
    for (const walk of walks) {
      const { flag, cached, fields } = walk
      if (cached) {
        const { docs, scores } = cached
        let i = walk.at
        for (; i < docs.length && docs[i]! < end; i++) {
          acc[docs[i]!]! += scores[i]!
          mask[docs[i]!]! |= flag
        }
        walk.at = i
        continue
      }
      // The term's score of each paragraph, field by field, then into the accumulators (each paragraph once: its sum then goes back to 0).
      for (let f = 0; f < fields.length; f++) {
        const field = fields[f]!
        const { docs, freqs, to, weight, invDocFreq, norms, lengths } = field
        let i = (from[f] = field.at)
        for (; i < to && docs[i]! < end; i++) sum[docs[i]!]! += bm25(weight, invDocFreq, freqs[i]!, norms[lengths[docs[i]!]!]!)
        field.at = i
      }
      for (let f = 0; f < fields.length; f++) {
        const { docs, at } = fields[f]!
        for (let i = from[f]!; i < at; i++) {
          const doc = docs[i]!
          const score = sum[doc]!
          if (score === 0) continue
          acc[doc]! += score
          mask[doc]! |= flag
          sum[doc] = 0
        }
      }
    }
    for (let doc = base; doc < end; doc++) {
      const m = mask[doc]!
      if (m === 0) continue
      out.docs[n] = doc
      out.scores[n] = acc[doc]!
      out.masks[n++] = m
      acc[doc] = 0
      mask[doc] = 0
    }
  }
  return { docs: out.docs.subarray(0, n), scores: out.scores.subarray(0, n), masks: out.masks.subarray(0, n) }
}

/** Paragraphs per block of a large union: its accumulators (12 bytes a paragraph for one mask word) fit in a core's cache. */
const UNION_BLOCK = 1 << 15
/** Paragraphs per block of scoreInBlocks: its accumulators and a term's running sums (20 bytes a paragraph) fit in a core's cache. */
const UNITE_BLOCK = 1 << 14

/** Per index and field, BM25's length norm `k * (1 - b + (b * length) / avgFieldLength)` for every length a paragraph's field has (0 … the longest). */
const lengthNorms = new WeakMap<TermIndex, Float64Array[]>()

function lengthNormsFor(index: TermIndex, field: number): Float64Array {
  let tables = lengthNorms.get(index)
  if (!tables) lengthNorms.set(index, (tables = []))
  let norms = tables[field]
  if (!norms) {
    const lengths = index.fieldLength[field]!
    const avgFieldLength = index.avgFieldLength[field]!
    let longest = 0
    for (let i = 0; i < lengths.length; i++) if (lengths[i]! > longest) longest = lengths[i]!
    norms = tables[field] = new Float64Array(longest + 1)
    for (let length = 0; length <= longest; length++) norms[length] = k * (1 - b + (b * length) / avgFieldLength)
  }
  return norms
}

/** Postings of a term in all fields together. */
function postingCount(index: TermIndex, id: number): number {
  return index.fields.reduce((sum, f) => sum + f.start[id + 1]! - f.start[id]!, 0)
}

/** A mask word of 1 for each paragraph, per index (never written to). */
const ones = new WeakMap<TermIndex, Uint32Array>()

function onesFor(index: TermIndex): Uint32Array {
  let all = ones.get(index)
  if (!all) ones.set(index, (all = new Uint32Array(index.documentCount).fill(1)))
  return all
}

/** Per index, a term's running score per paragraph for scoreInBlocks, all zero between uses. */
const termSums = new WeakMap<TermIndex, Float64Array>()

function termSumsFor(index: TermIndex): Float64Array {
  let sums = termSums.get(index)
  if (!sums) termSums.set(index, (sums = new Float64Array(index.documentCount)))
  return sums
}

/** Dense accumulators for large unions, one set per index, all zero between uses (evaluation is synchronous, and each union clears what it touched). */
const scratches = new WeakMap<TermIndex, { acc: Float64Array; mask: Uint32Array }>()

function scratchFor(index: TermIndex, width: number): { acc: Float64Array; mask: Uint32Array } {
  const N = index.documentCount
  let scratch = scratches.get(index)
  if (!scratch) scratches.set(index, (scratch = { acc: new Float64Array(N), mask: new Uint32Array(N) }))
  if (scratch.mask.length < N * width) scratch.mask = new Uint32Array(N * width)
  return scratch
}

/**
 * Evaluates a query tree as MiniSearch's `search(query, options)` would, without sorting: the
 * same paragraphs, and each score multiplied by the number of distinct query terms it matched.
 * Supports what Readout's queries use: strings, nested `queries` with `combineWith` (OR/AND),
 * `boost` per field and `boostTerm`; prefix and fuzzy matching must be expanded beforehand.
 * With `within` (ascending ordinals), only the paragraphs inside it are answered exactly: those
 * outside may be left out or scored in part, for a caller that keeps only the ones inside.
 */
export function evaluateQuery(index: TermIndex, query: Query, options: NodeOptions = {}, within: Uint32Array | null = null): Evaluation {
  const bits = new Map<string, number>()
  collectTerms(query, bits)
  const evaluator = new Evaluator(index, bits)
  const { width } = evaluator
  const raw = evaluator.run(query, options, within)
  const terms = [...bits.keys()]
  // Where no paragraph matched more than one term (one-word queries), every multiplier is 1 and the scores stand as they are (often a cached array, never written to).
  if (terms.length <= 1 || !someMatchedTwo(raw.masks, width)) return { docs: raw.docs, scores: raw.scores, masks: raw.masks, width, terms }
  const scores = new Float64Array(raw.docs.length)
  if (width === 1) {
    // One mask word: a paragraph that matched one term keeps its score (times 1, exactly).
    for (let i = 0; i < scores.length; i++) {
      const m = raw.masks[i]!
      scores[i] = (m & (m - 1)) === 0 ? raw.scores[i]! : raw.scores[i]! * bitCount(raw.masks, i, 1)
    }
  } else {
    for (let i = 0; i < scores.length; i++) scores[i] = raw.scores[i]! * (bitCount(raw.masks, i * width, width) || 1)
  }
  return { docs: raw.docs, scores, masks: raw.masks, width, terms }
}

/** True when some paragraph's mask (of `width` words) has two or more bits set. */
function someMatchedTwo(masks: Uint32Array, width: number): boolean {
  if (width === 1) {
    for (let i = 0; i < masks.length; i++) if ((masks[i]! & (masks[i]! - 1)) !== 0) return true
    return false
  }
  for (let i = 0; i < masks.length; i += width) if (bitCount(masks, i, width) > 1) return true
  return false
}

/** The query terms paragraph `i` of an evaluation matched. */
export function matchedTerms(evaluation: Evaluation, i: number): string[] {
  const out: string[] = []
  for (let bit = 0; bit < evaluation.terms.length; bit++) {
    if ((evaluation.masks[i * evaluation.width + (bit >>> 5)]! >>> (bit & 31)) & 1) out.push(evaluation.terms[bit]!)
  }
  return out
}
