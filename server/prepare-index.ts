// Derives everything the server computes per index (search columns, the whole index's facet counts, suggestable entities) right after loading, so no request pays for it.
import type { LoadedIndex } from '../index-build/index-file'
import { wholeIndexCounts } from './search'
import { searchContext } from './search-context'
import { suggestableEntities } from './suggest'

/** Builds the per-index caches; returns the index for chaining. */
export function prepareIndex(index: LoadedIndex): LoadedIndex {
  wholeIndexCounts(searchContext(index))
  suggestableEntities(index)
  return index
}
