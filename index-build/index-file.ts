// The index file on disk: a JSON header line naming its sections, the sections' raw bytes (typed arrays and JSON lines, none a giant string), and a trailer of checksums; written atomically, read back verified.
import { endianness } from 'node:os'
import { mkdir, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { crc32 } from 'node:zlib'
import { INDEX_FORMAT_VERSION } from './assemble-index'
import { type CommonPairs, commonPairs } from './common-pairs'
import { type IndexColumns, indexColumns } from './index-columns'
import { encodeParagraphBlocks, ParagraphStore } from './paragraph-store'
import { SEARCH_FIELDS } from './index-options'
import type { TermIndex } from './term-index'
import type { Article, BuildReport, EncodedIndexFile, Entity, IndexFile } from './types'

/** An index ready to serve. */
export interface LoadedIndex {
  /** Format version of the file. */
  version: number
  /** What the build did. */
  report: BuildReport
  /** Articles in id order. */
  articles: Article[]
  /** Entities in name order. */
  entities: Entity[]
  /** Paragraphs by ordinal, decoded on demand. */
  paragraphs: ParagraphStore
  /** Terms, postings and statistics for matching and scoring. */
  terms: TermIndex
  /** Paragraphs where two common terms stand adjacent, for phrases of common words. */
  commonPairs: CommonPairs
  /** Per-paragraph article, tags and browse order. */
  columns: IndexColumns
  /** Articles by id. */
  articleById: Map<string, Article>
  /** Ordinal of each article's first paragraph, by article id. */
  firstOrdinal: Map<string, number>
  /** Entities by canonical name. */
  entityByName: Map<string, Entity>
  /** Every indexed term, sorted, with the number of paragraphs containing it (for completions). */
  vocabulary: { terms: string[]; docFreq: Uint32Array }
}

/** Error raised for an index file that cannot be used; the message names the file and the problem. */
export class IndexFileError extends Error {
  override name = 'IndexFileError'
}

/** How a section's bytes are read. */
type SectionKind = 'json-lines' | 'lines' | 'u8' | 'u16' | 'u32' | 'f64'

/** One section: a name, how to read it, and its bytes, as pieces that follow one another. */
interface Section {
  name: string
  kind: SectionKind
  pieces: readonly Uint8Array[]
}

/** The first line of an index file. The sections follow back to back, then the trailer line. */
interface Header {
  /** Always 'readout-index'. */
  format: 'readout-index'
  /** Format version; readers refuse any other. */
  version: number
  /** Records held. */
  counts: { articles: number; paragraphs: number; entities: number; terms: number }
  /** The build report. */
  report: BuildReport
  /** Sections in file order, with their byte lengths. */
  sections: { name: string; kind: SectionKind; bytes: number }[]
}

/** The last line: the bytes before it and their checksums. CRC-32 catches truncation and damage at several GB/s, where SHA-256 would take seconds for a large index. */
interface Trailer {
  /** Always 'readout-index-end'. */
  end: 'readout-index-end'
  /** Bytes before the trailer. */
  bytes: number
  /** CRC-32 of the header line (with its newline), then of each section in order. */
  crc32: number[]
}

const ELEMENT_BYTES: Record<SectionKind, number> = { 'json-lines': 1, lines: 1, u8: 1, u16: 2, u32: 4, f64: 8 }
const bytesOf = (a: Uint8Array | Uint16Array | Uint32Array | Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
const kindOf = (a: Uint8Array | Uint16Array | Uint32Array | Float64Array): SectionKind =>
  a instanceof Uint8Array ? 'u8' : a instanceof Uint16Array ? 'u16' : a instanceof Uint32Array ? 'u32' : 'f64'
const typed = (name: string, a: Uint8Array | Uint16Array | Uint32Array | Float64Array): Section => ({ name, kind: kindOf(a), pieces: [bytesOf(a)] })
const jsonLines = (name: string, records: unknown[]): Section => ({ name, kind: 'json-lines', pieces: [Buffer.from(records.map((r) => JSON.stringify(r) + '\n').join(''))] })
const byteLength = (pieces: readonly Uint8Array[]) => pieces.reduce((n, piece) => n + piece.byteLength, 0)

if (endianness() !== 'LE') throw new Error('index: this index format stores little-endian numbers; this machine is big-endian')

/** The sections of index file content, in file order. The same content always gives the same bytes (paragraph records encoded beforehand or here). */
function indexSections(index: IndexFile | EncodedIndexFile): Section[] {
  const { terms } = index
  if (!terms || !Array.isArray(terms.terms)) throw new IndexFileError('index: the content has no term index')
  const columns = 'columns' in index ? index.columns : indexColumns(index.articles, index.paragraphs, index.entities)
  // Content made elsewhere than assembleIndex or the build may lack them.
  const pairs = index.commonPairs ?? commonPairs(terms)
  return [
    jsonLines('articles', index.articles),
    jsonLines('entities', index.entities),
    ...('paragraphBlocks' in index ? index.paragraphBlocks : encodeParagraphBlocks(index.paragraphs).map((block) => [block])).map((pieces, b): Section => ({ name: `paragraphs.${b}`, kind: 'json-lines', pieces })),
    { name: 'terms', kind: 'lines', pieces: [Buffer.from(terms.terms.map((t) => t + '\n').join(''))] },
    typed('docFreq', terms.docFreq),
    ...SEARCH_FIELDS.flatMap((field, f) => [
      typed(`${field}.start`, terms.fields[f]!.start),
      typed(`${field}.docs`, terms.fields[f]!.docs),
      typed(`${field}.freqs`, terms.fields[f]!.freqs),
      typed(`${field}.length`, terms.fieldLength[f]!),
    ]),
    typed('avgFieldLength', terms.avgFieldLength),
    typed('positions', terms.positions.bytes),
    typed('positions.checkpoints', terms.positions.checkpoints),
    typed('pairs.common', pairs.common),
    typed('pairs.first', pairs.first),
    typed('pairs.second', pairs.second),
    typed('pairs.start', pairs.start),
    typed('pairs.docs', pairs.docs),
    typed('article', columns.article),
    typed('actors.offsets', columns.actors.offsets),
    typed('actors.values', columns.actors.values),
    typed('regions.offsets', columns.regions.offsets),
    typed('regions.values', columns.regions.values),
    typed('byDate', columns.byDate),
  ]
}

/** The header line for content and its sections. */
function headerOf(index: IndexFile | EncodedIndexFile, sections: Section[]): Header {
  return {
    format: 'readout-index',
    version: index.version,
    counts: { articles: index.articles.length, paragraphs: 'paragraphCount' in index ? index.paragraphCount : index.paragraphs.length, entities: index.entities.length, terms: index.terms.terms.length },
    report: index.report,
    sections: sections.map((s) => ({ name: s.name, kind: s.kind, bytes: byteLength(s.pieces) })),
  }
}

/** Temp file name beside `file`, unique to this process and moment. */
function tempNameFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`)
}

/** Bytes a write gathers from small pieces (a paragraph block's runs of records between near-duplicates, ~1.5 KB each at 1M paragraphs). */
const STAGE_BYTES = 1 << 22

/** Writes the index file atomically (temp file in the same folder, then rename): a failure leaves any previous file untouched. */
export async function writeIndexFile(file: string, index: IndexFile | EncodedIndexFile): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temp = tempNameFor(file)
  const handle = await open(temp, 'w')
  try {
    const sections = indexSections(index)
    const checksums: number[] = []
    let bytes = 0
    const writeOut = async (data: Uint8Array) => {
      for (let at = 0; at < data.byteLength; ) at += (await handle.write(data, at, Math.min(data.byteLength - at, 1 << 26))).bytesWritten
    }
    // Pieces under half the stage are gathered in it, so that writes stay few and large; larger ones go straight to the file.
    const stage = Buffer.allocUnsafeSlow(STAGE_BYTES)
    let staged = 0
    const flush = async () => {
      await writeOut(stage.subarray(0, staged))
      staged = 0
    }
    const write = async (pieces: readonly Uint8Array[]) => {
      let crc = 0
      for (const piece of pieces) {
        crc = crc32(piece, crc)
        bytes += piece.byteLength
        if (piece.byteLength >= STAGE_BYTES / 2) {
          await flush()
          await writeOut(piece)
        } else {
          if (staged + piece.byteLength > STAGE_BYTES) await flush()
          stage.set(piece, staged)
          staged += piece.byteLength
        }
      }
      checksums.push(crc)
    }
    await write([Buffer.from(JSON.stringify(headerOf(index, sections)) + '\n')])
    for (const s of sections) await write(s.pieces)
    await flush()
    const trailer: Trailer = { end: 'readout-index-end', bytes, crc32: checksums }
    await handle.write(JSON.stringify(trailer) + '\n')
    await handle.close()
    await rename(temp, file)
  } catch (err) {
    await handle.close().catch(() => {})
    await rm(temp, { force: true })
    throw err
  }
}

/** Checks the header: format, version, and a well-formed section table. */
function checkHeader(value: unknown, where: string): Header {
  const header = value as Partial<Header> | null
  if (header === null || typeof header !== 'object' || header.format !== 'readout-index') throw new IndexFileError(`index: ${where}not a Readout index file`)
  if (header.version !== INDEX_FORMAT_VERSION) {
    throw new IndexFileError(`index: ${where}format version ${String(header.version)} is not supported (expected ${INDEX_FORMAT_VERSION}); rebuild it with npm run build:index`)
  }
  const c = header.counts
  if (!c || ![c.articles, c.paragraphs, c.entities, c.terms].every((n) => Number.isInteger(n) && n >= 0)) {
    throw new IndexFileError(`index: ${where}the header's record counts are missing or invalid`)
  }
  if (!Array.isArray(header.sections) || !header.sections.every((s) => typeof s?.name === 'string' && s.kind in ELEMENT_BYTES && Number.isInteger(s.bytes) && s.bytes >= 0 && s.bytes % ELEMENT_BYTES[s.kind] === 0)) {
    throw new IndexFileError(`index: ${where}the header's section table is missing or invalid`)
  }
  return header as Header
}

