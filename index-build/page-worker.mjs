// Starts a page worker: worker threads do not inherit tsx's loader, so this loads the TypeScript worker through tsx's API.
import { tsImport } from 'tsx/esm/api'

await tsImport('./page-worker.ts', import.meta.url)
