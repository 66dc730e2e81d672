// Reads one page of the seeds folder, turning a read failure into a page that says why.
import { closeSync, fstatSync, openSync, readFile, readSync, stat } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { SeedPage } from './process-page'

/**
 * fs's callback functions, promisified: on Node 20 they read 50,000 small pages in ~1.6 s and stat
 * them in ~0.4 s, where fs/promises took ~3.8 s and ~1.0 s (a file handle and more round trips to
 * the thread pool per file), with the same errors.
 */
const readBytes = promisify(readFile)
export const statFile = promisify(stat)

/** Why a page could not be read, as its warning says. */
const unreadable = (err: unknown) => `unreadable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`

/** The page's bytes, or null bytes and the reason it could not be read. */
export async function readPage(seedsDir: string, file: string): Promise<SeedPage> {
  try {
    return { file, bytes: await readBytes(join(seedsDir, file)) }
  } catch (err) {
    return { file, bytes: null, readError: unreadable(err) }
  }
}

/** The largest file fs.readFile reads (larger ones it refuses with ERR_FS_FILE_TOO_LARGE, before reading): PageReader refuses them the same way. */
const MAX_PAGE_BYTES = 2 ** 31 - 1

/** The reader's buffer to begin with, and the most it keeps between pages (a larger page's buffer is let go at the next read). */
const FIRST_BUFFER_BYTES = 1 << 16
const KEPT_BUFFER_BYTES = 1 << 22

/** The error fs.readFile gives for a file over MAX_PAGE_BYTES. */
const tooLarge = (size: number) => Object.assign(new RangeError(`File size (${size}) is greater than 2 GiB`), { code: 'ERR_FS_FILE_TOO_LARGE' })

/**
 * readPage in this thread, one page at a time, into one buffer kept from page to page: a page
 * worker reads its own pages so that the build's main thread neither reads nor copies them, and
 * makes no garbage doing it (every new buffer counts towards the next full collection of its
 * heap). A page's bytes are valid until the next read; the warnings are readPage's.
 */
export class PageReader {
  #buffer = Buffer.allocUnsafeSlow(FIRST_BUFFER_BYTES)

  constructor(readonly seedsDir: string) {}

  /** The page's bytes (a view of the reader's buffer), or null bytes and the reason it could not be read. */
  read(file: string): SeedPage {
    if (this.#buffer.length > KEPT_BUFFER_BYTES) this.#buffer = Buffer.allocUnsafeSlow(FIRST_BUFFER_BYTES)
    let fd: number | null = null
    try {
      fd = openSync(join(this.seedsDir, file), 'r')
      const size = fstatSync(fd).size
      if (size > MAX_PAGE_BYTES) throw tooLarge(size)
      // Room for the size stated and one byte more, so that reading to the end takes one call; a file that grew meanwhile grows the buffer.
      this.#reserve(size + 1, 0)
      let length = 0
      for (;;) {
        if (length === this.#buffer.length) this.#reserve(length * 2, length)
        const n = readSync(fd, this.#buffer, length, this.#buffer.length - length, null)
        if (n === 0) break
        length += n
        if (length > MAX_PAGE_BYTES) throw tooLarge(length)
      }
      return { file, bytes: this.#buffer.subarray(0, length) }
    } catch (err) {
      return { file, bytes: null, readError: unreadable(err) }
    } finally {
      // The page is read (or its error known) by now: a failure to close changes neither.
      if (fd !== null) {
        try {
          closeSync(fd)
        } catch {}
      }
    }
  }

  /** Makes the buffer at least `size` bytes, keeping its first `keep` bytes. */
  #reserve(size: number, keep: number): void {
    if (size <= this.#buffer.length) return
    const next = Buffer.allocUnsafeSlow(Math.max(size, this.#buffer.length * 2))
    this.#buffer.copy(next, 0, 0, keep)
    this.#buffer = next
  }
}
