// Runs processPage over many pages on worker threads, with the serial build's result: pages keep their file order and NLP is asked exactly what a serial build asks.
import type { CommonPairs } from './common-pairs'
import type { EntityTally } from './entities/merge-entities'
import { Worker } from 'node:worker_threads'
import type { KnowledgeBase } from './entities/knowledge-base'
import type { NlpEntity } from './entities/nlp-entities'
import { type NlpQuestion, nlpQuestions } from './entities/nlp-questions'
import { buffersOf, type NumberedPage, type PageWorkerData, type PageWorkerReply, type PageWorkerRequest, type SentOutcome } from './page-worker-protocol'
import type { SeedPage } from './process-page'
import type { Sources } from './sources'
import type { TermIndexPart } from './merge-term-indexes'
import type { TermIndex } from './term-index'
import type { SortedShingles } from './sorted-shingles'

/** Options of processPagesInParallel. */
export interface ParallelOptions {
  /** Known entities. */
  knowledgeBase: KnowledgeBase
  /** Use the NLP library for entities the knowledge base does not list. */
  nlp: boolean
  /** Worker threads to use (at least 1). */
  workers: number
  /** Called with the number of pages done so far, as outcomes arrive. */
  onProgress?: (done: number) => void
}

/** Pages named in a seeds folder, in file order: each is read by the worker that cleans it, so the main thread never holds or copies a page. */
export interface PageFolder {
  seedsDir: string
  files: readonly string[]
}

/** A build's pages in file order: in memory, or named in a seeds folder. */
export type PageSource = { pages: readonly SeedPage[] } | PageFolder

/** Pages handed to the workers per message (each gets its share of them). */
export const PAGES_PER_MESSAGE = 512

/** Fewest pages worth a worker of their own. */
const MIN_PAGES_PER_WORKER = 8

/**
 * Most runs of consecutive pages a worker gets, dealt out in turn (fewer runs, of one page each,
 * when there are fewer pages): enough for each worker's pages to come from the whole range (and
 * so its share of the work to be about even), few enough that its paragraphs' ordinals stand in
 * long blocks and the parts of the term index join by long runs of postings (with runs of 8
 * pages, every term's postings alternated between the parts: the join took 5.4-7.4 s at 1M
 * paragraphs, and 4.2-4.5 s with 32 runs a worker).
 */
const RUNS_PER_WORKER = 32

/** A worker's young generation, in MB: tagging makes many short-lived objects; at 1M paragraphs a worker spent 4.1 s in minor collections with V8's default and 1.7 s with 256 MB. */
const YOUNG_GENERATION_MB = 256

/** One worker and a way to wait for its next replies. */
interface PageWorker {
  /** Sends a request (moving the buffers listed rather than copying them). */
  send: (request: PageWorkerRequest, transfer?: ArrayBuffer[]) => void
  /** Resolves with the next reply of that kind ('tagged' replies go to the onTagged given at start). */
  next: <K extends PageWorkerReply['kind']>(kind: K) => Promise<Extract<PageWorkerReply, { kind: K }>>
  /** Stops the thread. */
  stop: () => Promise<number>
}

/** Starts a worker; a crash rejects whatever is awaited from it. */
function startWorker(data: PageWorkerData, onTagged: (reply: Extract<PageWorkerReply, { kind: 'tagged' }>) => void): PageWorker {
  const worker = new Worker(new URL('./page-worker.mjs', import.meta.url), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } })
  let waiting: { kind: string; resolve: (reply: PageWorkerReply) => void; reject: (err: Error) => void } | null = null
  let failure: Error | null = null
  const fail = (err: Error) => {
    failure ??= err
    waiting?.reject(failure)
    waiting = null
  }
  worker.on('message', (reply: PageWorkerReply) => {
    if (reply.kind === 'tagged') {
      // A reply that does not fit fails the build (the awaited step rejects) rather than the process.
      try {
        onTagged(reply)
      } catch (err) {
        fail(err as Error)
      }
    } else if (waiting?.kind === reply.kind) {
      const { resolve } = waiting
      waiting = null
      resolve(reply)
    } else fail(new Error(`index-build: page worker: unexpected reply "${reply.kind}"`))
  })
  worker.on('error', (err) => fail(err))
  worker.on('exit', (code) => fail(new Error(`index-build: page worker stopped (exit code ${code})`)))
  return {
    send: (request, transfer = []) => worker.postMessage(request, transfer),
    next: (kind) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure)
        waiting = { kind, resolve: resolve as (reply: PageWorkerReply) => void, reject }
      }),
    stop: () => worker.terminate(),
  }
}

/** A page's outcome as the build gets it: its paragraphs' records encoded and their tags as numbers into the entity tallies of `worker`, the worker that tagged it. */
export type TaggedOutcome = Omit<SentOutcome, 'recordBytes' | 'tagWords'> & { records: Uint8Array; tags: Uint32Array; worker: number }

/** What the workers give: each page's outcome, and the term index and sorted shingle keys of the pages' paragraphs in parts. */
export interface ParallelOutcome {
  /** The outcome of processPage for each page, in the order given, as the workers send it. */
  outcomes: TaggedOutcome[]
  /** The term index of all the pages' paragraphs in order, merged from the workers' parts on a worker (mergeTermIndexes), and its common pairs: they come later than the rest. */
  terms: Promise<{ terms: TermIndex; pairs: CommonPairs }>
  /** Each worker's sorted shingle keys of its pages' paragraphs (the outcomes have none), with the same ordinals. */
  shingles: { sorted: SortedShingles; ordinals: Uint32Array }[]
  /** Each worker's pages' entities, merged there (pages ranked by position in file order); the tags of the outcomes a worker tagged number its tallies. */
  entities: EntityTally[][]
}

