// Scored postings of common terms kept between queries, least recently used dropped first, bounded in bytes per indexed paragraph.
import type { TermIndex } from '../index-build/term-index'

/** Fewest paragraphs a term must match before its scored postings are cached (and at least 1/64 of the index): rarer terms are cheap to score again. */
export const TERM_CACHE_MIN_PARAGRAPHS = 16
/** Bytes of cached postings per indexed paragraph (256 MB at a million paragraphs; 64 thrashed on the benchmark's 40 common words and their completions), within the 3 KB a paragraph the service may use. */
const TERM_CACHE_BYTES_PER_PARAGRAPH = 256
/** Keys a TermCache remembers having been asked about once. */
const ASKED_LIMIT = 4096

/** Scored postings of common terms, least recently used dropped first, bounded in bytes. Values are never changed once stored. */
export class TermCache {
  readonly #entries = new Map<string, { docs: Uint32Array; scores: Float64Array }>()
  readonly #limit: number
  #bytes = 0
  /** Keys asked about once by secondAsking (forgotten all at once past ASKED_LIMIT). */
  readonly #asked = new Set<string>()

  constructor(limit: number) {
    this.#limit = limit
  }

  /** Number of terms held. */
  get size(): number {
    return this.#entries.size
  }

  get(key: string): { docs: Uint32Array; scores: Float64Array } | undefined {
    const hit = this.#entries.get(key)
    if (hit) {
      this.#entries.delete(key)
      this.#entries.set(key, hit)
    }
    return hit
  }

  /** False the first time a key is asked about, true after (a doorkeeper: work worth caching for a term asked for again). */
  secondAsking(key: string): boolean {
    if (this.#asked.has(key)) return true
    if (this.#asked.size >= ASKED_LIMIT) this.#asked.clear()
    this.#asked.add(key)
    return false
  }

  set(key: string, value: { docs: Uint32Array; scores: Float64Array }): void {
    const size = value.docs.byteLength + value.scores.byteLength
    if (size > this.#limit / 4) return
    this.#entries.set(key, value)
    this.#bytes += size
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.#limit) break
      this.#entries.delete(oldest)
      this.#bytes -= old.docs.byteLength + old.scores.byteLength
    }
  }
}

const termCaches = new WeakMap<TermIndex, TermCache>()

/** Forgets every cached term of an index (the benchmark's cold figures). */
export function clearTermCache(index: TermIndex): void {
  termCaches.delete(index)
}

export function termCacheFor(index: TermIndex): TermCache {
  let cache = termCaches.get(index)
  if (!cache) termCaches.set(index, (cache = new TermCache(index.documentCount * TERM_CACHE_BYTES_PER_PARAGRAPH)))
  return cache
}