/** Options of readIndexFile. */
export interface ReadIndexOptions {
  /** Yield to the event loop between sections, so a process already serving another index keeps answering. Default false: the fastest load, for start-up. */
  yieldWhileLoading?: boolean
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Reads, verifies (format, version, checksum, completeness) and loads an index file. Throws IndexFileError naming the problem. */
export async function readIndexFile(file: string, options: ReadIndexOptions = {}): Promise<LoadedIndex> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (err) {
    throw new IndexFileError(`index: ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`)
  }
  try {
    const size = (await handle.stat()).size
    if (size === 0) throw new IndexFileError(`index: ${file}: the file is empty`)
    const readAt = async (position: number, length: number): Promise<Buffer> => {
      const buffer = Buffer.allocUnsafeSlow(length)
      let got = 0
      while (got < length) {
        const { bytesRead } = await handle!.read(buffer, got, Math.min(length - got, 1 << 26), position + got)
        if (bytesRead === 0) break
        got += bytesRead
      }
      if (got < length) throw new IndexFileError(`index: ${file}: the file is truncated (${position + got} of ${position + length} bytes)`)
      return buffer
    }
    // The header line: read until its newline.
    let headerBytes = Buffer.alloc(0)
    let newline = -1
    while (newline < 0) {
      if (headerBytes.length >= size) throw new IndexFileError(`index: ${file}: not a Readout index file (no header line)`)
      const more = await readAt(headerBytes.length, Math.min(1 << 16, size - headerBytes.length))
      const from = headerBytes.length
      headerBytes = Buffer.concat([headerBytes, more])
      newline = headerBytes.indexOf(0x0a, from)
    }
    const header = checkHeader(parseJson(headerBytes.subarray(0, newline).toString('utf8'), file), `${file}: `)
    const checksums = [crc32(headerBytes.subarray(0, newline + 1))]
    let at = newline + 1
    const sections = new Map<string, Uint8Array>()
    for (const s of header.sections) {
      const data = await readAt(at, s.bytes)
      checksums.push(crc32(data))
      sections.set(s.name, data)
      at += s.bytes
      if (options.yieldWhileLoading) await pause()
    }
    if (at >= size) throw new IndexFileError(`index: ${file}: the file is truncated (no end marker)`)
    const rest = (await readAt(at, size - at)).toString('utf8')
    if (!rest.endsWith('\n')) throw new IndexFileError(`index: ${file}: the file is truncated (the end marker is incomplete)`)
    if (rest.indexOf('\n') !== rest.length - 1) throw new IndexFileError(`index: ${file}: data after the end marker; the file is corrupt`)
    const trailer = parseJson(rest.trim(), file) as Partial<Trailer> | null
    if (trailer?.end !== 'readout-index-end') throw new IndexFileError(`index: ${file}: the end marker is missing; the file is corrupt`)
    if (trailer.bytes !== at || !Array.isArray(trailer.crc32) || trailer.crc32.length !== checksums.length) throw new IndexFileError(`index: ${file}: the end marker does not fit the sections; the file is corrupt`)
    const bad = checksums.findIndex((sum, i) => sum !== trailer.crc32![i])
    if (bad >= 0) throw new IndexFileError(`index: ${file}: checksum mismatch in ${bad === 0 ? 'the header' : `section "${header.sections[bad - 1]!.name}"`}; the file is corrupt`)
    return fromSections(header, sections, `${file}: `)
  } finally {
    await handle.close().catch(() => {})
  }
}

