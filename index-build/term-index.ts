// The inverted index as typed arrays: what MiniSearch's `add()` records for each paragraph (terms, frequencies per field, field lengths), plus word positions in the text for phrases.
import { Growable } from './growable'
import { type IndexDocument, INDEX_OPTIONS, SEARCH_FIELDS } from './index-options'
import { TokenInterner } from './token-interner'
import { readDeltas, skipVarints, writeVarint } from './varint'

/** Postings of one field: term t's are entries start[t] … start[t + 1] - 1, in paragraph order. */
export interface FieldPostings {
  /** Offsets into docs/freqs by term id; length terms + 1. */
  start: Uint32Array
  /** Paragraph ordinal of each posting. */
  docs: Uint32Array
  /** Occurrences of the term in that paragraph's field. */
  freqs: Uint16Array | Uint32Array
}

/** Word positions in the text field, one list per text posting, delta-coded varints. */
export interface TextPositions {
  /** The encoded lists, back to back in posting order. */
  bytes: Uint8Array
  /** Byte offset of every POSITION_CHECKPOINT-th posting's list. */
  checkpoints: Uint32Array
}

/** Everything search needs to match and score terms, with MiniSearch's statistics. */
export interface TermIndex {
  /** Paragraphs indexed. */
  documentCount: number
  /** Every term, sorted (the term id is the position here). */
  terms: string[]
  /** Paragraphs containing each term in any field. */
  docFreq: Uint32Array
  /** Postings per field, in SEARCH_FIELDS order. */
  fields: FieldPostings[]
  /** Per field, each paragraph's number of distinct raw tokens (MiniSearch's field length). */
  fieldLength: (Uint16Array | Uint32Array)[]
  /** Per field, the average field length exactly as MiniSearch accumulates it. */
  avgFieldLength: Float64Array
  /** Positions of the text field's terms, for phrase checks. */
  positions: TextPositions
}

/** Postings between position checkpoints. */
export const POSITION_CHECKPOINT = 16
const TEXT_FIELD = SEARCH_FIELDS.indexOf('text')
const processTerm = INDEX_OPTIONS.processTerm!

/** The smallest unsigned array that holds every value. */
export function narrowest(values: Uint32Array): Uint16Array | Uint32Array {
  let max = 0
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!
  return max < 0x10000 ? Uint16Array.from(values) : values
}

/** One field's postings while documents are added: (term, freq) in arrival order, each document's from where `firstPosting` says, and the text's position bytes. */
class FieldBuilder {
  readonly term = new Growable(Uint32Array)
  readonly freq = new Growable(Uint32Array)
  /** Each document's first posting (a posting's document is known from these, not stored per posting). */
  readonly firstPosting = new Growable(Uint32Array)
  readonly lengths = new Growable(Uint32Array)
  /** Text field only: where each posting's position list starts. */
  readonly posStart = new Growable(Uint32Array)
  readonly posBytes = new Growable(Uint8Array)
  average = 0
}

/** Builds a TermIndex from documents given in ordinal order (id 0, 1, 2, …), with MiniSearch's tokenising and statistics. */
export class TermIndexBuilder {
  readonly #termIds = new Map<string, number>()
  /** Each term by id. */
  readonly #terms: string[] = []
  /** Each distinct raw token seen, by id (its raw index); most tokens repeat, so each is normalised once. */
  readonly #raw = new TokenInterner()
  /** Term id of each raw token (by raw index), or -1 when it processes to nothing. */
  readonly #rawTerm = new Growable(Int32Array)
  /** Per-value scratch: `#rawStamp[raw] === #rawStampNow` marks raw tokens already counted in the value (stamps start at 1). */
  readonly #rawStamp = new Growable(Int32Array)
  #rawStampNow = 0
  readonly #docFreq = new Growable(Uint32Array)
  readonly #lastDoc = new Growable(Int32Array)
  readonly #fields = SEARCH_FIELDS.map(() => new FieldBuilder())
  /** Per-document scratch, by term id: slot among the document's distinct terms, valid when `#stamp[id] === #stampNow` (stamps start at 1). */
  readonly #slot = new Growable(Int32Array)
  readonly #stamp = new Growable(Int32Array)
  #stampNow = 0
  /** Scratch for grouping one text's positions by term. */
  #fill = new Int32Array(256)
  #positions = new Int32Array(1024)
  #count = 0
  /** The last field value tokenised, per field (titles repeat across an article's paragraphs). */
  readonly #lastValue: (string | null)[] = SEARCH_FIELDS.map(() => null)
  readonly #lastTokens: { ids: number[]; unique: number }[] = SEARCH_FIELDS.map(() => ({ ids: [], unique: 0 }))

