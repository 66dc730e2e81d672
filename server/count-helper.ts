// Counts a large hit list's facet rows on two threads: the main thread and a helper thread take chunks of it in turn from shared memory, so a search answers sooner while the second core would sit idle. Counts are integers: the sum is exact in any order.
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads'
import { CONTROL, claimChunk, claimWord, countChunk, KIND_CODES, MAX_CHUNKS } from './count-chunks'
import type { CountKind, ParallelCounter } from './count-hits'
import type { HelperMessage } from './count-helper-worker'
import { facetRowArrays, type FacetRows } from './search-context'

/** When to share a count, and how long to wait for the helper. */
export interface CountHelperOptions {
  /** Fewest rows a count reads before it is shared (fewer: handing it over costs more than it saves). Default 65,536 (~1.5 ms of counting on one thread). */
  minRows?: number
  /** Rows a chunk reads, about (default 16,384: chunks small enough to share the work evenly, large enough that claiming them costs nothing). */
  chunkRows?: number
  /** How long the main thread waits for the helper's last chunks once none is left to take, before counting them itself (default 2 ms; a chunk takes about half of one). */
  graceMs?: number
  /** For tests: the main thread takes no chunk itself, so the helper counts every chunk while it runs. */
  helperOnly?: boolean
  /** For tests: the worker's script (default: the count helper's). */
  workerUrl?: URL
}

/** Rows registered with the helper: their number and the counts the helper adds into. */
interface Registered {
  id: number
  counts: Uint32Array
}

/** Shared memory of `length` 32-bit words. */
const sharedWords = (length: number) => new Uint32Array(new SharedArrayBuffer(4 * length))

/** True when the rows live in shared memory, so the helper thread can read them. */
const isShared = (rows: FacetRows) => facetRowArrays(rows).every((a) => a.buffer instanceof SharedArrayBuffer)

export class CountHelper implements ParallelCounter {
  readonly #control = new Int32Array(new SharedArrayBuffer(4 * CONTROL.SIZE))
  readonly #options: Required<Omit<CountHelperOptions, 'workerUrl'>>
  readonly #workerUrl: URL
  #port: MessagePort | null = null
  /** The helper thread: undefined until the first count large enough to share starts it, null once stopped. */
  #worker: Worker | null | undefined = undefined
  #ready: Promise<boolean> | null = null
  #hits = sharedWords(0)
  #registered = new WeakMap<FacetRows, Registered>()
  /** The rows registered, oldest first: the helper keeps the latest two (the index served and one replacing it), so no older index stays in memory for it. */
  #order: { id: number; rows: WeakRef<FacetRows> }[] = []
  #nextId = 1
  #job = 0
  /** Chunks the helper thread has counted, and jobs it was left behind on (tests and benchmarks: proof it helped, or did not). */
  helperChunks = 0
  lateJobs = 0

  constructor(options: CountHelperOptions = {}) {
    this.#options = { minRows: options.minRows ?? 1 << 16, chunkRows: options.chunkRows ?? 1 << 14, graceMs: options.graceMs ?? 2, helperOnly: options.helperOnly ?? false }
    this.#workerUrl = options.workerUrl ?? new URL('./count-helper-worker.mjs', import.meta.url)
  }

