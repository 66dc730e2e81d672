// Paragraphs kept as their JSON records in a few large byte blocks and decoded only when asked for: a million paragraphs cost their bytes, not a million objects.
import type { Paragraph } from './types'

/** Records per block (a block is one section of the index file). */
export const RECORDS_PER_BLOCK = 65_536
const NEWLINE = 0x0a

/** Encodes paragraphs as blocks of newline-terminated JSON records. */
export function encodeParagraphBlocks(paragraphs: Paragraph[]): Buffer[] {
  const blocks: Buffer[] = []
  for (let from = 0; from < paragraphs.length; from += RECORDS_PER_BLOCK) {
    const lines = paragraphs.slice(from, from + RECORDS_PER_BLOCK).map((p) => JSON.stringify(p) + '\n')
    blocks.push(Buffer.from(lines.join('')))
  }
  return blocks
}

/** Read access to the paragraphs by ordinal. */
export class ParagraphStore {
  readonly #blocks: Buffer[]
  readonly #ends: Uint32Array[]
  /** Number of paragraphs. */
  readonly count: number

  /** Wraps encoded blocks; throws when a block does not hold the records it should. */
  constructor(blocks: Buffer[], count: number) {
    this.#blocks = blocks
    this.#ends = blocks.map((block, b) => {
      const expected = Math.min(RECORDS_PER_BLOCK, count - b * RECORDS_PER_BLOCK)
      const ends = new Uint32Array(expected)
      let n = 0
      for (let at = block.indexOf(NEWLINE); at >= 0; at = block.indexOf(NEWLINE, at + 1)) {
        if (n === expected) throw new Error(`paragraph block ${b} holds more than ${expected} records`)
        ends[n++] = at
      }
      if (n !== expected) throw new Error(`paragraph block ${b} holds ${n} records, not ${expected}`)
      return ends
    })
    if (blocks.length !== Math.ceil(count / RECORDS_PER_BLOCK)) throw new Error(`${blocks.length} paragraph blocks cannot hold ${count} records`)
    this.count = count
  }

  /** The paragraph at `ordinal` (a fresh object each call). */
  get(ordinal: number): Paragraph {
    if (!Number.isInteger(ordinal) || ordinal < 0 || ordinal >= this.count) throw new RangeError(`no paragraph ${ordinal}`)
    const b = Math.floor(ordinal / RECORDS_PER_BLOCK)
    const i = ordinal % RECORDS_PER_BLOCK
    const ends = this.#ends[b]!
    const start = i === 0 ? 0 : ends[i - 1]! + 1
    return JSON.parse(this.#blocks[b]!.toString('utf8', start, ends[i]!)) as Paragraph
  }
}
