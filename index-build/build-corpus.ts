// Turns raw seed pages and what is known about them into the index file content: each page in file order, then one combining step.
import { commonPairs as findCommonPairs } from './common-pairs'
import { assembleIndex, INDEX_FORMAT_VERSION, toIndexDocument } from './assemble-index'
import type { KnowledgeBase } from './entities/knowledge-base'
import { EntityMerger, mergeEntities } from './entities/merge-entities'
import { linksOf, nearDuplicateLinks, nearDuplicatePairs } from './near-duplicates'
import { type PageFolder, processPagesInParallel } from './parallel-pages'
import { type PageOutcome, processPage, type SeedPage } from './process-page'
import type { Sources } from './sources'
import { paragraphBlockPieces } from './paragraph-records'
import { ParagraphStore } from './paragraph-store'
import { sortShingles } from './sorted-shingles'
import { buildTermIndex } from './term-index'
import type { IndexColumns } from './index-columns'
import { tagNumberColumns } from './tag-numbers'
import type { BuildReport, DropReason, EncodedIndexFile, Entity, IndexFile, Paragraph } from './types'

export { articleIdFor, MAX_LINE_CHARS, type SeedPage } from './process-page'

/** Options of buildCorpus. */
export interface BuildCorpusOptions {
  /** Knowledge base of known entities. */
  knowledgeBase: KnowledgeBase
  /** Run the NLP library to find entities not in the knowledge base (default true). */
  nlp?: boolean
  /** Called after each page with the number of pages done so far. */
  onProgress?: (done: number) => void
}

const byFile = <T extends { file: string }>(a: T, b: T) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)

/**
 * Cleans, tags and indexes the pages, in file name order (so the output is deterministic).
 * A page that cannot be used is skipped and reported in `report.warnings`; the rest builds.
 */
export function buildCorpus(pages: SeedPage[], sources: Sources, options: BuildCorpusOptions): IndexFile {
  const outcomes: PageOutcome[] = []
  const nlpCache = new Map()
  for (const page of [...pages].sort(byFile)) {
    outcomes.push(processPage(page, sources[page.file], { knowledgeBase: options.knowledgeBase, nlp: options.nlp ?? true, nlpCache }))
    options.onProgress?.(outcomes.length)
  }
  return combineOutcomes(outcomes, sources)
}

/** buildCorpus with the pages cleaned and tagged on `workers` worker threads: the same index file, sooner for many pages. */
export async function buildCorpusInParallel(pages: SeedPage[], sources: Sources, options: BuildCorpusOptions & { workers: number }): Promise<IndexFile> {
  const { paragraphBlocks, paragraphCount, columns, ...index } = await buildEncodedInParallel(pages, sources, options)
  return { ...index, paragraphs: decodeParagraphs(paragraphBlocks, paragraphCount, columns, index.entities) }
}

/** Every paragraph of encoded blocks (each as its pieces), decoded (their tags from the columns). */
function decodeParagraphs(blocks: Uint8Array[][], count: number, columns: IndexColumns, entities: Entity[]): Paragraph[] {
  const store = new ParagraphStore(blocks.map((pieces) => Buffer.concat(pieces)), count, columns, entities)
  return Array.from({ length: count }, (_, ordinal) => store.get(ordinal))
}

const NO_LINKS: string[] = []

/**
 * buildCorpusInParallel with the paragraph records left as the workers encoded them (near-duplicates
 * spliced in) and the columns made from the workers' tag numbers, ready to write: the main thread
 * never holds a paragraph as an object. Pages come as an array (sorted here) or as the names of
 * their files in a seeds folder, already in file order (byFile's), each read by the worker that
 * cleans it.
 */
