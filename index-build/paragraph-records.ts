// Paragraph records encoded where pages are tagged (with no near-duplicates yet), then cut into the index file's paragraph blocks, as pieces, with each paragraph's near-duplicates spliced in.
import { encodeRecord, RECORDS_PER_BLOCK } from './paragraph-store'
import type { Paragraph } from './types'

const NEWLINE = 0x0a
/** How every record encoded here ends: no near-duplicates yet, closing bracket, newline. */
const NO_DUPLICATES_END = Buffer.from('[]]\n')

/** A page's paragraphs as index file records (encodeRecord's, one line each); each paragraph's `duplicates` must still be empty. */
export function encodePageRecords(paragraphs: Paragraph[]): string {
  let records = ''
  for (const p of paragraphs) {
    if (p.duplicates.length > 0) throw new Error(`index-build: paragraph ${p.id} is encoded before its near-duplicates are known`)
    records += encodeRecord(p)
  }
  return records
}

/** True when the record ending just before `end` (from `start` on) ends as encodePageRecords ends it: no near-duplicates yet, closing bracket, newline. */
function endsWithoutDuplicates(page: Uint8Array, start: number, end: number): boolean {
  if (end - start < NO_DUPLICATES_END.length) return false
  for (let k = 0; k < NO_DUPLICATES_END.length; k++) if (page[end - NO_DUPLICATES_END.length + k] !== NO_DUPLICATES_END[k]) return false
  return true
}

/**
 * The paragraph blocks encodeParagraphBlocks would write for all pages' paragraphs in order,
 * from each page's records (UTF-8, from encodePageRecords) and each paragraph's near-duplicates
 * (by ordinal), spliced in where the records leave them empty. Each block comes as its pieces,
 * to be written one after the other: views of the pages' runs of records without near-duplicates
 * (most), and the spliced ends. Nothing is copied: joining them into one buffer took a fresh
 * allocation the size of every record (~700 MB at 1M paragraphs, ~2 s of it in page faults).
 */
export function paragraphBlockPieces(pages: Uint8Array[], duplicatesOf: (ordinal: number) => string[]): Uint8Array[][] {
  const blockPieces: Uint8Array[][] = []
  let pieces: Uint8Array[] = []
  let records = 0
  let ordinal = 0
  for (const page of pages) {
    // Buffer's indexOf finds a byte with memchr, many times faster than a typed array's.
    const bytes = Buffer.from(page.buffer, page.byteOffset, page.byteLength)
    /** Start of the records not yet put in a piece. */
    let run = 0
    for (let start = 0; start < page.length; ) {
      const end = bytes.indexOf(NEWLINE, start) + 1
      if (end === 0 || !endsWithoutDuplicates(page, start, end)) throw new Error(`index-build: paragraph record ${ordinal} is not one encodePageRecords wrote`)
      const duplicates = duplicatesOf(ordinal++)
      if (duplicates.length > 0) {
        pieces.push(page.subarray(run, end - NO_DUPLICATES_END.length), Buffer.from(`${JSON.stringify(duplicates)}]\n`))
        run = end
      }
      start = end
      if (++records === RECORDS_PER_BLOCK) {
        if (run < end) pieces.push(page.subarray(run, end))
        run = end
        blockPieces.push(pieces)
        pieces = []
        records = 0
      }
    }
    if (run < page.length) pieces.push(page.subarray(run))
  }
  if (records > 0) blockPieces.push(pieces)
  return blockPieces
}
