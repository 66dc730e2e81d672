// Paragraphs kept as compact JSON records in a few large byte blocks and decoded only when asked for: a million paragraphs cost their bytes, not a million objects.
import type { EntityColumn, IndexColumns } from './index-columns'
import type { Entity, Mention, Paragraph } from './types'

/** Records per block (a block is one section of the index file). */
export const RECORDS_PER_BLOCK = 65_536
const NEWLINE = 0x0a

/** What a record leaves out and the store puts back: each paragraph's actors and regions, as the index's columns number them in its entity list. */
export type RecordTags = Pick<IndexColumns, 'actors' | 'regions'>

/**
 * A paragraph as its record: one JSON array on one line — article id, position, section, text,
 * the mentions flattened (name, start, end, name, …) and, last, the near-duplicates. The id
 * (article id and position) and the actors and regions (the index's columns hold them) are not
 * repeated: at a million paragraphs they and the mentions' keys were a third of the records' bytes.
 */
export function encodeRecord(p: Paragraph): string {
  if (p.id !== `${p.articleId}:${p.position}`) throw new Error(`index-build: paragraph ${p.id} is not its article id and position (${p.articleId}:${p.position})`)
  const mentions: (string | number)[] = []
  for (const m of p.mentions) mentions.push(m.name, m.start, m.end)
  return JSON.stringify([p.articleId, p.position, p.section, p.text, mentions, p.duplicates]) + '\n'
}

/** Encodes paragraphs as blocks of records. */
export function encodeParagraphBlocks(paragraphs: Paragraph[]): Buffer[] {
  const blocks: Buffer[] = []
  for (let from = 0; from < paragraphs.length; from += RECORDS_PER_BLOCK) {
    blocks.push(Buffer.from(paragraphs.slice(from, from + RECORDS_PER_BLOCK).map(encodeRecord).join('')))
  }
  return blocks
}

/** The entity names of one paragraph's row of a column. */
function rowNames({ offsets, values }: EntityColumn, ordinal: number, entities: readonly Pick<Entity, 'name'>[]): string[] {
  const row: string[] = []
  for (let k = offsets[ordinal]!; k < offsets[ordinal + 1]!; k++) row.push(entities[values[k]!]!.name)
  return row
}

/** Read access to the paragraphs by ordinal. */
export class ParagraphStore {
  readonly #blocks: Buffer[]
  readonly #ends: Uint32Array[]
  readonly #tags: RecordTags
  readonly #entities: readonly Pick<Entity, 'name'>[]
  /** Number of paragraphs. */
  readonly count: number

  /** Wraps encoded blocks, the columns their records leave out and the entities those number; throws when a block does not hold the records it should. */
  constructor(blocks: Buffer[], count: number, tags: RecordTags, entities: readonly Pick<Entity, 'name'>[]) {
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
    for (const column of [tags.actors, tags.regions]) if (column.offsets.length !== count + 1) throw new Error(`tag columns of ${column.offsets.length - 1} paragraphs cannot go with ${count} records`)
    this.#tags = tags
    this.#entities = entities
    this.count = count
  }

  /** The paragraph at `ordinal` (a fresh object each call). */
  get(ordinal: number): Paragraph {
    if (!Number.isInteger(ordinal) || ordinal < 0 || ordinal >= this.count) throw new RangeError(`no paragraph ${ordinal}`)
    const b = Math.floor(ordinal / RECORDS_PER_BLOCK)
    const i = ordinal % RECORDS_PER_BLOCK
    const ends = this.#ends[b]!
    const start = i === 0 ? 0 : ends[i - 1]! + 1
    const record: unknown = JSON.parse(this.#blocks[b]!.toString('utf8', start, ends[i]!))
    if (!Array.isArray(record) || record.length !== 6) throw new Error(`paragraph record ${ordinal} is not a record of this format`)
    const [articleId, position, section, text, flat, duplicates] = record as [string, number, string | null, string, (string | number)[], string[]]
    const mentions: Mention[] = []
    for (let k = 0; k + 2 < flat.length; k += 3) mentions.push({ name: flat[k] as string, start: flat[k + 1] as number, end: flat[k + 2] as number })
    const { actors, regions } = this.#tags
    return {
      id: `${articleId}:${position}`,
      articleId,
      position,
      section,
      text,
      actors: rowNames(actors, ordinal, this.#entities),
      regions: rowNames(regions, ordinal, this.#entities),
      mentions,
      duplicates,
    }
  }
}
