// Turns raw seed pages and what is known about them into the index file content: each page in file order, then one combining step.
import { commonPairs as findCommonPairs } from './common-pairs'
import { assembleIndex, INDEX_FORMAT_VERSION, toIndexDocument } from './assemble-index'
import type { KnowledgeBase } from './entities/knowledge-base'
import { mergeEntities } from './entities/merge-entities'
import { concatShingleKeys, nearDuplicateLinks, type ShinglePart } from './near-duplicates'
import { processPagesInParallel } from './parallel-pages'
import { type PageOutcome, processPage, type SeedPage } from './process-page'
import type { Sources } from './sources'
import { joinParagraphBlocks } from './paragraph-records'
import { ParagraphStore } from './paragraph-store'
import { sortShingles } from './sorted-shingles'
import { buildTermIndex } from './term-index'
import type { BuildReport, DropReason, EncodedIndexFile, IndexFile, Paragraph, ParagraphSummary } from './types'

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
  const { paragraphBlocks, ...index } = await buildEncodedInParallel(pages, sources, options)
  return { ...index, paragraphs: decodeParagraphs(paragraphBlocks, index.paragraphs.length) }
}

/** Every paragraph of encoded blocks, decoded. */
function decodeParagraphs(blocks: Buffer[], count: number): Paragraph[] {
  const store = new ParagraphStore(blocks, count)
  return Array.from({ length: count }, (_, ordinal) => store.get(ordinal))
}

/** buildCorpusInParallel with the paragraph records left as the workers encoded them (near-duplicates spliced in), ready to write: the main thread never holds the paragraphs' text. */
export async function buildEncodedInParallel(pages: SeedPage[], sources: Sources, options: BuildCorpusOptions & { workers: number }): Promise<EncodedIndexFile> {
  const { outcomes, terms, shingles } = await processPagesInParallel([...pages].sort(byFile), sources, {
    knowledgeBase: options.knowledgeBase,
    nlp: options.nlp ?? true,
    workers: options.workers,
    onProgress: options.onProgress,
  })
  const combined = combinePages(outcomes, sources, shingles)
  const { articles, paragraphs } = combined
  const paragraphBlocks = joinParagraphBlocks(
    combined.outcomes.map((o) => o.records),
    (ordinal) => paragraphs[ordinal]!.duplicates,
  )
  // The workers indexed each paragraph with its own page's title; the serial build takes the title by article id, the same unless two pages share an id ("a.txt", "a.TXT").
  const articleById = new Map(articles.map((a) => [a.id, a]))
  const { terms: merged, pairs } = await terms
  if (merged.documentCount !== paragraphs.length) throw new Error(`index-build: the term index holds ${merged.documentCount} paragraphs, not ${paragraphs.length}`)
  const termIndex =
    articleById.size === articles.length
      ? merged
      : buildTermIndex(decodeParagraphs(paragraphBlocks, paragraphs.length).map((p, ordinal) => toIndexDocument(p, articleById.get(p.articleId), ordinal)))
  // The merge worker found the merged index's common pairs; a term index made again here needs its own.
  const commonPairs = termIndex === merged ? pairs : findCommonPairs(termIndex)
  return { format: 'readout-index', version: INDEX_FORMAT_VERSION, articles, paragraphs, paragraphBlocks, entities: combined.entities, terms: termIndex, commonPairs, report: combined.report }
}

/** A page's outcome as combining needs it: its paragraphs need only say what links and columns need. */
type CombinableOutcome = Omit<PageOutcome, 'paragraphs'> & { paragraphs: ParagraphSummary[] }

/** Page outcomes joined (in file order): warnings, near-duplicates (from `shingles`, the page workers' sorted keys, or the outcomes' own), the entity table and the report. */
function combinePages<O extends CombinableOutcome>(outcomes: O[], sources: Sources, shingles?: ShinglePart[]) {
  const warnings: BuildReport['warnings'] = []
  const dropped: Partial<Record<DropReason, number>> = {}
  const sorted = [...outcomes].sort(byFile)
  for (const o of sorted) {
    for (const problem of o.problems) warnings.push({ file: o.file, problem })
    for (const [reason, n] of Object.entries(o.dropped) as [DropReason, number][]) dropped[reason] = (dropped[reason] ?? 0) + n
  }
  const files = new Set(sorted.map((o) => o.file))
  for (const file of Object.keys(sources).sort()) {
    if (!files.has(file)) warnings.push({ file: 'sources.json', problem: `entry "${file}" names no page in the seeds folder` })
  }
  const articles = sorted.flatMap((o) => (o.article ? [o.article] : []))
  const paragraphs: O['paragraphs'][number][] = sorted.flatMap((o) => o.paragraphs)
  const links = nearDuplicateLinks(paragraphs, shingles ?? [{ sorted: sortShingles(concatShingleKeys(sorted.map((o) => o.shingles))) }])
  for (const p of paragraphs) p.duplicates = links.get(p.id) ?? []

  const entities = mergeEntities(sorted.map((o) => o.entities))
  const byType: Record<string, number> = {}
  for (const e of entities) {
    if (e.type) byType[e.type] = (byType[e.type] ?? 0) + 1
    if (e.region) byType.region = (byType.region ?? 0) + 1
  }
  const report: BuildReport = { articles: articles.length, paragraphs: paragraphs.length, dropped, entities: byType, warnings }
  return { outcomes: sorted, articles, paragraphs, entities, report }
}

/** Joins page outcomes (in file order) into the index file: warnings, near-duplicates, the entity table, the report and the search index. */
export function combineOutcomes(outcomes: PageOutcome[], sources: Sources): IndexFile {
  const { articles, paragraphs, entities, report } = combinePages(outcomes, sources)
  return assembleIndex(articles, paragraphs, entities, report)
}
