// Joins term indexes built over disjoint parts of a build's paragraphs (each in paragraph order) into the one buildTermIndex gives over all of them.
import { SEARCH_FIELDS } from './index-options'
import { narrowest, POSITION_CHECKPOINT, type TermIndex } from './term-index'
import { skipVarints } from './varint'

/** A term index over some paragraphs, and where they stand among all of them. */
export interface TermIndexPart {
  /** The part's index; its paragraph ordinals count from 0 within the part. */
  index: TermIndex
  /** Ordinal among all paragraphs of each of the part's paragraphs; ascending. */
  ordinals: Uint32Array
}

const TEXT_FIELD = SEARCH_FIELDS.indexOf('text')

/** The sorted union of sorted term lists, and for each list where its terms went. */
function unionOfTerms(lists: string[][]): { terms: string[]; rankOf: Uint32Array[] } {
  const terms: string[] = []
  const rankOf = lists.map((list) => new Uint32Array(list.length))
  const at = lists.map(() => 0)
  for (;;) {
    let least: string | null = null
    for (let p = 0; p < lists.length; p++) {
      const term = lists[p]![at[p]!]
      if (term !== undefined && (least === null || term < least)) least = term
    }
    if (least === null) return { terms, rankOf }
    for (let p = 0; p < lists.length; p++) {
      if (lists[p]![at[p]!] === least) rankOf[p]![at[p]!++] = terms.length
    }
    terms.push(least)
  }
}

/** Byte offset of each text posting's position list in a part (one more at the end: the length). */
function positionStarts(index: TermIndex): Uint32Array {
  const freqs = index.fields[TEXT_FIELD]!.freqs
  const starts = new Uint32Array(freqs.length + 1)
  let at = 0
  for (let j = 0; j < freqs.length; j++) {
    starts[j] = at
    at = skipVarints(index.positions.bytes, at, freqs[j]!)
  }
  starts[freqs.length] = at
  return starts
}

/**
 * The term index of all paragraphs from indexes of parts of them: the parts' paragraphs are
 * disjoint and together are paragraphs 0 … documentCount - 1. Equal to buildTermIndex over all
 * paragraphs in ordinal order, MiniSearch's running average field lengths included.
 */
export function mergeTermIndexes(parts: TermIndexPart[], documentCount: number): TermIndex {
  const covered = parts.reduce((n, p) => n + p.ordinals.length, 0)
  if (covered !== documentCount || parts.some((p) => p.ordinals.length !== p.index.documentCount)) {
    throw new Error(`index-build: term index parts cover ${covered} paragraphs, not ${documentCount}`)
  }
  const { terms, rankOf } = unionOfTerms(parts.map((p) => p.index.terms))
  const docFreq = new Uint32Array(terms.length)
  parts.forEach((p, i) => p.index.docFreq.forEach((n, t) => (docFreq[rankOf[i]![t]!]! += n)))
  const starts = parts.map((p) => positionStarts(p.index))
  // Each part's term id for a term of the union, or -1.
  const localTerm = parts.map(() => new Int32Array(terms.length).fill(-1))
  parts.forEach((_, i) => rankOf[i]!.forEach((g, t) => (localTerm[i]![g] = t)))
  let positions: TermIndex['positions'] | null = null

  const fields = SEARCH_FIELDS.map((_, f) => {
    const inputs = parts.map((p) => p.index.fields[f]!)
    const docsOf = inputs.map((x) => x.docs)
    const freqsOf = inputs.map((x) => x.freqs)
    const ordinalsOf = parts.map((p) => p.ordinals)
    const total = inputs.reduce((n, x) => n + x.docs.length, 0)
    const start = new Uint32Array(terms.length + 1)
    const docs = new Uint32Array(total)
    const freqs = new Uint32Array(total)
    const withPositions = f === TEXT_FIELD
    const bytes = withPositions ? new Uint8Array(parts.reduce((n, p) => n + p.index.positions.bytes.length, 0)) : null
    const checkpoints = withPositions ? new Uint32Array(Math.ceil(total / POSITION_CHECKPOINT)) : null
    const next = new Uint32Array(parts.length)
    const end = new Uint32Array(parts.length)
    let out = 0
    let written = 0
    for (let g = 0; g < terms.length; g++) {
      start[g] = out
      for (let i = 0; i < parts.length; i++) {
        const t = localTerm[i]![g]!
        next[i] = t < 0 ? 0 : inputs[i]!.start[t]!
        end[i] = t < 0 ? 0 : inputs[i]!.start[t + 1]!
      }
      // The term's postings: each part's, merged by paragraph ordinal (within a part they ascend),
      // a run at a time: the part with the least next paragraph gives every posting before the
      // others' next, its position lists copied at once (they stand back to back in the part).
      for (;;) {
        let pick = -1
        let least = Infinity
        let others = Infinity
        for (let i = 0; i < parts.length; i++) {
          if (next[i]! < end[i]!) {
            const ordinal = ordinalsOf[i]![docsOf[i]![next[i]!]!]!
            if (ordinal < least) {
              others = least
              least = ordinal
              pick = i
            } else if (ordinal < others) others = ordinal
          }
        }
        if (pick < 0) break
        const partDocs = docsOf[pick]!
        const partFreqs = freqsOf[pick]!
        const partOrdinals = ordinalsOf[pick]!
        const partStarts = starts[pick]!
        const from = next[pick]!
        const stop = end[pick]!
        let j = from
        let ordinal = least
        for (;;) {
          if (checkpoints && out % POSITION_CHECKPOINT === 0) checkpoints[out / POSITION_CHECKPOINT] = written + partStarts[j]! - partStarts[from]!
          docs[out] = ordinal
          freqs[out++] = partFreqs[j++]!
          if (j === stop) break
          ordinal = partOrdinals[partDocs[j]!]!
          if (ordinal > others) break
        }
        next[pick] = j
        if (bytes) {
          const source = parts[pick]!.index.positions.bytes
          const to = partStarts[j]!
          let b = partStarts[from]!
          if (to - b > 64) {
            bytes.set(source.subarray(b, to), written)
            written += to - b
          } else while (b < to) bytes[written++] = source[b++]!
        }
      }
    }
    start[terms.length] = out
    if (bytes && checkpoints) positions = { bytes, checkpoints }
    return { start, docs, freqs: narrowest(freqs) }
  })

  const fieldLength = SEARCH_FIELDS.map((_, f) => {
    const lengths = new Uint32Array(documentCount)
    for (const p of parts) p.index.fieldLength[f]!.forEach((n, local) => (lengths[p.ordinals[local]!] = n))
    return lengths
  })
  // MiniSearch's running average, in paragraph order: (average × documents before + length) / (documents before + 1).
  const avgFieldLength = Float64Array.from(fieldLength, (lengths) => {
    let average = 0
    for (let ordinal = 0; ordinal < lengths.length; ordinal++) average = (average * ordinal + lengths[ordinal]!) / (ordinal + 1)
    return average
  })
  return { documentCount, terms, docFreq, fields, fieldLength: fieldLength.map(narrowest), avgFieldLength, positions: positions! }
}
