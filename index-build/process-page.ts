// Cleans and tags one page: the per-page half of the build, run in order within a shard, in this process or in a worker process.
import { articleMetadata } from './article-metadata'
import { cleanPage } from './clean/clean-page'
import { decodePage } from './clean/decode-page'
import type { KnowledgeBase } from './entities/knowledge-base'
import type { NlpCache } from './entities/nlp-entities'
import { tagArticle } from './entities/tag-article'
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
  /** NLP answers shared by the pages of one shard. */
  nlpCache: NlpCache
}

/** Decodes, cleans and tags one page. Never throws for bad input: a page that cannot be used comes back with a problem and no article. */
export function processPage(page: SeedPage, source: SourceEntry | undefined, options: ProcessPageOptions): PageOutcome {
  const outcome: PageOutcome = { file: page.file, problems: [], dropped: {}, article: null, paragraphs: [], entities: [] }
  if (page.bytes === null) {
    outcome.problems.push(page.readError ?? 'unreadable')
    return outcome
  }
  const decoded = decodePage(page.bytes)
  if (!decoded.ok) {
    outcome.problems.push(decoded.problem)
    return outcome
  }
  const longest = longestLine(decoded.text)
  if (longest > MAX_LINE_CHARS) {
    outcome.problems.push(`a line of ${longest.toLocaleString('en')} characters: not an article page (the limit is ${MAX_LINE_CHARS.toLocaleString('en')})`)
    return outcome
  }
  if (decoded.warning) outcome.problems.push(decoded.warning)
  const cleaned = cleanPage(decoded.text)
  for (const d of cleaned.dropped) outcome.dropped[d.reason] = (outcome.dropped[d.reason] ?? 0) + 1
  if (cleaned.paragraphs.length === 0) {
    outcome.problems.push('no article text found after cleaning')
    return outcome
  }
  const id = articleIdFor(page.file)
  const meta = articleMetadata(source, cleaned)
  const tagged = tagArticle(
    cleaned.paragraphs.map((p) => p.text),
    options.knowledgeBase,
    meta.title,
    { nlp: options.nlp, nlpCache: options.nlpCache },
  )
  outcome.entities = tagged.entities
  outcome.article = { id, file: page.file, ...meta, sections: cleaned.sections, paragraphCount: cleaned.paragraphs.length }
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
  return outcome
}
