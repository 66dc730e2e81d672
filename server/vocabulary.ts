// Lookups in the index's sorted vocabulary: where a key would stand, and the most frequent terms that start with a prefix.
import type { LoadedIndex } from '../index-build/index-file'

/** First index at or after `key` in a sorted list. */
export function lowerBound(sorted: string[], key: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < key) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Terms starting with `prefix` (except `skip`), most frequent first, at most `limit`, with their document frequencies. */
export function topWithPrefix(vocabulary: LoadedIndex['vocabulary'], prefix: string, limit: number, skip = ''): { term: string; df: number }[] {
  const { terms, docFreq } = vocabulary
  const found: { term: string; df: number }[] = []
  for (let i = lowerBound(terms, prefix); i < terms.length && terms[i]!.startsWith(prefix); i++) {
    if (terms[i] !== skip) found.push({ term: terms[i]!, df: docFreq[i]! })
  }
  found.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1))
  return found.slice(0, limit)
}

