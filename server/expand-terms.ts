// Expands a query word into the index terms it should match: itself if indexed, else its nearest typo corrections (transpositions count as one edit), plus completions when it is being typed; bounded and ranked by frequency.
import type { LoadedIndex } from '../index-build/index-file'
import { lowerBound } from '../index-build/term-index'
import { topWithPrefix } from './vocabulary'

/** An index term a query word matches, and how. */
export interface Expansion {
  /** The index term. */
  term: string
  /** Edits from the query word (0 = exact or completion). */
  distance: number
  /** True when the term completes the word being typed. */
  prefix: boolean
}

/** Most completions of a prefix kept (the most frequent): each costs a posting list, so a keystroke stays cheap. */
export const MAX_PREFIX_EXPANSIONS = 10
/** Shortest word completed while typing: a single letter would match a slice of the vocabulary, not a word in mind. */
export const MIN_PREFIX_LENGTH = 2
/** Most typo corrections kept (the most frequent). */
export const MAX_FUZZY_EXPANSIONS = 10

/** Edits allowed for a word: none up to 3 letters, 1 from 4, 2 from 8. */
export function maxEdits(word: string): number {
  const n = word.length
  return n <= 3 ? 0 : n < 8 ? 1 : 2
}

/** Rows of the distance table, reused between calls (grown for longer words). */
let rows = { prev2: new Int32Array(64), prev: new Int32Array(64), cur: new Int32Array(64) }

/** Optimal-string-alignment distance (insert, delete, substitute, swap adjacent), or max + 1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const n = b.length
  if (rows.prev.length <= n) rows = { prev2: new Int32Array(2 * n + 2), prev: new Int32Array(2 * n + 2), cur: new Int32Array(2 * n + 2) }
  let { prev2, prev, cur } = rows
  for (let j = 0; j <= n; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1)
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1
    cur[0] = i
    let rowMin = i
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1)
      const cost = ai === bj ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) v = Math.min(v, prev2[j - 2]! + 1)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    ;[prev2, prev, cur] = [prev, cur, prev2]
  }
  return prev[n]!
}

const cache = new WeakMap<LoadedIndex['vocabulary'], Map<string, Expansion[]>>()
const CACHE_SIZE = 5000

/** The index terms a normalised query word matches. Deterministic; cached per index. */
export function expandTerm(vocabulary: LoadedIndex['vocabulary'], word: string, prefix: boolean): Expansion[] {
  const key = `${prefix ? 'p' : 'w'}:${word}`
  let known = cache.get(vocabulary)
  if (!known) cache.set(vocabulary, (known = new Map()))
  const hit = known.get(key)
  if (hit) return hit
  const { terms, docFreq } = vocabulary
  const at = lowerBound(terms, word)
  const exact = terms[at] === word
  const out: Expansion[] = exact ? [{ term: word, distance: 0, prefix: false }] : []
  if (!exact) {
    const max = maxEdits(word)
    if (max > 0) {
      const first = word[0]!
      const near: { term: string; distance: number; df: number }[] = []
      for (let i = lowerBound(terms, first); i < terms.length && terms[i]![0] === first; i++) {
        const d = editDistance(word, terms[i]!, max)
        if (d <= max) near.push({ term: terms[i]!, distance: d, df: docFreq[i]! })
      }
      const best = Math.min(...near.map((n) => n.distance))
      near
        .filter((n) => n.distance === best)
        .sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1))
        .slice(0, MAX_FUZZY_EXPANSIONS)
        .forEach((n) => out.push({ term: n.term, distance: n.distance, prefix: false }))
    }
  }
  if (prefix && word.length >= MIN_PREFIX_LENGTH) for (const { term } of topWithPrefix(vocabulary, word, MAX_PREFIX_EXPANSIONS, word)) out.push({ term, distance: 0, prefix: true })
  if (known.size >= CACHE_SIZE) known.clear()
  known.set(key, out)
  return out
}
