// Paragraph records encoded where pages are tagged (with no near-duplicates yet), then joined into the index file's paragraph blocks with each paragraph's near-duplicates filled in.
import { RECORDS_PER_BLOCK } from './paragraph-store'
import type { Paragraph } from './types'

const NEWLINE = 0x0a
/** How every record encoded here ends: no near-duplicates yet, closing brace, newline. */
const NO_DUPLICATES_END = Buffer.from('[]}\n')

/** A page's paragraphs as index file records (one JSON line each, as encodeParagraphBlocks writes them); each paragraph's `duplicates` must still be empty. */
export function encodePageRecords(paragraphs: Paragraph[]): string {
  let records = ''
  for (const p of paragraphs) {
    if (p.duplicates.length > 0) throw new Error(`index-build: paragraph ${p.id} is encoded before its near-duplicates are known`)
    records += JSON.stringify(p) + '\n'
  }
  return records
}

/**
 * The paragraph blocks encodeParagraphBlocks would write for all pages' paragraphs in order,
 * from each page's records (UTF-8, from encodePageRecords) and each paragraph's near-duplicates
 * (by ordinal), spliced in where the records leave them empty.
 */
export function joinParagraphBlocks(pages: Uint8Array[], duplicatesOf: (ordinal: number) => string[]): Buffer[] {
  const blocks: Buffer[] = []
  let pieces: Uint8Array[] = []
  let records = 0
  const flush = () => {
    blocks.push(Buffer.concat(pieces))
    pieces = []
    records = 0
  }
  let ordinal = 0
  for (const page of pages) {
    for (let start = 0; start < page.length; ) {
      const end = page.indexOf(NEWLINE, start) + 1
      if (end === 0 || !NO_DUPLICATES_END.equals(page.subarray(end - NO_DUPLICATES_END.length, end))) throw new Error(`index-build: paragraph record ${ordinal} is not one encodePageRecords wrote`)
      const duplicates = duplicatesOf(ordinal++)
      if (duplicates.length === 0) pieces.push(page.subarray(start, end))
      else pieces.push(page.subarray(start, end - NO_DUPLICATES_END.length), Buffer.from(`${JSON.stringify(duplicates)}}\n`))
      start = end
      if (++records === RECORDS_PER_BLOCK) flush()
    }
  }
  if (records > 0) flush()
  return blocks
}