/** Parses JSON text, naming the file on failure. */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new IndexFileError(`index: ${file}: not valid JSON where a header or end marker should be; the file is corrupt`)
  }
}

/** Decodes the sections into a served index. */
function fromSections(header: Header, sections: Map<string, Uint8Array>, where: string): LoadedIndex {
  const section = (name: string): Uint8Array => {
    const data = sections.get(name)
    if (!data) throw new IndexFileError(`index: ${where}section "${name}" is missing`)
    return data
  }
  const kindOfSection = new Map(header.sections.map((s) => [s.name, s.kind]))
  const view = <K extends 'u8' | 'u16' | 'u32' | 'f64'>(name: string, ...kinds: K[]) => {
    const data = section(name)
    const kind = kindOfSection.get(name) as K
    if (!kinds.includes(kind)) throw new IndexFileError(`index: ${where}section "${name}" has the wrong type (${kind})`)
    // Sections read from disk start at offset 0 of their own buffer; copy the rare one that does not sit aligned.
    const bytes = data.byteOffset % ELEMENT_BYTES[kind] === 0 ? data : data.slice()
    const length = bytes.byteLength / ELEMENT_BYTES[kind]
    return (kind === 'u8' ? new Uint8Array(bytes.buffer, bytes.byteOffset, length) : kind === 'u16' ? new Uint16Array(bytes.buffer, bytes.byteOffset, length) : kind === 'u32' ? new Uint32Array(bytes.buffer, bytes.byteOffset, length) : new Float64Array(bytes.buffer, bytes.byteOffset, length)) as K extends 'u8' ? Uint8Array : K extends 'u16' ? Uint16Array : K extends 'u32' ? Uint32Array : Float64Array
  }
  /** A section's newline-terminated lines. */
  const lines = (name: string): string[] => {
    const data = section(name)
    const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8')
    return text === '' ? [] : text.slice(0, -1).split('\n')
  }
  const records = <T>(name: string): T[] => lines(name).map((line) => JSON.parse(line) as T)
  try {
    const { counts } = header
    const articles = records<Article>('articles')
    const entities = records<Entity>('entities')
    const terms: TermIndex = {
      documentCount: counts.paragraphs,
      terms: lines('terms'),
      docFreq: view('docFreq', 'u32'),
      fields: SEARCH_FIELDS.map((field) => ({ start: view(`${field}.start`, 'u32'), docs: view(`${field}.docs`, 'u32'), freqs: view(`${field}.freqs`, 'u16', 'u32') })),
      fieldLength: SEARCH_FIELDS.map((field) => view(`${field}.length`, 'u16', 'u32')),
      avgFieldLength: view('avgFieldLength', 'f64'),
      positions: { bytes: view('positions', 'u8'), checkpoints: view('positions.checkpoints', 'u32') },
    }
    const commonPairs: CommonPairs = {
      common: view('pairs.common', 'u32'),
      first: view('pairs.first', 'u32'),
      second: view('pairs.second', 'u32'),
      start: view('pairs.start', 'u32'),
      docs: view('pairs.docs', 'u32'),
    }
    const columns: IndexColumns = {
      article: view('article', 'u32'),
      actors: { offsets: view('actors.offsets', 'u32'), values: view('actors.values', 'u32') },
      regions: { offsets: view('regions.offsets', 'u32'), values: view('regions.values', 'u32') },
      byDate: view('byDate', 'u32'),
    }
    checkShapes(header, articles, entities, terms, commonPairs, columns)
    const blocks = header.sections.filter((s) => s.name.startsWith('paragraphs.')).map((s) => section(s.name))
    const paragraphs = new ParagraphStore(
      blocks.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
      counts.paragraphs,
      columns,
      entities,
    )
    const firstOrdinal = new Map<string, number>()
    // The first paragraph of each run of an article's paragraphs, last to first: the least ordinal wins even were an article's paragraphs split.
    for (let p = columns.article.length - 1; p >= 0; p--) if (p === 0 || columns.article[p - 1] !== columns.article[p]) firstOrdinal.set(articles[columns.article[p]!]!.id, p)
    return {
      version: header.version,
      report: header.report,
      articles,
      entities,
      paragraphs,
      terms,
      commonPairs,
      columns,
      articleById: new Map(articles.map((a) => [a.id, a])),
      firstOrdinal,
      entityByName: new Map(entities.map((e) => [e.name, e])),
      vocabulary: { terms: terms.terms, docFreq: terms.docFreq },
    }
  } catch (err) {
    if (err instanceof IndexFileError) throw err
    throw new IndexFileError(`index: ${where}the index is unreadable (${(err as Error).message})`)
  }
}

