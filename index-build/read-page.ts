// Reads one page of the seeds folder, turning a read failure into a page that says why.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SeedPage } from './process-page'

/** The page's bytes, or null bytes and the reason it could not be read. */
export async function readPage(seedsDir: string, file: string): Promise<SeedPage> {
  try {
    return { file, bytes: await readFile(join(seedsDir, file)) }
  } catch (err) {
    return { file, bytes: null, readError: `unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }
  }
}
