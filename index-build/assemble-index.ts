// Turns clean, tagged articles and paragraphs into the index file's content: a pure function.
import { commonPairs } from './common-pairs'
import type { IndexDocument } from './index-options'
import { buildTermIndex } from './term-index'
import type { Article, BuildReport, Entity, IndexFile, Paragraph } from './types'

/** Current index file format version; readers refuse any other. 5: binary sections, typed-array postings with positions, precomputed columns; 6: adds the paragraphs of adjacent common terms (common pairs); 7: paragraph records as compact arrays, without the id and the tags the columns hold. */
export const INDEX_FORMAT_VERSION = 7

/** The document indexed for the paragraph at `ordinal` in the index file's paragraph list. */
export function toIndexDocument(paragraph: Paragraph, article: Article | undefined, ordinal: number): IndexDocument {
  return {
    id: ordinal,
    text: paragraph.text,
    title: article?.title ?? '',
    section: paragraph.section ?? '',
    entities: [...paragraph.actors, ...paragraph.regions].join(' '),
  }
}

/** Indexes the paragraphs (MiniSearch's tokenising, statistics and scoring inputs, as typed arrays, and the common pairs) and returns the complete index file content. */
export function assembleIndex(articles: Article[], paragraphs: Paragraph[], entities: Entity[], report: BuildReport): IndexFile {
  const articleById = new Map(articles.map((a) => [a.id, a]))
  const terms = buildTermIndex(paragraphs.map((p, ordinal) => toIndexDocument(p, articleById.get(p.articleId), ordinal)))
  return { format: 'readout-index', version: INDEX_FORMAT_VERSION, articles, paragraphs, entities, terms, commonPairs: commonPairs(terms), report }
}