/** True when every value is below `limit` (a plain loop: these arrays hold millions of values). */
function allBelow(values: Uint32Array, limit: number): boolean {
  for (let k = 0; k < values.length; k++) if (values[k]! >= limit) return false
  return true
}

/** Checks that the sections agree with each other and with the header's counts. */
function checkShapes(header: Header, articles: Article[], entities: Entity[], terms: TermIndex, pairs: CommonPairs, columns: IndexColumns): void {
  const { counts } = header
  const n = counts.paragraphs
  const problems: string[] = []
  const expect = (ok: boolean, what: string) => ok || problems.push(what)
  expect(articles.length === counts.articles, 'article count')
  expect(entities.length === counts.entities, 'entity count')
  expect(terms.terms.length === counts.terms && terms.docFreq.length === counts.terms, 'term count')
  terms.fields.forEach((f, i) => {
    expect(f.start.length === counts.terms + 1 && f.start[counts.terms] === f.docs.length && f.docs.length === f.freqs.length, `postings of field ${i}`)
    expect(terms.fieldLength[i]!.length === n, `field lengths of field ${i}`)
    expect(allBelow(f.docs, n), `paragraph ordinals of field ${i}`)
  })
  expect(terms.avgFieldLength.length === SEARCH_FIELDS.length, 'average field lengths')
  const pairCount = pairs.first.length
  expect(
    pairs.second.length === pairCount && pairs.start.length === pairCount + 1 && pairs.start[pairCount] === pairs.docs.length && allBelow(pairs.common, counts.terms) && allBelow(pairs.docs, n),
    'common pairs',
  )
  expect(columns.article.length === n && columns.byDate.length === n, 'paragraph columns')
  for (const c of [columns.actors, columns.regions]) expect(c.offsets.length === n + 1 && c.offsets[n] === c.values.length && allBelow(c.values, entities.length), 'tag columns')
  expect(allBelow(columns.article, articles.length), 'paragraph articles')
  if (problems.length > 0) throw new IndexFileError(`index: the sections disagree (${problems.join(', ')}); the file is corrupt`)
}

/** Wraps index file content for serving, through the same sections a file holds. Throws IndexFileError when it is not a usable index. */
export function loadIndex(index: IndexFile): LoadedIndex {
  if (index === null || typeof index !== 'object' || index.format !== 'readout-index') throw new IndexFileError('index: not a Readout index file')
  const sections = indexSections(index)
  const header = checkHeader(headerOf(index, sections), '')
  return fromSections(header, new Map(sections.map((s) => [s.name, s.pieces.length === 1 ? s.pieces[0]! : Buffer.concat(s.pieces)])), '')
}
