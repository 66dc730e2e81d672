// Temporary folders for tests, removed once the test file has run, so a test run leaves nothing behind in the system's temp folder.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

const made: string[] = []

afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

/** A new empty folder named readout-<label>-…, removed after the last test of the file that asked for it. */
export async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `readout-${label}-`))
  made.push(dir)
  return dir
}