  /** Starts the helper thread, once (counts start it when first large enough); resolves true once it runs, false if it could not start or has stopped. */
  start(): Promise<boolean> {
    if (this.#worker === null) return Promise.resolve(false)
    if (this.#ready) return this.#ready
    try {
      const { port1, port2 } = new MessageChannel()
      const worker = new Worker(this.#workerUrl, { workerData: { control: this.#control, port: port2 }, transferList: [port2] })
      port1.unref()
      worker.unref()
      this.#port = port1
      this.#worker = worker
      this.#ready = new Promise((resolve) => {
        worker.once('message', () => resolve(true))
        worker.once('exit', () => resolve(false))
      })
      // A helper that fails or ends is no longer asked: every later count runs on the main thread.
      worker.on('error', (err) => {
        console.error(`count helper: ${err.message}; counting on the main thread alone`)
        this.stop()
      })
      worker.on('exit', () => (this.#worker = null))
    } catch (err) {
      console.error(`count helper: could not start (${(err as Error).message}); counting on the main thread alone`)
      this.#worker = null
      this.#ready = Promise.resolve(false)
    }
    return this.#ready
  }

  /** True until the helper thread stops or fails to start. */
  get running(): boolean {
    return this.#worker !== null
  }

  /** Stops the helper thread; counts then run on the main thread alone. */
  stop(): void {
    const worker = this.#worker
    this.#worker = null
    void worker?.terminate()
  }

  /** The rows' registration, made (and sent to the helper) the first time they are counted. */
  #register(rows: FacetRows): Registered {
    let known = this.#registered.get(rows)
    if (known) return known
    known = { id: this.#nextId++, counts: sharedWords(rows.slots) }
    this.#registered.set(rows, known)
    this.#post({ rows: known.id, at: rows.at, data: rows.data, wide: rows.wide, counts: known.counts })
    this.#order.push({ id: known.id, rows: new WeakRef(rows) })
    if (this.#order.length > 2) {
      const oldest = this.#order.shift()!
      this.#post({ forget: oldest.id })
      const forgotten = oldest.rows.deref()
      if (forgotten) this.#registered.delete(forgotten)
    }
    return known
  }

  #post(message: HelperMessage): void {
    this.#port?.postMessage(message)
  }

  /** Counts into `all` on both threads and returns true, or returns false (nothing counted) when the count is too small to share or the helper is not running. */
  count(kind: CountKind, hits: Uint32Array, rows: FacetRows, all: Uint32Array): boolean {
    const n = hits.length
    // Rows to read, a scattered or sparse hit's row weighed as four (each a cache miss: ~70–150 ns a hit at 1M here, against ~35 ns dense).
    const work = kind === 'gaps' ? rows.at.length - 1 - n : kind === 'add' ? n : 4 * n
    if (this.#worker === null || work < this.#options.minRows || !isShared(rows)) return false
    // Until the thread runs, the main thread takes every chunk (and waits for none).
    if (this.#worker === undefined) void this.start()
    // A helper still counting a chunk of a job left behind keeps its counts busy: count alone this time.
    if (this.#worker === null || Atomics.load(this.#control, CONTROL.BUSY) !== 0) return false
    const target = this.#register(rows)
    if (this.#hits.length < n) this.#post({ hits: (this.#hits = sharedWords(Math.max(n, 2 * this.#hits.length))) })
    this.#hits.set(hits)
    target.counts.fill(0)
    const chunks = Math.min(MAX_CHUNKS, Math.max(2, Math.ceil(work / this.#options.chunkRows)))
    // Jobs are numbered 1 … 2^30 - 1, then again from 1 (the helper starts waiting for a job after 0).
    const job = (this.#job = (this.#job % 0x3fffffff) + 1)
    const control = this.#control
    const kindCode = KIND_CODES[kind]
    Atomics.store(control, CONTROL.DONE, 0)
    Atomics.store(control, CONTROL.KIND, kindCode)
    Atomics.store(control, CONTROL.HITS, n)
    Atomics.store(control, CONTROL.ROWS, target.id)
    Atomics.store(control, CONTROL.CLAIM, claimWord(job, chunks))
    Atomics.store(control, CONTROL.JOB, job)
    Atomics.notify(control, CONTROL.JOB)
    const mine = new Uint8Array(chunks)
    let counted = 0
    if (!this.#options.helperOnly) {
      for (let k = claimChunk(control, job); k >= 0; k = claimChunk(control, job)) {
        countChunk(kindCode, this.#hits, n, k, chunks, rows, all)
        mine[k] = 1
        counted++
        Atomics.add(control, CONTROL.DONE, 1)
      }
    }
    // Then the helper's chunks: wait for them, but not long. A helper held up (its core taken by another thread) is left behind: the main
    // thread takes the chunks still unclaimed and counts every chunk it did not count itself, ignoring the helper's counts for this job.
    const deadline = performance.now() + this.#options.graceMs
    for (let done = Atomics.load(control, CONTROL.DONE); done < chunks; done = Atomics.load(control, CONTROL.DONE)) {
      const left = deadline - performance.now()
      if (left > 0 && Atomics.wait(control, CONTROL.DONE, done, left) !== 'timed-out') continue
      while (claimChunk(control, job) >= 0);
      for (let k = 0; k < chunks; k++) if (mine[k] === 0) countChunk(kindCode, this.#hits, n, k, chunks, rows, all)
      this.lateJobs++
      return true
    }
    if (counted < chunks) {
      const theirs = target.counts
      for (let s = 0; s < theirs.length; s++) all[s] = all[s]! + theirs[s]!
      this.helperChunks += chunks - counted
    }
    return true
  }
}

/** The process's count helper (its thread starts with the first count large enough to share). */
let shared: CountHelper | null = null

export function sharedCountHelper(): CountHelper {
  shared ??= new CountHelper()
  return shared
}
