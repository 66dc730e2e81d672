// A page worker: cleans and tags its share of a build's pages in three steps, so that every NLP answer is the one a serial build would get.
import { parentPort, workerData } from 'node:worker_threads'
import { toIndexDocument } from './assemble-index'
import { EntityMerger, type EntityTally } from './entities/merge-entities'
import { classifyCandidates, type NlpCache } from './entities/nlp-entities'
import { restoredTaggingInput, storedCandidates, type StoredTaggingInput, storedTaggingInput } from './entities/stored-tagging-input'
import { type NameCandidate, uncuedCandidates } from './entities/tag-article'
import { buffersOf, type PageWorkerData, type PageWorkerReply, type PageWorkerRequest, type SentOutcome } from './page-worker-protocol'
import { encodePageRecords } from './paragraph-records'
import { commonPairs } from './common-pairs'
import { mergeTermIndexes } from './merge-term-indexes'
import { hashWord, type ShingleKeys, shingleKeysOfWords } from './near-duplicates'
import { type CleanedPage, cleanSeedPage, type PageOutcome, prepareCleanedPage, type SeedPage, tagCleanedPage } from './process-page'
import { PageReader } from './read-page'
import { type SortedShingles, sortShingles } from './sorted-shingles'
import { Growable } from './growable'
import { encodeTagNumbers } from './tag-numbers'
import { type TermIndex, TermIndexBuilder } from './term-index'

/** Outcomes sent per message while tagging, so the build can take them in while the rest are tagged. */
const OUTCOMES_PER_MESSAGE = 64

const { knowledgeBase, nlp, seedsDir } = workerData as PageWorkerData
const reader = seedsDir === null ? null : new PageReader(seedsDir)

/** A page handed over, read here when it comes by name: its bytes then last until the next read. */
function pageOf(page: SeedPage | string): SeedPage {
  if (typeof page !== 'string') return page
  if (!reader) throw new Error(`index-build: page worker: page ${page} handed by name without a seeds folder`)
  return reader.read(page)
}
const port = parentPort!
/** Pages held, by position in file order, prepared for tagging and stored compactly until then (storedTaggingInput; their dropped texts let go). */
const held = new Map<number, { page: CleanedPage & { usable: true }; prepared: StoredTaggingInput }>()
const finished = new Map<number, PageOutcome>()
/** The NLP candidates of the pages cleaned so far, until the build asks for them. */
let candidatesCleaned: [number, string[][]][] = []

const reply = (message: PageWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer)

const UTF8 = new TextEncoder()

/** Appends `text` to `out` as UTF-8; returns the bytes it took. */
function appendUtf8(out: Growable<Uint8Array>, text: string): number {
  // A UTF-16 code unit takes at most 3 bytes.
  out.reserve(text.length * 3)
  const { written } = UTF8.encodeInto(text, out.data.subarray(out.length))
  out.length += written
  return written
}

