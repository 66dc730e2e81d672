// Turns raw seed pages and what is known about them into the index file content: the pure pipeline.
import { assembleIndex } from './assemble-index'
import { articleMetadata } from './article-metadata'
import { cleanPage } from './clean/clean-page'
import { decodePage } from './clean/decode-page'
import type { KnowledgeBase } from './entities/knowledge-base'
import { mergeEntities } from './entities/merge-entities'
import type { NlpCache } from './entities/nlp-entities'
import { tagArticle } from './entities/tag-article'
import { linkNearDuplicates } from './near-duplicates'
import type { Sources } from './sources'
import type { Article, BuildReport, DropReason, Entity, IndexFile, Paragraph } from './types'

/** One raw page as read from the seeds folder. */
export interface SeedPage {
  /** File name relative to the seeds folder (also the sources.json key). */
  file: string
  /** The raw bytes. */
  bytes: Uint8Array
}

/** Options of buildCorpus. */
export interface BuildCorpusOptions {
  /** Knowledge base of known entities. */
  knowledgeBase: KnowledgeBase
  /** Run the NLP library to find entities not in the knowledge base (default true). */
  nlp?: boolean
  /** Called after each page with the number of pages done so far. */
  onProgress?: (done: number) => void
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

/**
 * Cleans, tags and indexes the pages (in file name order, so the output is deterministic).
 * A page that cannot be used is skipped and reported in `report.warnings`; the rest builds.
 */
export function buildCorpus(pages: SeedPage[], sources: Sources, options: BuildCorpusOptions): IndexFile {
  const warnings: BuildReport['warnings'] = []
  const dropped: Partial<Record<DropReason, number>> = {}
  const articles: Article[] = []
  const paragraphs: Paragraph[] = []
  const entityLists: Entity[][] = []
  const sorted = [...pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  const files = new Set(sorted.map((p) => p.file))
  const nlpCache: NlpCache = new Map()

  sorted.forEach((page, done) => {
    const decoded = decodePage(page.bytes)
    if (!decoded.ok) {
      warnings.push({ file: page.file, problem: decoded.problem })
    } else if (longestLine(decoded.text) > MAX_LINE_CHARS) {
      warnings.push({ file: page.file, problem: `a line of ${longestLine(decoded.text).toLocaleString('en')} characters: not an article page (the limit is ${MAX_LINE_CHARS.toLocaleString('en')})` })
    } else {
      if (decoded.warning) warnings.push({ file: page.file, problem: decoded.warning })
      const cleaned = cleanPage(decoded.text)
      for (const d of cleaned.dropped) dropped[d.reason] = (dropped[d.reason] ?? 0) + 1
      if (cleaned.paragraphs.length === 0) {
        warnings.push({ file: page.file, problem: 'no article text found after cleaning' })
      } else {
        const id = articleIdFor(page.file)
        const meta = articleMetadata(sources[page.file], cleaned)
        const tagged = tagArticle(
          cleaned.paragraphs.map((p) => p.text),
          options.knowledgeBase,
          meta.title,
          { nlp: options.nlp ?? true, nlpCache },
        )
        entityLists.push(tagged.entities)
        articles.push({ id, file: page.file, ...meta, sections: cleaned.sections, paragraphCount: cleaned.paragraphs.length })
        cleaned.paragraphs.forEach((p, position) => {
          const tags = tagged.paragraphs[position]
          paragraphs.push({
            id: `${id}:${position}`,
            articleId: id,
            position,
            section: p.section,
            text: p.text,
            actors: tags?.actors ?? [],
            regions: tags?.regions ?? [],
            mentions: tags?.mentions ?? [],
            duplicates: [],
          })
        })
      }
    }
    options.onProgress?.(done + 1)
  })

  for (const file of Object.keys(sources).sort()) {
    if (!files.has(file)) warnings.push({ file: 'sources.json', problem: `entry "${file}" names no page in the seeds folder` })
  }

  const duplicates = linkNearDuplicates(paragraphs)
  for (const p of paragraphs) p.duplicates = duplicates.get(p.id) ?? []

  const entities = mergeEntities(entityLists)
  const byType: Record<string, number> = {}
  for (const e of entities) {
    if (e.type) byType[e.type] = (byType[e.type] ?? 0) + 1
    if (e.region) byType.region = (byType.region ?? 0) + 1
  }
  const report: BuildReport = {
    articles: articles.length,
    paragraphs: paragraphs.length,
    dropped,
    entities: byType,
    warnings,
  }
  return assembleIndex(articles, paragraphs, entities, report)
}
