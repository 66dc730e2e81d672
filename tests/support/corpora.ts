// Index file content built in memory from the seeds folder or from a generated corpus, for tests that compare search structures.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { toIndexDocument } from '../../index-build/assemble-index'
import { buildCorpus } from '../../index-build/build-corpus'
import { KNOWN_ENTITIES } from '../../index-build/entities/knowledge-base'
import type { IndexDocument } from '../../index-build/index-options'
import { parseSourcesText } from '../../index-build/sources'
import type { IndexFile } from '../../index-build/types'
import { generateCorpus } from '../bench/generate'

const SEEDS = join(import.meta.dirname, '../../seeds')

/** The five seeds, cleaned, tagged and indexed. */
export function seedCorpus(): IndexFile {
  const pages = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((file) => ({ file, bytes: readFileSync(join(SEEDS, file)) }))
  const sources = parseSourcesText(readFileSync(join(SEEDS, 'sources.json'), 'utf8'), 'sources.json')
  return buildCorpus(pages, sources, { knowledgeBase: KNOWN_ENTITIES })
}

/** A generated corpus of about `paragraphs` paragraphs (the benchmark's generator), cleaned, tagged and indexed. */
export function generatedCorpus(paragraphs: number, seed: number): IndexFile {
  const corpus = generateCorpus({ paragraphs, seed })
  const pages = corpus.pages.map((p) => ({ file: p.file, bytes: Buffer.from(p.text) }))
  return buildCorpus(pages, corpus.sources, { knowledgeBase: KNOWN_ENTITIES })
}

/** The documents MiniSearch indexes for the content, in ordinal order. */
export function indexDocuments(content: IndexFile): IndexDocument[] {
  const articleById = new Map(content.articles.map((a) => [a.id, a]))
  return content.paragraphs.map((p, ordinal) => toIndexDocument(p, articleById.get(p.articleId), ordinal))
}
