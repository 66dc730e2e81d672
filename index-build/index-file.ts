// The index file on disk: a line-per-record format with a version header and a checksum trailer, written atomically and read back verified.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import MiniSearch, { type AsPlainObject } from 'minisearch'
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
  /** Every indexed term, sorted, with the number of paragraphs containing it (for completions). */
  vocabulary: { terms: string[]; docFreq: Uint32Array }
}

/** Error raised for an index file that cannot be used; the message names the file and the problem. */
export class IndexFileError extends Error {
  override name = 'IndexFileError'
}

/**
 * The first line of an index file. Records follow one per line, in this order: articles,
 * paragraphs, entities, one line of MiniSearch metadata, then one line per indexed term; the last
 * line is the trailer. Nothing is ever one giant string, so a million paragraphs write and read.
 */
interface Header {
  /** Always 'readout-index'. */
  format: 'readout-index'
  /** Format version; readers refuse any other. */
  version: number
  /** Number of article, paragraph, entity and term lines that follow. */
  counts: { articles: number; paragraphs: number; entities: number; terms: number }
  /** The build report. */
  report: IndexFile['report']
}

/** The last line: the number of lines before it and the SHA-256 of their bytes (each with its newline). */
interface Trailer {
  /** Always 'readout-index-end'. */
  end: 'readout-index-end'
  /** Lines before the trailer. */
  lines: number
  /** Hex SHA-256 of every byte before the trailer. */
  sha256: string
}

/** Paragraphs containing a term in any field, from its serialised postings. */
function documentFrequency(fields: AsPlainObject['index'][number][1]): number {
  const lists = Object.values(fields)
  if (lists.length === 1) return Object.keys(lists[0]!).length
  const docs = new Set<string>()
  for (const postings of lists) for (const doc in postings) docs.add(doc)
  return docs.size
}

/** The lines of an index file before its trailer: the same content always gives the same lines. */
export function* indexFileLines(index: IndexFile): Generator<string> {
  const { index: terms, ...meta } = index.minisearch as AsPlainObject
  const header: Header = {
    format: 'readout-index',
    version: index.version,
    counts: { articles: index.articles.length, paragraphs: index.paragraphs.length, entities: index.entities.length, terms: terms.length },
    report: index.report,
  }
  yield JSON.stringify(header)
  for (const a of index.articles) yield JSON.stringify(a)
  for (const p of index.paragraphs) yield JSON.stringify(p)
  for (const e of index.entities) yield JSON.stringify(e)
  yield JSON.stringify(meta)
  const sorted = [...terms].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  for (const [term, fields] of sorted) yield JSON.stringify([term, fields, documentFrequency(fields)])
}

/** Temp file name beside `file`, unique to this process and moment. */
function tempNameFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`)
}

/** Writes the index file atomically (temp file in the same folder, then rename): a failure leaves any previous file untouched. */
export async function writeIndexFile(file: string, index: IndexFile): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temp = tempNameFor(file)
  const hash = createHash('sha256')
  const handle = await open(temp, 'w')
  try {
    let chunk = ''
    let lines = 0
    for (const line of indexFileLines(index)) {
      const text = line + '\n'
      hash.update(text)
      chunk += text
      lines++
      if (chunk.length >= 1 << 20) {
        await handle.write(chunk)
        chunk = ''
      }
    }
    const trailer: Trailer = { end: 'readout-index-end', lines, sha256: hash.digest('hex') }
    await handle.write(chunk + JSON.stringify(trailer) + '\n')
    await handle.close()
    await rename(temp, file)
  } catch (err) {
    await handle.close().catch(() => {})
    await rm(temp, { force: true })
    throw err
  }
}

/** Parses one line, naming the file and line on failure. */
function parseLine(text: string, file: string, lineNo: number): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new IndexFileError(`index: ${file}: line ${lineNo} is not valid JSON; the file is corrupt`)
  }
}

/** Checks the header line: format and version. */
function checkHeader(value: unknown, file: string): Header {
  const header = value as Partial<Header> | null
  if (header === null || typeof header !== 'object' || header.format !== 'readout-index') {
    throw new IndexFileError(`index: ${file}: not a Readout index file`)
  }
  if (header.version !== INDEX_FORMAT_VERSION) {
    throw new IndexFileError(
      `index: ${file}: format version ${String(header.version)} is not supported (expected ${INDEX_FORMAT_VERSION}); rebuild it with npm run build:index`,
    )
  }
  const c = header.counts
  if (!c || ![c.articles, c.paragraphs, c.entities, c.terms].every((n) => Number.isInteger(n) && n >= 0)) {
    throw new IndexFileError(`index: ${file}: the header's record counts are missing or invalid`)
  }
  return header as Header
}

/** Options of readIndexFile. */
export interface ReadIndexOptions {
  /**
   * Yield to the event loop while building the search tree, so a process already serving
   * another index keeps answering (MiniSearch's loadJSAsync); slower overall. Default false:
   * the fastest load, for start-up.
   */
  yieldWhileLoading?: boolean
}

