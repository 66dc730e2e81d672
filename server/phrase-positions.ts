// Phrase checks from word positions: a paragraph matches when the phrase's terms stand at consecutive positions of its text, in order.
import { SEARCH_FIELDS } from '../index-build/index-options'
import { positionsOf, type TermIndex, termIdOf } from '../index-build/term-index'

const TEXT_FIELD = SEARCH_FIELDS.indexOf('text')

/**
 * A test of one phrase (its normalised terms) against paragraphs by ordinal, answering exactly
 * "the phrase's terms occur adjacent and in order among the text's normalised terms". Calls in
 * ascending ordinal order are cheapest (each term's postings are walked forward).
 */
export function phraseTest(index: TermIndex, phrase: string[]): (ordinal: number) => boolean {
  if (phrase.length === 0) return () => false
  const ids = phrase.map((term) => termIdOf(index, term))
  if (ids.some((id) => id < 0)) return () => false
  const { start, docs } = index.fields[TEXT_FIELD]!
  // A term with no text postings (only in titles, say) cannot be part of a phrase in the text.
  if (ids.some((id) => start[id] === start[id + 1])) return () => false
  const cursor = ids.map((id) => start[id]!)
  /** The text posting of term k for the ordinal, or -1. */
  const postingOf = (k: number, ordinal: number): number => {
    const end = start[ids[k]! + 1]!
    let lo = docs[cursor[k]!]! <= ordinal ? cursor[k]! : start[ids[k]!]!
    let hi = end
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (docs[mid]! < ordinal) lo = mid + 1
      else hi = mid
    }
    cursor[k] = Math.min(lo, end - 1)
    return lo < end && docs[lo] === ordinal ? lo : -1
  }
  return (ordinal) => {
    const lists: number[][] = []
    for (let k = 0; k < ids.length; k++) {
      const posting = postingOf(k, ordinal)
      if (posting < 0) return false
      lists.push(positionsOf(index, posting))
    }
    const later = lists.slice(1).map((list) => new Set(list))
    return lists[0]!.some((p) => later.every((set, k) => set.has(p + k + 1)))
  }
}
