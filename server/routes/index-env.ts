// The Hono environment of API routes: the index being served, set per request by the app.
import type { LoadedIndex } from '../../index-build/index-file'

/** Variables available to API handlers. */
export type IndexEnv = { Variables: { index: LoadedIndex } }
