// Cleans and tags one page: the per-page half of the build, in this thread or in a page worker.
import { type ArticleMetadata, articleMetadata } from './article-metadata'
import { type CleanPage, cleanPage } from './clean/clean-page'
import { decodePage } from './clean/decode-page'
import type { KnowledgeBase } from './entities/knowledge-base'
import type { NlpCache } from './entities/nlp-entities'
import { prepareTagging, type TaggingInput, tagPrepared } from './entities/tag-article'
import { type ShingleKeys, shingleKeys } from './near-duplicates'
import type { SourceEntry } from './sources'
import type { Article, DropReason, Entity, Paragraph } from './types'

/** One raw page as read from the seeds folder, or why it could not be read. */
export interface SeedPage {
  /** File name relative to the seeds folder (also the sources.json key). */
  file: string
  /** The raw bytes; null when the file could not be read. */
  bytes: Uint8Array | null
  /** Why the file could not be read (when `bytes` is null). */
  readError?: string
}

/** What processing one page gives. */
export interface PageOutcome {
  /** The page's file. */
  file: string
  /** Problems worth a warning (a skipped page, a decoding fallback). */
  problems: string[]
  /** Lines dropped, by reason. */
  dropped: Partial<Record<DropReason, number>>
  /** The article, or null when the page was skipped. */
  article: Article | null
  /** Its paragraphs, tagged (near-duplicates are linked later, across all pages). */
  paragraphs: Paragraph[]
  /** Entities the article refers to. */
  entities: Entity[]
  /** Its paragraphs' shingle keys, for linking near-duplicates across pages. */
  shingles: ShingleKeys
}

/** Longest line a page may have: article paragraphs are far shorter, and one giant line is a dump, not an article. */
export const MAX_LINE_CHARS = 200_000

/** Length of the longest line of a text. */
function longestLine(text: string): number {
  let longest = 0
  let start = 0
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', start)) {
    const end = i < 0 ? text.length : i
    longest = Math.max(longest, end - start)
    if (i < 0) return longest
    start = i + 1
  }
}

/** The article id for a seed file: its name without the extension. */
export function articleIdFor(file: string): string {
  return file.replace(/\.[^./]+$/, '')
}

/** Options of processPage. */
export interface ProcessPageOptions {
  /** Known entities. */
  knowledgeBase: KnowledgeBase
  /** Use the NLP library for entities the knowledge base does not list. */
  nlp: boolean
  /** NLP answers shared by the pages of one build, in file order. */
  nlpCache: NlpCache
  /** Key the paragraphs for near-duplicate linking (default true; a page worker keys them from its term index instead). */
  shingles?: boolean
}

/** A page decoded and cleaned, not yet tagged; or, when it cannot be used, its final outcome. */
export type CleanedPage =
  | { usable: false; outcome: PageOutcome }
  | { usable: true; outcome: PageOutcome; cleaned: CleanPage; meta: ArticleMetadata }

const NO_SHINGLES: ShingleKeys = { keys: new Float64Array(0), ends: new Uint32Array(0) }

/** Decodes, cleans and tags one page. Never throws for bad input: a page that cannot be used comes back with a problem and no article. */
export function processPage(page: SeedPage, source: SourceEntry | undefined, options: ProcessPageOptions): PageOutcome {
  const cleaned = cleanSeedPage(page, source)
  return cleaned.usable ? tagCleanedPage(cleaned, options) : cleaned.outcome
}

/** The first half of processPage: decodes and cleans the page and reads its metadata. */
export function cleanSeedPage(page: SeedPage, source: SourceEntry | undefined): CleanedPage {
  const outcome: PageOutcome = { file: page.file, problems: [], dropped: {}, article: null, paragraphs: [], entities: [], shingles: NO_SHINGLES }
  if (page.bytes === null) {
    outcome.problems.push(page.readError ?? 'unreadable')
    return { usable: false, outcome }
  }
  const decoded = decodePage(page.bytes)
  if (!decoded.ok) {
    outcome.problems.push(decoded.problem)
    return { usable: false, outcome }
  }
  const longest = longestLine(decoded.text)
  if (longest > MAX_LINE_CHARS) {
    outcome.problems.push(`a line of ${longest.toLocaleString('en')} characters: not an article page (the limit is ${MAX_LINE_CHARS.toLocaleString('en')})`)
    return { usable: false, outcome }
  }
  if (decoded.warning) outcome.problems.push(decoded.warning)
  const cleaned = cleanPage(decoded.text)
  for (const d of cleaned.dropped) outcome.dropped[d.reason] = (outcome.dropped[d.reason] ?? 0) + 1
  if (cleaned.paragraphs.length === 0) {
    outcome.problems.push('no article text found after cleaning')
    return { usable: false, outcome }
  }
  return { usable: true, outcome, cleaned, meta: articleMetadata(source, cleaned) }
}

/** The first step of tagging a cleaned page: its texts (title first, then paragraphs), tokens, known names and the runs NLP is to be asked about. */
export function prepareCleanedPage(page: CleanedPage & { usable: true }, options: Pick<ProcessPageOptions, 'knowledgeBase' | 'nlp'>): TaggingInput {
  return prepareTagging(page.cleaned.paragraphs.map((p) => p.text), options.knowledgeBase, page.meta.title, options.nlp)
}

/** The second half of processPage: tags the cleaned page (prepared by prepareCleanedPage, or here) and keys its paragraphs for near-duplicate linking. */
export function tagCleanedPage(page: CleanedPage & { usable: true }, options: ProcessPageOptions, prepared = prepareCleanedPage(page, options)): PageOutcome {
  const { outcome, cleaned, meta } = page
  const id = articleIdFor(outcome.file)
  const texts = cleaned.paragraphs.map((p) => p.text)
  const tagged = tagPrepared(prepared, options.knowledgeBase, options.nlpCache)
  outcome.entities = tagged.entities
  outcome.article = { id, file: outcome.file, ...meta, sections: cleaned.sections, paragraphCount: cleaned.paragraphs.length }
  outcome.paragraphs = cleaned.paragraphs.map((p, position) => {
    const tags = tagged.paragraphs[position]
    return {
      id: `${id}:${position}`,
      articleId: id,
      position,
      section: p.section,
      text: p.text,
      actors: tags?.actors ?? [],
      regions: tags?.regions ?? [],
      mentions: tags?.mentions ?? [],
      duplicates: [],
    }
  })
  if (options.shingles ?? true) outcome.shingles = shingleKeys(texts)
  return outcome
}