/**
 * The rounds between cleaning and tagging: every page's candidate runs, the serial build's NLP
 * questions asked where their pages are held, and every answer sent with the request to tag.
 * Its own function so that the candidates and answers (at 1M paragraphs ~80 MB, marked by every
 * full collection while the pages are tagged) are garbage once it returns.
 */
async function askThenTag(workers: PageWorker[], pageCount: number, nlp: boolean, ownerOf: (index: number) => number): Promise<void> {
  workers.forEach((w) => w.send({ kind: 'list-candidates' }))
  const candidates: string[][][] = Array.from({ length: pageCount }, () => [])
  for (const reply of await Promise.all(workers.map((w) => w.next('cleaned')))) {
    for (const [index, surfaces] of reply.candidates) candidates[index] = surfaces
  }
  const answers: [string, NlpEntity[]][] = []
  const questions = nlp ? nlpQuestions(candidates) : []
  if (questions.length > 0) {
    const asked: NlpQuestion[][] = workers.map(() => [])
    for (const q of questions) asked[ownerOf(q.page)]!.push(q)
    workers.forEach((w, i) => w.send({ kind: 'ask', questions: asked[i]! }))
    for (const reply of await Promise.all(workers.map((w) => w.next('answered')))) answers.push(...reply.answers)
  }
  workers.forEach((w) => w.send({ kind: 'tag', answers }))
}

/**
 * The outcome of processPage for each page, in the order given (file order), computed on
 * `workers` threads in three rounds: clean every page and list its candidate runs; ask the NLP
 * library the serial build's questions, each where its page is held; tag every page with all
 * the answers (and index its paragraphs). The result is the serial build's, whatever the timing.
 */
export async function processPagesInParallel(source: PageSource, sources: Sources, options: ParallelOptions): Promise<ParallelOutcome> {
  // Each page as handed to its worker: with its bytes, or by file name (the worker reads it).
  const pages: readonly (SeedPage | string)[] = 'pages' in source ? source.pages : source.files
  const pageCount = pages.length
  const outcomes: TaggedOutcome[] = new Array(pageCount)
  let done = 0
  const count = Math.max(1, Math.min(options.workers, Math.ceil(pageCount / MIN_PAGES_PER_WORKER)))
  const onTagged = (worker: number, { outcomes: batch, records, tags }: Extract<PageWorkerReply, { kind: 'tagged' }>) => {
    let at = 0
    let tagsAt = 0
    for (const [index, { recordBytes, tagWords, ...outcome }] of batch) {
      outcomes[index] = { ...outcome, records: records.subarray(at, (at += recordBytes)), tags: tags.subarray(tagsAt, (tagsAt += tagWords)), worker }
    }
    if (at !== records.length || tagsAt !== tags.length) throw new Error('index-build: page worker: records or tags do not fit their outcomes')
    done += batch.length
    options.onProgress?.(done)
  }
  const seedsDir = 'seedsDir' in source ? source.seedsDir : null
  const workers = Array.from({ length: count }, (_, i) => startWorker({ knowledgeBase: options.knowledgeBase, nlp: options.nlp, seedsDir }, (reply) => onTagged(i, reply)))
  const run = Math.max(1, Math.ceil(pageCount / (count * RUNS_PER_WORKER)))
  const ownerOf = (index: number) => Math.floor(index / run) % count
  const stopAll = () => Promise.all(workers.map((w) => w.stop()))
  /** Set once the workers' last job, merging the term index, is under way: they stop when it ends. */
  let lastJob: Promise<unknown> | null = null
  try {
    for (let from = 0; from < pageCount; from += PAGES_PER_MESSAGE) {
      const shares: NumberedPage[][] = workers.map(() => [])
      for (let index = from; index < Math.min(pageCount, from + PAGES_PER_MESSAGE); index++) {
        const page = pages[index]!
        shares[ownerOf(index)]!.push({ index, page, source: sources[typeof page === 'string' ? page : page.file] })
      }
      workers.forEach((w, i) => w.send({ kind: 'clean', pages: shares[i]! }))
    }
    await askThenTag(workers, pageCount, options.nlp, ownerOf)
    const done = await Promise.all(workers.map((w) => w.next('done')))
    // Each worker indexed its pages' paragraphs in file order; number them among all pages' paragraphs.
    const ordinals: number[][] = workers.map(() => [])
    let ordinal = 0
    outcomes.forEach((outcome, index) => {
      for (let k = 0; k < outcome.paragraphs; k++) ordinals[ownerOf(index)]!.push(ordinal++)
    })
    const numbered = ordinals.map((list) => Uint32Array.from(list))
    // The first worker merges the term index (its inputs move there, not copied) while this thread combines the rest.
    const parts: TermIndexPart[] = done.map((reply, i) => ({ index: reply.terms, ordinals: numbered[i]!.slice() }))
    const merged = workers[0]!.next('merged').then(({ terms, pairs }) => ({ terms, pairs }))
    workers[0]!.send({ kind: 'merge', parts, documentCount: ordinal }, [...buffersOf(parts.map((p) => p.index)), ...parts.map((p) => p.ordinals.buffer as ArrayBuffer)])
    lastJob = merged
    // The others have nothing left to do: their memory goes back now, not after the merge.
    await Promise.all(workers.slice(1).map((w) => w.stop()))
    return { outcomes, terms: merged, shingles: done.map((reply, i) => ({ sorted: reply.shingles, ordinals: numbered[i]! })), entities: done.map((reply) => reply.entities) }
  } finally {
    if (lastJob) lastJob.then(stopAll, stopAll)
    else await stopAll()
  }
}
