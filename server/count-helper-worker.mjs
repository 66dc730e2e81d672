// Starts the count helper thread: worker threads do not inherit tsx's loader, so this loads the TypeScript worker through tsx's API.
import { tsImport } from 'tsx/esm/api'

await tsImport('./count-helper-worker.ts', import.meta.url)
