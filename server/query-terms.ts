// The index terms a query can match, for highlighting text it did not score: each word's own term plus its typo corrections and completions.
import type { LoadedIndex } from '../index-build/index-file'
import { indexTerms } from '../index-build/index-options'
import { expandTerm } from './expand-terms'
import type { ParsedQuery } from './query-parse'

/** Normalised terms a text would be marked for: the query's words and, for words, what they expand to in this index. */
export function queryMatchTerms(index: LoadedIndex | null, query: ParsedQuery): Set<string> {
  const set = new Set<string>()
  for (const clause of query.clauses) {
    for (const item of clause) {
      const words = indexTerms(item.kind === 'word' ? item.text : item.words.join(' '))
      words.forEach((word, k) => {
        set.add(word)
        if (index && item.kind === 'word') for (const e of expandTerm(index.vocabulary, word, item.prefix && k === words.length - 1)) set.add(e.term)
      })
    }
  }
  return set
}
