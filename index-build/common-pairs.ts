// Paragraphs in which two common terms stand side by side ("common grams"): a phrase of very frequent words ("of the") is answered from a list, instead of by reading word positions in most of the index.
import { SEARCH_FIELDS } from './index-options'
import { Growable } from './growable'
import { lowerBound, positionsAt, type TermIndex } from './term-index'
import { readDeltas } from './varint'

/** For each pair of common terms found adjacent somewhere, the paragraphs where the first stands right before the second. */
export interface CommonPairs {
  /** The common terms' ids, ascending: a pair of them not listed never stands adjacent. */
  common: Uint32Array
  /** Pair k is the terms (first[k], second[k]) by term id, sorted by first, then second. */
  first: Uint32Array
  second: Uint32Array
  /** Pair k's paragraphs, ascending, are docs[start[k]] … docs[start[k + 1] - 1]. */
  start: Uint32Array
  docs: Uint32Array
}

/** Which terms count as common. */
export interface CommonPairOptions {
  /** Fewest paragraphs whose text must hold a term (default: a 32nd of the paragraphs, and at least 1,024: below that, positions are cheap to check). */
  minParagraphs?: number
  /** Most common terms (the most frequent), so at most this many squared pairs (default 128: at a million paragraphs, every term in 73,000 or more). */
  maxTerms?: number
}

const TEXT_FIELD = SEARCH_FIELDS.indexOf('text')
/** Paragraphs collated at a time. */
const BLOCK = 4096

/** The common terms' ids, ascending: those in the text of at least `minParagraphs` paragraphs, at most `maxTerms` of the most frequent. */
function commonTerms(index: TermIndex, minParagraphs: number, maxTerms: number): number[] {
  const { start } = index.fields[TEXT_FIELD]!
  const frequent: { id: number; count: number }[] = []
  for (let id = 0; id + 1 < start.length; id++) {
    const count = start[id + 1]! - start[id]!
    if (count >= minParagraphs) frequent.push({ id, count })
  }
  frequent.sort((a, b) => b.count - a.count || a.id - b.id)
  return frequent
    .slice(0, maxTerms)
    .map((t) => t.id)
    .sort((a, b) => a - b)
}

