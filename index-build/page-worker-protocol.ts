// The messages between the build and its page workers: clean pages, answer NLP questions, tag pages.
import type { CommonPairs } from './common-pairs'
import type { KnowledgeBase } from './entities/knowledge-base'
import type { NlpEntity } from './entities/nlp-entities'
import type { NlpQuestion } from './entities/nlp-questions'
import type { EntityTally } from './entities/merge-entities'
import type { PageOutcome, SeedPage } from './process-page'
import type { SourceEntry } from './sources'
import type { TermIndexPart } from './merge-term-indexes'
import type { SortedShingles } from './sorted-shingles'
import type { TermIndex } from './term-index'

/** What a page worker starts with. */
export interface PageWorkerData {
  /** Known entities. */
  knowledgeBase: KnowledgeBase
  /** Use the NLP library for entities the knowledge base does not list. */
  nlp: boolean
  /** The seeds folder pages handed by file name are read from (null when every page comes with its bytes). */
  seedsDir: string | null
}

/** A page handed to a worker: its position in file order, the page or only its file name (the worker reads it from the seeds folder), and what sources.json says of it. */
export interface NumberedPage {
  index: number
  page: SeedPage | string
  source: SourceEntry | undefined
}

/**
 * A page's outcome as a worker sends it, no larger than the build needs: no shingle keys (they
 * come sorted with 'done') and no entities (the worker merges its pages' and sends them with
 * 'done'); its paragraphs counted, their records (UTF-8, `recordBytes` long) in the message's
 * records and their tags (encodeTagNumbers, `tagWords` long, by the numbers of the worker's
 * entity tallies) in the message's tags.
 */
export type SentOutcome = Pick<PageOutcome, 'file' | 'problems' | 'dropped' | 'article'> & { paragraphs: number; recordBytes: number; tagWords: number }

/** The typed-array buffers of term indexes, sorted shingles and common pairs, to move with a message rather than copy. */
export function buffersOf(terms: TermIndex[], shingles: SortedShingles[] = [], pairs: CommonPairs[] = []): ArrayBuffer[] {
  const arrays = terms.flatMap((t) => [t.docFreq, ...t.fields.flatMap((f) => [f.start, f.docs, f.freqs]), ...t.fieldLength, t.avgFieldLength, t.positions.bytes, t.positions.checkpoints])
  for (const s of shingles) arrays.push(s.lo, s.hi, s.paragraph)
  for (const p of pairs) arrays.push(p.common, p.first, p.second, p.start, p.docs)
  return [...new Set(arrays.map((a) => a.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer)
}

/** The build's requests, in the order it sends them. */
export type PageWorkerRequest =
  /** Read (when named only), decode and clean these pages and keep them (more may follow; no reply). */
  | { kind: 'clean'; pages: NumberedPage[] }
  /** Every page has been sent: answer with each page cleaned's NLP candidates. */
  | { kind: 'list-candidates' }
  /** Ask the NLP library these questions about pages this worker holds. */
  | { kind: 'ask'; questions: NlpQuestion[] }
  /** Tag every page held, with these answers for every candidate of the build. */
  | { kind: 'tag'; answers: [string, NlpEntity[]][] }
  /** Merge the workers' term index parts (mergeTermIndexes) and find its common pairs, while the build does the rest of its combining. */
  | { kind: 'merge'; parts: TermIndexPart[]; documentCount: number }

/** The worker's replies. */
export type PageWorkerReply =
  /** Per page cleaned (all the 'clean' requests'), its candidate runs per text (as written); pages that cannot be used have none. */
  | { kind: 'cleaned'; candidates: [number, string[][]][] }
  /** What the NLP library found inside each run asked about. */
  | { kind: 'answered'; answers: [string, NlpEntity[]][] }
  /** Some pages' outcomes, their paragraph records and tags back to back in the same order; more may follow. */
  | { kind: 'tagged'; outcomes: [number, SentOutcome][]; records: Uint8Array; tags: Uint32Array }
  /** Every page held has been tagged: the term index and the sorted shingle keys of their paragraphs, in file order, paragraphs counted within this worker; and its pages' entities merged (each page's list ranked by its position in file order), numbered as the tags number them. */
  | { kind: 'done'; terms: TermIndex; shingles: SortedShingles; entities: EntityTally[] }
  /** The merged term index, and its common pairs (computed there, off the build's main thread). */
  | { kind: 'merged'; terms: TermIndex; pairs: CommonPairs }
