// Turns clean, tagged articles and paragraphs into the index file's content: a pure function.
import MiniSearch from 'minisearch'
import { INDEX_OPTIONS, type IndexDocument } from './index-options'
import type { Article, BuildReport, Entity, IndexFile, Paragraph } from './types'

/** Current index file format version; readers refuse any other. */
export const INDEX_FORMAT_VERSION = 4

/** The MiniSearch document for the paragraph at `ordinal` in the index file's paragraph list. */
export function toIndexDocument(paragraph: Paragraph, article: Article | undefined, ordinal: number): IndexDocument {
  return {
    id: ordinal,
    text: paragraph.text,
    title: article?.title ?? '',
    section: paragraph.section ?? '',
    entities: [...paragraph.actors, ...paragraph.regions].join(' '),
  }
}

/** Builds the MiniSearch index over the paragraphs and returns the complete index file content. */
export function assembleIndex(
  articles: Article[],
  paragraphs: Paragraph[],
  entities: Entity[],
  report: BuildReport,
): IndexFile {
  const articleById = new Map(articles.map((a) => [a.id, a]))
  const miniSearch = new MiniSearch<IndexDocument>(INDEX_OPTIONS)
  miniSearch.addAll(paragraphs.map((p, ordinal) => toIndexDocument(p, articleById.get(p.articleId), ordinal)))
  return {
    format: 'readout-index',
    version: INDEX_FORMAT_VERSION,
    articles,
    paragraphs,
    entities,
    minisearch: miniSearch.toJSON(),
    report,
  }
}