  /** Term id of a processed term, created on first sight. */
  #idOf(term: string): number {
    let id = this.#termIds.get(term)
    if (id === undefined) {
      id = this.#termIds.size
      this.#termIds.set(term, id)
      this.#terms.push(term)
      this.#docFreq.push(0)
      this.#lastDoc.push(-1)
      this.#slot.push(0)
      this.#stamp.push(0)
    }
    return id
  }

  /** Term ids of a field value in text order (terms processing to nothing are skipped) and its distinct raw token count. */
  #tokens(field: number, value: string): { ids: number[]; unique: number } {
    if (this.#lastValue[field] === value) return this.#lastTokens[field]!
    // The raw tokens are tokenize's (INDEX_OPTIONS.tokenize), interned where they stand in the value.
    const count = this.#raw.intern(value)
    const rawIds = this.#raw.ids
    const ids: number[] = []
    const now = ++this.#rawStampNow
    let unique = 0
    for (let k = 0; k < count; k++) {
      const r = rawIds[k]!
      while (this.#rawTerm.length <= r) {
        // processTerm depends on the token alone (the field does not change it), so its answer is cached by token.
        const term = processTerm(this.#raw.tokens[this.#rawTerm.length]!, SEARCH_FIELDS[field]!)
        this.#rawTerm.push(typeof term === 'string' && term ? this.#idOf(term) : -1)
        this.#rawStamp.push(0)
      }
      // MiniSearch's field length: distinct raw tokens.
      if (this.#rawStamp.data[r] !== now) {
        this.#rawStamp.data[r] = now
        unique++
      }
      const id = this.#rawTerm.data[r]!
      if (id >= 0) ids.push(id)
    }
    const tokens = { ids, unique }
    this.#lastValue[field] = value
    this.#lastTokens[field] = tokens
    return tokens
  }

  /** The term with this id (ids as add() returns them). */
  term(id: number): string {
    return this.#terms[id]!
  }

  /** Adds the next document (its id must equal the number of documents added so far); returns the ids of its text's terms in text order (read-only: the array may be shared). */
  add(doc: IndexDocument): readonly number[] {
    let textTerms: readonly number[] = []
    const ordinal = this.#count
    if (doc.id !== ordinal) throw new Error(`index-build: document ${doc.id} added out of order (expected ${ordinal})`)
    SEARCH_FIELDS.forEach((name, f) => {
      const fb = this.#fields[f]!
      const { ids, unique } = this.#tokens(f, doc[name])
      if (f === TEXT_FIELD) textTerms = ids
      fb.lengths.push(unique)
      // MiniSearch's running average: (average × documents before + length) / (documents before + 1).
      fb.average = (fb.average * ordinal + unique) / (ordinal + 1)
      // Distinct terms in first-appearance order, with counts.
      const now = ++this.#stampNow
      const stamp = this.#stamp.data
      const slot = this.#slot.data
      const distinct: number[] = []
      const counts: number[] = []
      for (const id of ids) {
        if (stamp[id] !== now) {
          stamp[id] = now
          slot[id] = distinct.length
          distinct.push(id)
          counts.push(0)
        }
        counts[slot[id]!]!++
      }
      const firstPosting = fb.term.length
      fb.firstPosting.push(firstPosting)
      for (let k = 0; k < distinct.length; k++) {
        const id = distinct[k]!
        fb.term.push(id)
        fb.freq.push(counts[k]!)
        if (this.#lastDoc.data[id] !== ordinal) {
          this.#lastDoc.data[id] = ordinal
          this.#docFreq.data[id]!++
        }
      }
      if (f === TEXT_FIELD) this.#addPositions(fb, ids, distinct, counts, firstPosting)
    })
    this.#count++
    return textTerms
  }

  /** Writes each distinct term's positions (its indexes in `ids`) as delta-coded varints, in posting order. */
  #addPositions(fb: FieldBuilder, ids: number[], distinct: number[], counts: number[], firstPosting: number): void {
    // Group the positions by distinct term (a counting sort by slot), then write each group delta-coded.
    if (this.#fill.length < distinct.length + 1) this.#fill = new Int32Array((distinct.length + 1) * 2)
    if (this.#positions.length < ids.length) this.#positions = new Int32Array(ids.length * 2)
    const fill = this.#fill
    const positions = this.#positions
    let total = 0
    for (let k = 0; k < distinct.length; k++) {
      fill[k] = total
      total += counts[k]!
    }
    const slot = this.#slot.data
    for (let position = 0; position < ids.length; position++) positions[fill[slot[ids[position]!]!]!++] = position
    let i = 0
    for (let k = 0; k < distinct.length; k++) {
      fb.posStart.push(fb.posBytes.length)
      let previous = 0
      for (const end = i + counts[k]!; i < end; i++) {
        writeVarint(fb.posBytes, positions[i]! - previous)
        previous = positions[i]!
      }
    }
    if (fb.posStart.length !== fb.term.length || firstPosting + distinct.length !== fb.term.length) throw new Error('index-build: position lists out of step')
  }

  /** The finished index: terms sorted, postings grouped by term (paragraph order kept within each). */
  finish(): TermIndex {
    const terms = [...this.#termIds.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    const rank = new Uint32Array(terms.length)
    terms.forEach((term, r) => (rank[this.#termIds.get(term)!] = r))
    const docFreq = new Uint32Array(terms.length)
    const firstSeen = this.#docFreq.view()
    for (let id = 0; id < terms.length; id++) docFreq[rank[id]!] = firstSeen[id]!
    const fields = this.#fields.map((fb, f) => groupByTerm(fb, rank, terms.length, f === TEXT_FIELD))
    return {
      documentCount: this.#count,
      terms,
      docFreq,
      fields: fields.map((g) => g.postings),
      fieldLength: this.#fields.map((fb) => narrowest(fb.lengths.copy())),
      avgFieldLength: Float64Array.from(this.#fields, (fb) => fb.average),
      positions: fields[TEXT_FIELD]!.positions!,
    }
  }
}

/**
 * Stable counting sort of a field's postings by sorted term rank; for the text field, position
 * lists follow their postings. Postings are read once in arrival order and each goes straight to
 * its place (writes run on in one stream per term, where reading them in term order jumped about).
 */
function groupByTerm(fb: FieldBuilder, rank: Uint32Array, termCount: number, withPositions: boolean): { postings: FieldPostings; positions?: TextPositions } {
  const n = fb.term.length
  const termOf = fb.term.view()
  const firstPosting = fb.firstPosting.view()
  const documents = firstPosting.length
  /** End of document doc's postings. */
  const postingsEnd = (doc: number) => (doc + 1 < documents ? firstPosting[doc + 1]! : n)
  const freqIn = fb.freq.view()
  const posStart = fb.posStart.view()
  const posIn = fb.posBytes.view()
  /** End of posting i's position bytes. */
  const posEnd = (i: number) => (i + 1 < n ? posStart[i + 1]! : posIn.length)
  // Each term's postings and position bytes, then where they begin.
  const start = new Uint32Array(termCount + 1)
  const byteStart = new Uint32Array(withPositions ? termCount + 1 : 0)
  for (let i = 0; i < n; i++) {
    const r = rank[termOf[i]!]!
    start[r + 1]!++
    if (withPositions) byteStart[r + 1]! += posEnd(i) - posStart[i]!
  }
  for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!
  for (let t = 0; t < byteStart.length - 1; t++) byteStart[t + 1]! += byteStart[t]!
  const fill = start.slice(0, termCount)
  const docs = new Uint32Array(n)
  const freqs = new Uint32Array(n)
  if (!withPositions) {
    for (let doc = 0, i = 0; doc < documents; doc++) {
      for (const end = postingsEnd(doc); i < end; i++) {
        const j = fill[rank[termOf[i]!]!]!++
        docs[j] = doc
        freqs[j] = freqIn[i]!
      }
    }
    return { postings: { start, docs, freqs: narrowest(freqs) } }
  }
  const bytes = new Uint8Array(posIn.length)
  const checkpoints = new Uint32Array(Math.ceil(n / POSITION_CHECKPOINT))
  for (let doc = 0, i = 0; doc < documents; doc++) {
    for (const end = postingsEnd(doc); i < end; i++) {
      const r = rank[termOf[i]!]!
      const j = fill[r]!++
      docs[j] = doc
      freqs[j] = freqIn[i]!
      let at = byteStart[r]!
      if (j % POSITION_CHECKPOINT === 0) checkpoints[j / POSITION_CHECKPOINT] = at
      for (let b = posStart[i]!, to = posEnd(i); b < to; b++) bytes[at++] = posIn[b]!
      byteStart[r] = at
    }
  }
  return { postings: { start, docs, freqs: narrowest(freqs) }, positions: { bytes, checkpoints } }
}

/** Builds the term index of documents in ordinal order. */
export function buildTermIndex(docs: Iterable<IndexDocument>): TermIndex {
  const builder = new TermIndexBuilder()
  for (const doc of docs) builder.add(doc)
  return builder.finish()
}

/** First index at or after `key` in a sorted list (of terms, or of numbers). */
export function lowerBound<T extends string | number>(sorted: ArrayLike<T>, key: T): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Term id of a processed term, or -1 when the index does not contain it. */
export function termIdOf(index: Pick<TermIndex, 'terms'>, term: string): number {
  const at = lowerBound(index.terms, term)
  return index.terms[at] === term ? at : -1
}

/** Byte offset in the position bytes where text posting `posting`'s list starts, found from the checkpoint before it. */
export function positionsAt(index: Pick<TermIndex, 'positions' | 'fields'>, posting: number): number {
  const { bytes, checkpoints } = index.positions
  const freqs = index.fields[TEXT_FIELD]!.freqs
  let at = checkpoints[Math.floor(posting / POSITION_CHECKPOINT)]!
  for (let j = posting - (posting % POSITION_CHECKPOINT); j < posting; j++) at = skipVarints(bytes, at, freqs[j]!)
  return at
}

/** Word positions (indexes among the text's terms) of text posting `posting`, ascending. */
export function positionsOf(index: Pick<TermIndex, 'positions' | 'fields'>, posting: number): number[] {
  const out = new Int32Array(index.fields[TEXT_FIELD]!.freqs[posting]!)
  readDeltas(index.positions.bytes, positionsAt(index, posting), out.length, out)
  return [...out]
}
