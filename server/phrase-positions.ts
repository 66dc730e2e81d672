// Phrase checks from word positions: a paragraph matches when the phrase's terms stand at consecutive positions of its text, in order.
import { type CommonPairs, pairDocs } from '../index-build/common-pairs'
import { SEARCH_FIELDS } from '../index-build/index-options'
import { POSITION_CHECKPOINT, positionsAt, type TermIndex, termIdOf } from '../index-build/term-index'
import { readDeltas, skipVarints } from '../index-build/varint'
import { firstAtOrAfter, intersectDocs } from './sorted-lists'

const TEXT_FIELD = SEARCH_FIELDS.indexOf('text')

/** Reads one term's text postings and their positions, moving forward through the position bytes without decoding what it passes. */
class PositionCursor {
  readonly #index: TermIndex
  readonly #docs: Uint32Array
  readonly #freqs: Uint16Array | Uint32Array
  readonly #bytes: Uint8Array
  readonly #end: number
  /** Next posting whose positions start at byte `#at`. */
  #posting: number
  #at: number
  /** Positions of the last posting found, and its paragraph (-1 before any). */
  positions = new Int32Array(16)
  count = 0
  #found = -1

  constructor(index: TermIndex, term: number) {
    this.#index = index
    const { start, docs, freqs } = index.fields[TEXT_FIELD]!
    this.#docs = docs
    this.#freqs = freqs
    this.#bytes = index.positions.bytes
    this.#end = start[term + 1]!
    this.#posting = start[term]!
    this.#at = positionsAt(index, this.#posting)
  }

  /** True when the term occurs in the paragraph's text; its positions are then in `positions[0 … count - 1]`. Ordinals must not decrease between calls. */
  seek(ordinal: number): boolean {
    if (ordinal === this.#found) return true
    const docs = this.#docs
    // The first posting at or after the ordinal (in a dense list, usually the next one or two).
    const lo = firstAtOrAfter(docs, this.#posting, this.#end, ordinal)
    if (lo >= this.#end || docs[lo] !== ordinal) {
      this.#moveTo(Math.min(lo, this.#end))
      return false
    }
    this.#moveTo(lo)
    const tf = this.#freqs[lo]!
    if (this.positions.length < tf) this.positions = new Int32Array(tf * 2)
    // Reading the positions moves past them: the cursor stands at the next posting.
    this.#at = readDeltas(this.#bytes, this.#at, tf, this.positions)
    this.#posting = lo + 1
    this.#found = ordinal
    this.count = tf
    return true
  }

  /** Moves the byte offset to a posting's positions: skipping varints when near, from a checkpoint when far. */
  #moveTo(posting: number): void {
    if (posting === this.#posting) return
    if (posting >= this.#end) {
      this.#posting = this.#end
      return
    }
    const bytes = this.#bytes
    const freqs = this.#freqs
    if (posting - this.#posting > POSITION_CHECKPOINT) {
      this.#at = positionsAt(this.#index, posting)
    } else {
      let at = this.#at
      for (let j = this.#posting; j < posting; j++) at = skipVarints(bytes, at, freqs[j]!)
      this.#at = at
    }
    this.#posting = posting
  }
}

/**
 * A test of one phrase (its normalised terms) against paragraphs by ordinal, answering exactly
 * "the phrase's terms occur adjacent and in order among the text's normalised terms". Ordinals
 * must be asked in ascending order (each term's positions are read forward once). With `pairs`,
 * adjacent common terms ("of the") are looked up in their list of paragraphs: a two-word phrase of
 * common terms is answered from the list alone, a longer one reads positions only where every
 * listed pair stands.
 */
export function phraseTest(index: TermIndex, phrase: string[], pairs?: CommonPairs): (ordinal: number) => boolean {
  if (phrase.length === 0) return () => false
  const ids = phrase.map((term) => termIdOf(index, term))
  const { start } = index.fields[TEXT_FIELD]!
  // A term not indexed, or with no text postings (only in titles, say), cannot be part of a phrase in the text.
  if (ids.some((id) => id < 0 || start[id] === start[id + 1])) return () => false
  const listed = pairs ? listedCandidates(pairs, ids) : null
  if (listed === null) return ascending(positionTest(index, ids))
  const where = ascending(memberOf(listed))
  if (ids.length === 2) return where
  const positions = positionTest(index, ids)
  return (ordinal) => where(ordinal) && positions(ordinal)
}

/** The paragraphs where every adjacent pair of common terms in the phrase stands (ascending), or null when it has no such pair. */
function listedCandidates(pairs: CommonPairs, ids: number[]): Uint32Array | null {
  const listed: Uint32Array[] = []
  for (let k = 0; k + 1 < ids.length; k++) {
    const docs = pairDocs(pairs, ids[k]!, ids[k + 1]!)
    if (docs) listed.push(docs)
  }
  return listed.length === 0 ? null : listed.sort((a, b) => a.length - b.length).reduce((both, list) => intersectDocs(both, list))
}

/**
 * Every paragraph that can hold the phrase (ascending: a superset of the answer, and the answer
 * itself when `exact`) when its common pairs narrow it down, else null: a cheap bound on a
 * phrase's hits.
 */
export function phraseCandidates(index: TermIndex, phrase: string[], pairs: CommonPairs): { docs: Uint32Array; exact: boolean } | null {
  const ids = phrase.map((term) => termIdOf(index, term))
  if (ids.some((id) => id < 0)) return { docs: new Uint32Array(0), exact: true }
  const docs = listedCandidates(pairs, ids)
  return docs && { docs, exact: ids.length === 2 }
}
/** A test that refuses an ordinal asked after a larger one. */
function ascending(test: (ordinal: number) => boolean): (ordinal: number) => boolean {
  let last = -1
  return (ordinal) => {
    if (ordinal < last) throw new RangeError(`phraseTest: ordinal ${ordinal} asked after ${last}`)
    last = ordinal
    return test(ordinal)
  }
}

/** Membership in an ascending list, for ordinals asked in ascending order. */
function memberOf(list: Uint32Array): (ordinal: number) => boolean {
  let at = 0
  return (ordinal) => {
    at = firstAtOrAfter(list, at, list.length, ordinal)
    return at < list.length && list[at] === ordinal
  }
}

/** The phrase test on word positions, for term ids that all have text postings; ordinals ascending. */
function positionTest(index: TermIndex, ids: number[]): (ordinal: number) => boolean {
  // One cursor per distinct term ("the the" reads one list once).
  const byTerm = new Map<number, PositionCursor>()
  const cursors = ids.map((id) => byTerm.get(id) ?? byTerm.set(id, new PositionCursor(index, id)).get(id)!)
  const distinct = [...byTerm.values()]
  const next = new Int32Array(ids.length)
  return (ordinal) => {
    for (let c = 0; c < distinct.length; c++) if (!distinct[c]!.seek(ordinal)) return false
    // Does some position p of the first term have term k at p + k for every k?
    for (let k = 1; k < next.length; k++) next[k] = 0
    const first = cursors[0]!
    outer: for (let i = 0; i < first.count; i++) {
      const p = first.positions[i]!
      for (let k = 1; k < cursors.length; k++) {
        const c = cursors[k]!
        while (next[k]! < c.count && c.positions[next[k]!]! < p + k) next[k]!++
        if (next[k]! >= c.count) return false
        if (c.positions[next[k]!] !== p + k) continue outer
      }
      return true
    }
    return false
  }
}
