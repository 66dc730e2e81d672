// The Hono environment of API routes: the index being served and the thread helping to count, set per request by the app.
import type { LoadedIndex } from '../../index-build/index-file'
import type { ParallelCounter } from '../count-hits'

/** Variables available to API handlers. */
export type IndexEnv = { Variables: { index: LoadedIndex; countHelper: ParallelCounter | null } }