/** Reads, verifies (format, version, checksum, completeness) and loads an index file. Throws IndexFileError naming the problem. */
export async function readIndexFile(file: string, options: ReadIndexOptions = {}): Promise<LoadedIndex> {
  const hash = createHash('sha256')
  let stream
  try {
    stream = createReadStream(file, { encoding: 'utf8' })
    await new Promise<void>((resolve, reject) => stream!.once('open', () => resolve()).once('error', reject))
  } catch (err) {
    throw new IndexFileError(`index: ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`)
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity })
  let header: Header | null = null
  let trailer: Trailer | null = null
  let lineNo = 0
  const articles: Article[] = []
  const paragraphs: Paragraph[] = []
  const entities: Entity[] = []
  const terms: AsPlainObject['index'] = []
  const vocabularyTerms: string[] = []
  const docFreq: number[] = []
  let meta: Omit<AsPlainObject, 'index'> | null = null
  try {
    for await (const text of lines) {
      lineNo++
      if (trailer) throw new IndexFileError(`index: ${file}: data after the end marker; the file is corrupt`)
      const value = parseLine(text, file, lineNo)
      if (header === null) {
        header = checkHeader(value, file)
        hash.update(text + '\n')
        continue
      }
      const c = header.counts
      const n = lineNo - 2
      if (n < c.articles) articles.push(value as Article)
      else if (n < c.articles + c.paragraphs) paragraphs.push(value as Paragraph)
      else if (n < c.articles + c.paragraphs + c.entities) entities.push(value as Entity)
      else if (n === c.articles + c.paragraphs + c.entities) meta = value as Omit<AsPlainObject, 'index'>
      else if (n <= c.articles + c.paragraphs + c.entities + c.terms) {
        const [term, fields, df] = value as [string, AsPlainObject['index'][number][1], number]
        terms.push([term, fields])
        vocabularyTerms.push(term)
        docFreq.push(df)
      }
      else {
        trailer = value as Trailer
        if (trailer?.end !== 'readout-index-end') throw new IndexFileError(`index: ${file}: more records than the header announces; the file is corrupt`)
        continue
      }
      hash.update(text + '\n')
    }
  } catch (err) {
    if (err instanceof IndexFileError) throw err
    throw new IndexFileError(`index: ${file}: cannot read (${(err as Error).message})`)
  } finally {
    stream.destroy()
  }
  if (header === null) throw new IndexFileError(`index: ${file}: the file is empty`)
  if (trailer === null) throw new IndexFileError(`index: ${file}: the file is truncated (no end marker after ${lineNo} lines)`)
  if (trailer.lines !== lineNo - 1 || trailer.sha256 !== hash.digest('hex')) {
    throw new IndexFileError(`index: ${file}: checksum mismatch; the file is corrupt`)
  }
  const minisearch = { ...meta, index: terms } as AsPlainObject
  const vocabulary = { terms: vocabularyTerms, docFreq: Uint32Array.from(docFreq) }
  const content: IndexFile = { format: 'readout-index', version: header.version, articles, paragraphs, entities, minisearch, report: header.report }
  return options.yieldWhileLoading ? loadIndexAsync(content, vocabulary) : loadIndex(content, vocabulary)
}

/** Checks the shape of index file content; throws IndexFileError naming the problem. */
function checkContent(file: IndexFile): void {
  if (file === null || typeof file !== 'object' || file.format !== 'readout-index') {
    throw new IndexFileError('index: not a Readout index file')
  }
  if (file.version !== INDEX_FORMAT_VERSION) {
    throw new IndexFileError(`index: format version ${String(file.version)} is not supported (expected ${INDEX_FORMAT_VERSION})`)
  }
  for (const key of ['articles', 'paragraphs', 'entities'] as const) {
    if (!Array.isArray(file[key])) throw new IndexFileError(`index: "${key}" is missing or not a list`)
  }
}

/** Sorted terms and their document frequencies, from the serialised index. */
function vocabularyOf(plain: AsPlainObject): LoadedIndex['vocabulary'] {
  const entries = plain.index
    .map(([term, fields]) => [term, documentFrequency(fields)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return { terms: entries.map((e) => e[0]), docFreq: Uint32Array.from(entries.map((e) => e[1])) }
}

/** The lookups served beside the MiniSearch index. The serialised index is dropped once loaded: it would double the memory. */
function withLookups(file: IndexFile, miniSearch: MiniSearch<IndexDocument>, known?: LoadedIndex['vocabulary']): LoadedIndex {
  const vocabulary = known ?? vocabularyOf(file.minisearch as AsPlainObject)
  file.minisearch = null
  return {
    file,
    vocabulary,
    miniSearch,
    paragraphById: new Map(file.paragraphs.map((p) => [p.id, p])),
    articleById: new Map(file.articles.map((a) => [a.id, a])),
    entityByName: new Map(file.entities.map((e) => [e.name, e])),
  }
}

/** Names a MiniSearch load failure. */
function unreadable(err: unknown): IndexFileError {
  return new IndexFileError(`index: the search index is unreadable (${(err as Error).message})`)
}

/** Wraps index file content for serving. Throws IndexFileError when it is not a usable index. */
export function loadIndex(file: IndexFile, vocabulary?: LoadedIndex['vocabulary']): LoadedIndex {
  checkContent(file)
  try {
    return withLookups(file, MiniSearch.loadJS(file.minisearch as AsPlainObject, INDEX_OPTIONS), vocabulary)
  } catch (err) {
    throw unreadable(err)
  }
}

/** Like loadIndex, but yields to the event loop while rebuilding the search tree, so a serving process keeps answering. */
export async function loadIndexAsync(file: IndexFile, vocabulary?: LoadedIndex['vocabulary']): Promise<LoadedIndex> {
  checkContent(file)
  try {
    return withLookups(file, await MiniSearch.loadJSAsync(file.minisearch as AsPlainObject, INDEX_OPTIONS), vocabulary)
  } catch (err) {
    throw unreadable(err)
  }
}
