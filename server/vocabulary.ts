// Lookups in the index's sorted vocabulary: where a key would stand, and the most frequent terms that start with a prefix.
import type { LoadedIndex } from '../index-build/index-file'
import { lowerBound } from '../index-build/term-index'

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