export async function buildEncodedInParallel(pages: SeedPage[] | PageFolder, sources: Sources, options: BuildCorpusOptions & { workers: number }): Promise<EncodedIndexFile> {
  const { outcomes, terms, shingles, entities: tallies } = await processPagesInParallel(Array.isArray(pages) ? { pages: [...pages].sort(byFile) } : pages, sources, {
    knowledgeBase: options.knowledgeBase,
    nlp: options.nlp ?? true,
    workers: options.workers,
    onProgress: options.onProgress,
  })
  const articles = outcomes.flatMap((o) => (o.article ? [o.article] : []))
  const merger = new EntityMerger()
  for (const list of tallies) for (const tally of list) merger.addTally(tally)
  const entities = merger.entities()
  const { columns, ids } = tagNumberColumns(
    outcomes,
    tallies.map((list) => list.map((t) => t.entity.name)),
    articles,
    entities,
  )
  // The article column tells articles apart by id, as nearDuplicateLinks does.
  const nearPairs = nearDuplicatePairs(columns.article, shingles)
  const links = linksOf(nearPairs, (ordinal) => ids[ordinal]!)
  // The workers indexed each paragraph with its own page's title; the serial build takes the title by article id, the same unless two pages share an id ("a.txt", "a.TXT").
  const articleById = new Map(articles.map((a) => [a.id, a]))
  // Most paragraphs have no near-duplicates: while no two paragraphs share an id (no two articles do), only those in a pair are looked up by id.
  const idsDistinct = articleById.size === articles.length
  const paired = new Uint8Array(ids.length)
  nearPairs.forEach((a, b) => (paired[a] = paired[b] = 1))
  const paragraphBlocks = paragraphBlockPieces(
    outcomes.map((o) => o.records),
    (ordinal) => (idsDistinct && paired[ordinal] === 0 ? NO_LINKS : (links.get(ids[ordinal]!) ?? NO_LINKS)),
  )
  const report = reportOf(outcomes, sources, articles.length, ids.length, entities)
  const { terms: merged, pairs } = await terms
  if (merged.documentCount !== ids.length) throw new Error(`index-build: the term index holds ${merged.documentCount} paragraphs, not ${ids.length}`)
  const termIndex = idsDistinct
    ? merged
    : buildTermIndex(decodeParagraphs(paragraphBlocks, ids.length, columns, entities).map((p, ordinal) => toIndexDocument(p, articleById.get(p.articleId), ordinal)))
  // The merge worker found the merged index's common pairs; a term index made again here needs its own.
  const commonPairs = termIndex === merged ? pairs : findCommonPairs(termIndex)
  return { format: 'readout-index', version: INDEX_FORMAT_VERSION, articles, paragraphCount: ids.length, columns, paragraphBlocks, entities, terms: termIndex, commonPairs, report }
}

/** The build report of page outcomes in file order: warnings (pages skipped, sources entries naming no page), lines dropped, and the counts. */
function reportOf(outcomes: Pick<PageOutcome, 'file' | 'problems' | 'dropped'>[], sources: Sources, articles: number, paragraphs: number, entities: Entity[]): BuildReport {
  const warnings: BuildReport['warnings'] = []
  const dropped: Partial<Record<DropReason, number>> = {}
  for (const o of outcomes) {
    for (const problem of o.problems) warnings.push({ file: o.file, problem })
    for (const [reason, n] of Object.entries(o.dropped) as [DropReason, number][]) dropped[reason] = (dropped[reason] ?? 0) + n
  }
  const files = new Set(outcomes.map((o) => o.file))
  for (const file of Object.keys(sources).sort()) {
    if (!files.has(file)) warnings.push({ file: 'sources.json', problem: `entry "${file}" names no page in the seeds folder` })
  }
  const byType: Record<string, number> = {}
  for (const e of entities) {
    if (e.type) byType[e.type] = (byType[e.type] ?? 0) + 1
    if (e.region) byType.region = (byType.region ?? 0) + 1
  }
  return { articles, paragraphs, dropped, entities: byType, warnings }
}

/** Joins page outcomes (in file order) into the index file: warnings, near-duplicates, the entity table, the report and the search index. */
export function combineOutcomes(outcomes: PageOutcome[], sources: Sources): IndexFile {
  const sorted = [...outcomes].sort(byFile)
  const articles = sorted.flatMap((o) => (o.article ? [o.article] : []))
  const paragraphs = sorted.flatMap((o) => o.paragraphs)
  const links = nearDuplicateLinks(paragraphs, [{ sorted: sortShingles(sorted.map((o) => o.shingles)) }])
  for (const p of paragraphs) p.duplicates = links.get(p.id) ?? []
  const entities = mergeEntities(sorted.map((o) => o.entities))
  return assembleIndex(articles, paragraphs, entities, reportOf(sorted, sources, articles.length, paragraphs.length, entities))
}
