// Reads an index file back into searchable form, refusing files of another format or version.
import MiniSearch from 'minisearch'
import { INDEX_FORMAT_VERSION } from './assemble-index'
import { INDEX_OPTIONS, type IndexDocument } from './index-options'
import type { Article, Entity, IndexFile, Paragraph } from './types'

/** An index ready to serve: the file's content plus lookups by id and name. */
export interface LoadedIndex {
  /** The file content as read. */
  file: IndexFile
  /** The MiniSearch index, loaded with INDEX_OPTIONS. */
  miniSearch: MiniSearch<IndexDocument>
  /** Paragraphs by id. */
  paragraphById: Map<string, Paragraph>
  /** Articles by id. */
  articleById: Map<string, Article>
  /** Entities by canonical name. */
  entityByName: Map<string, Entity>
}

/** Error raised for an index file that cannot be used; the message names the problem. */
export class IndexFileError extends Error {
  override name = 'IndexFileError'
}

/** Wraps parsed index file content for serving. Throws IndexFileError when it is not a usable index. */
export function loadIndex(file: IndexFile): LoadedIndex {
  if (file === null || typeof file !== 'object' || file.format !== 'readout-index') {
    throw new IndexFileError('index: not a Readout index file')
  }
  if (file.version !== INDEX_FORMAT_VERSION) {
    throw new IndexFileError(`index: format version ${String(file.version)} is not supported (expected ${INDEX_FORMAT_VERSION})`)
  }
  for (const key of ['articles', 'paragraphs', 'entities'] as const) {
    if (!Array.isArray(file[key])) throw new IndexFileError(`index: "${key}" is missing or not a list`)
  }
  let miniSearch: MiniSearch<IndexDocument>
  try {
    miniSearch = MiniSearch.loadJS(file.minisearch as Parameters<typeof MiniSearch.loadJS>[0], INDEX_OPTIONS)
  } catch (err) {
    throw new IndexFileError(`index: the search index is unreadable (${(err as Error).message})`)
  }
  return {
    file,
    miniSearch,
    paragraphById: new Map(file.paragraphs.map((p) => [p.id, p])),
    articleById: new Map(file.articles.map((a) => [a.id, a])),
    entityByName: new Map(file.entities.map((e) => [e.name, e])),
  }
}

/** Parses index file text and loads it. Throws IndexFileError naming the problem. */
export function parseIndex(text: string): LoadedIndex {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    throw new IndexFileError(`index: not valid JSON (${(err as Error).message}); the file may be truncated`)
  }
  return loadIndex(parsed as IndexFile)
}