/** Finds, from the text positions, every paragraph in which each pair of common terms stands adjacent (first, then second). */
export function commonPairs(index: TermIndex, options: CommonPairOptions = {}): CommonPairs {
  const n = index.documentCount
  const minParagraphs = Math.max(1, options.minParagraphs ?? Math.max(1024, Math.ceil(n / 32)))
  const common = commonTerms(index, minParagraphs, options.maxTerms ?? 128)
  const k = common.length
  const { start, docs, freqs } = index.fields[TEXT_FIELD]!
  const bytes = index.positions.bytes
  // Where each common term's walk stands: its next posting and the byte offset of that posting's positions.
  const posting = Uint32Array.from(common, (id) => start[id]!)
  const at = Uint32Array.from(common, (id) => positionsAt(index, start[id]!))
  // A block's occurrences of common terms grouped by paragraph: paragraph d's are byDoc[docStart[d]] … byDoc[docStart[d + 1] - 1], each a position and a term (by its index in `common`).
  let byDoc = { position: new Int32Array(1 << 16), term: new Uint32Array(1 << 16) }
  const docStart = new Uint32Array(BLOCK + 1)
  const fill = new Uint32Array(BLOCK)
  /** Each common term's first posting past the block. */
  const until = new Uint32Array(k)
  let decoded = new Int32Array(64)
  // Per position in the current paragraph: the common term there, valid where stamp[p] is the paragraph's stamp.
  let termAt = new Uint32Array(1024)
  let stamp = new Int32Array(1024)
  // Every adjacency found, as its pair (first × k + second, by index in `common`), in paragraph order: paragraph d's end before foundUntil[d]. With how many
  // each pair has, they are put in pair order at the end: one list for all pairs, where a growing list per pair (thousands of them) cost a random write,
  // and now and then a copy, per adjacency.
  const foundPair = new Growable(Uint32Array, 1 << 16)
  const foundUntil = new Uint32Array(n)
  const perPair = new Uint32Array(k * k)
  const lastDoc = new Int32Array(k * k).fill(-1)
  for (let base = 0; base < n; base += BLOCK) {
    const end = Math.min(n, base + BLOCK)
    // How many occurrences each paragraph has (its postings' term frequencies, known without decoding), so each is written once, in its place.
    docStart.fill(0)
    for (let c = 0; c < k; c++) {
      const last = start[common[c]! + 1]!
      let j = posting[c]!
      for (; j < last && docs[j]! < end; j++) docStart[docs[j]! - base + 1]! += freqs[j]!
      until[c] = j
    }
    for (let d = 0; d < BLOCK; d++) docStart[d + 1]! += docStart[d]!
    const m = docStart[BLOCK]!
    if (byDoc.position.length < m) byDoc = { position: new Int32Array(m * 2), term: new Uint32Array(m * 2) }
    fill.set(docStart.subarray(0, BLOCK))
    for (let c = 0; c < k; c++) {
      let offset = at[c]!
      for (let j = posting[c]!; j < until[c]!; j++) {
        const tf = freqs[j]!
        if (decoded.length < tf) decoded = new Int32Array(tf * 2)
        offset = readDeltas(bytes, offset, tf, decoded)
        let slot = fill[docs[j]! - base]!
        for (let i = 0; i < tf; i++, slot++) {
          byDoc.position[slot] = decoded[i]!
          byDoc.term[slot] = c
        }
        fill[docs[j]! - base] = slot
      }
      posting[c] = until[c]!
      at[c] = offset
    }
    for (let d = 0; d < end - base; d++) {
      const doc = base + d
      const from = docStart[d]!
      const to = docStart[d + 1]!
      if (to - from < 2) {
        foundUntil[doc] = foundPair.length
        continue
      }
      for (let i = from; i < to; i++) {
        const p = byDoc.position[i]!
        if (p + 2 > stamp.length) {
          const size = Math.max(p + 2, stamp.length * 2)
          const nextStamp = new Int32Array(size)
          nextStamp.set(stamp)
          stamp = nextStamp
          const nextTerm = new Uint32Array(size)
          nextTerm.set(termAt)
          termAt = nextTerm
        }
        stamp[p] = doc + 1
        termAt[p] = byDoc.term[i]!
      }
      for (let i = from; i < to; i++) {
        const p = byDoc.position[i]! + 1
        if (stamp[p] !== doc + 1) continue
        const pair = byDoc.term[i]! * k + termAt[p]!
        if (lastDoc[pair] === doc) continue
        lastDoc[pair] = doc
        foundPair.push(pair)
        perPair[pair]!++
      }
      foundUntil[doc] = foundPair.length
    }
  }
  // Pairs in order of their first term's id, then the second's (common ids are ascending, so key order is that order); each pair's paragraphs stay in the order found, ascending.
  const first: number[] = []
  const second: number[] = []
  const startOut: number[] = [0]
  const place = new Uint32Array(k * k)
  let total = 0
  for (let pair = 0; pair < k * k; pair++) {
    if (perPair[pair] === 0) continue
    first.push(common[Math.floor(pair / k)]!)
    second.push(common[pair % k]!)
    place[pair] = total
    total += perPair[pair]!
    startOut.push(total)
  }
  const out = new Uint32Array(total)
  const pairOf = foundPair.data
  for (let doc = 0, e = 0; doc < n; doc++) for (const until = foundUntil[doc]!; e < until; e++) out[place[pairOf[e]!]!++] = doc
  return { common: Uint32Array.from(common), first: Uint32Array.from(first), second: Uint32Array.from(second), start: Uint32Array.from(startOut), docs: out }
}

/** True when the ascending list holds the value. */
function holds(list: Uint32Array, value: number): boolean {
  return list[lowerBound(list, value)] === value
}

const NONE = new Uint32Array(0)

/** The paragraphs where term `a` stands right before term `b` (by term id), or null when the two are not both common terms. */
export function pairDocs(pairs: CommonPairs, a: number, b: number): Uint32Array | null {
  if (!holds(pairs.common, a) || !holds(pairs.common, b)) return null
  let lo = 0
  let hi = pairs.first.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (pairs.first[mid]! < a || (pairs.first[mid] === a && pairs.second[mid]! < b)) lo = mid + 1
    else hi = mid
  }
  if (lo === pairs.first.length || pairs.first[lo] !== a || pairs.second[lo] !== b) return NONE
  return pairs.docs.subarray(pairs.start[lo]!, pairs.start[lo + 1]!)
}
