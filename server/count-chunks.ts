// What both threads of a shared count agree on: the control words in shared memory, how a chunk is claimed, and what counting chunk k of a job does.
import { addRows, addScatteredRows, addSparseRows, type CountedRows, type CountKind, subtractGaps } from './count-hits'

/** Indexes of the control words (an Int32Array over a SharedArrayBuffer). */
export const CONTROL = {
  /** The job's number: the helper thread sleeps on it between jobs. */
  JOB: 0,
  /** The job's number (low 15 bits), its chunk count and the next chunk to take, in one word, so a claim can never take a chunk of another job. */
  CLAIM: 1,
  /** Chunks counted. */
  DONE: 2,
  /** What the job does (KIND_CODES). */
  KIND: 3,
  /** Number of hits (the shared hits buffer may be longer). */
  HITS: 4,
  /** Which registered rows the job counts. */
  ROWS: 5,
  /** 1 while the helper thread may be counting a chunk (set before it claims one, cleared once the chunk is counted and done). */
  BUSY: 6,
  /** Words in all. */
  SIZE: 7,
} as const

/** The code of each kind of count in the KIND word. */
export const KIND_CODES: Record<CountKind, number> = { add: 0, gaps: 1, scattered: 2, sparse: 3 }

/** Chunks a job may have: a chunk count and a chunk index each fit the CLAIM word's 8 bits. */
export const MAX_CHUNKS = 255

/** The CLAIM word of a job's start: nothing taken yet. */
export function claimWord(job: number, chunks: number): number {
  return ((job & 0x7fff) << 16) | (chunks << 8)
}

/** Takes the next chunk of job `job`, or returns -1 when the job is another or has none left. */
export function claimChunk(control: Int32Array, job: number): number {
  for (;;) {
    const word = Atomics.load(control, CONTROL.CLAIM)
    if (word >>> 16 !== (job & 0x7fff)) return -1
    const next = word & 0xff
    if (next >= ((word >>> 8) & 0xff)) return -1
    if (Atomics.compareExchange(control, CONTROL.CLAIM, word, word + 1) === word) return next
  }
}

/** Counts chunk k of `chunks` over the first n hits into `all`, by kind code: adding their rows (add, scattered, sparse) or taking off the gaps before them (gaps; the last chunk also takes off the gap after the last hit). */
export function countChunk(kind: number, hits: Uint32Array, n: number, k: number, chunks: number, rows: CountedRows, all: Uint32Array): void {
  const size = Math.ceil(n / chunks)
  const from = Math.min(n, k * size)
  const to = Math.min(n, from + size)
  if (kind === KIND_CODES.add) addRows(hits, from, to, rows, all)
  else if (kind === KIND_CODES.scattered) addScatteredRows(hits, from, to, rows, all)
  else if (kind === KIND_CODES.sparse) addSparseRows(hits, from, to, rows, all)
  else subtractGaps(hits, n, from, to, k === chunks - 1, rows, all)
}