/** Tags every page held, in file order, taking every NLP answer from `cache`; returns the term index and sorted shingle keys of their paragraphs (counted here) and their entities merged. */
function tagAll(cache: NlpCache): { terms: TermIndex; shingles: SortedShingles; entities: EntityTally[] } {
  const terms = new TermIndexBuilder()
  const shingles: ShingleKeys[] = []
  /** hashWord of each term, by term id: the text's index terms are the words paragraphs are compared by, so the term index's tokenising serves near-duplicate keying too. */
  const hashOfTerm: number[] = []
  const wordHashes = (ids: readonly number[]) => ids.map((id) => hashOfTerm[id] ?? (hashOfTerm[id] = hashWord(terms.term(id))))
  let ordinal = 0
  const entities = new EntityMerger()
  let batch: [number, SentOutcome][] = []
  /** The batch's records, encoded as each page is sent (one buffer for every batch, copied out when sent). */
  const records = new Growable(Uint8Array, 1 << 20)
  let tags = new Growable(Uint32Array)
  const flush = () => {
    if (batch.length > 0) {
      const bytes = records.copy()
      const numbers = tags.copy()
      reply({ kind: 'tagged', outcomes: batch, records: bytes, tags: numbers }, [bytes.buffer as ArrayBuffer, numbers.buffer as ArrayBuffer])
    }
    batch = []
    records.length = 0
    tags = new Growable(Uint32Array)
  }
  /** Sends what the build needs of the outcome: its paragraphs as records and tag numbers, its entities merged with the other pages' (sent with 'done'). */
  const send = (index: number, { file, problems, dropped, article, entities: pageEntities, paragraphs }: PageOutcome) => {
    const recordBytes = appendUtf8(records, encodePageRecords(paragraphs))
    entities.add(pageEntities, index)
    const before = tags.length
    encodeTagNumbers(
      paragraphs,
      (name) => {
        const number = entities.numberOf(name)
        if (number === undefined) throw new Error(`index-build: page worker: ${file}: paragraph tag "${name}" names none of the page's entities`)
        return number
      },
      tags,
    )
    batch.push([index, { file, problems, dropped, article, paragraphs: paragraphs.length, recordBytes, tagWords: tags.length - before }])
  }
  for (const [index, outcome] of [...finished].sort((a, b) => a[0] - b[0])) send(index, outcome)
  for (const index of [...held.keys()].sort((a, b) => a - b)) {
    const { page, prepared } = held.get(index)!
    const input = restoredTaggingInput(prepared)
    for (const c of input.candidates.flatMap(uncuedCandidates)) {
      if (!cache.has(c.surface)) throw new Error(`index-build: page worker: no NLP answer for "${c.surface}" (${page.outcome.file})`)
    }
    const outcome = tagCleanedPage(page, { knowledgeBase, nlp, nlpCache: cache, shingles: false }, input)
    shingles.push(shingleKeysOfWords(outcome.paragraphs.map((p) => wordHashes(terms.add(toIndexDocument(p, outcome.article ?? undefined, ordinal++))))))
    send(index, outcome)
    held.delete(index)
    if (batch.length >= OUTCOMES_PER_MESSAGE) flush()
  }
  flush()
  finished.clear()
  return { terms: terms.finish(), shingles: sortShingles(shingles), entities: entities.tallies() }
}

port.on('message', (request: PageWorkerRequest) => {
  if (request.kind === 'clean') {
    for (const { index, page, source } of request.pages) {
      const cleaned = cleanSeedPage(pageOf(page), source)
      if (!cleaned.usable) {
        finished.set(index, cleaned.outcome)
        continue
      }
      const prepared = prepareCleanedPage(cleaned, { knowledgeBase, nlp })
      // The dropped pieces of text are counted in the outcome already; tagging never reads them.
      held.set(index, { page: { ...cleaned, cleaned: { ...cleaned.cleaned, dropped: [] } }, prepared: storedTaggingInput(prepared) })
      candidatesCleaned.push([index, prepared.candidates.map((list) => uncuedCandidates(list).map((c) => c.surface))])
    }
  } else if (request.kind === 'list-candidates') {
    reply({ kind: 'cleaned', candidates: candidatesCleaned })
    candidatesCleaned = []
  } else if (request.kind === 'ask') {
    const cache: NlpCache = new Map()
    // A page's questions come one after the other: its candidates are made again once for them.
    let page = -1
    let candidates: NameCandidate[][] = []
    for (const q of request.questions) {
      const { prepared } = held.get(q.page)!
      if (q.page !== page) [page, candidates] = [q.page, storedCandidates(prepared)]
      const asked = uncuedCandidates(candidates[q.text]!)
      classifyCandidates(prepared.texts[q.text]!, q.candidates.map((i) => asked[i]!), cache)
    }
    reply({ kind: 'answered', answers: [...cache] })
  } else if (request.kind === 'tag') {
    const { terms, shingles, entities } = tagAll(new Map(request.answers))
    reply({ kind: 'done', terms, shingles, entities }, buffersOf([terms], [shingles]))
  } else {
    const terms = mergeTermIndexes(request.parts, request.documentCount)
    const pairs = commonPairs(terms)
    reply({ kind: 'merged', terms, pairs }, buffersOf([terms], [], [pairs]))
  }
})
