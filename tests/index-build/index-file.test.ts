import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { assembleIndex } from '../../index-build/assemble-index'
import { IndexFileError, loadIndex, readIndexFile, writeIndexFile } from '../../index-build/index-file'
import { evaluateQuery } from '../../server/evaluate-query'
import { indexColumns } from '../../index-build/index-columns'
import { encodeParagraphBlocks } from '../../index-build/paragraph-store'
import type { Article, EncodedIndexFile, IndexFile, Paragraph } from '../../index-build/types'
import { tempDir } from '../support/temp-dir'

function article(id: string): Article {
  return { id, file: `${id}.txt`, title: `Harbour talks ${id}`, outlet: 'The Example Post', originalOutlet: null, date: '2024-03-01', url: null, note: null, sections: [], paragraphCount: 2 }
}

function paragraph(articleId: string, position: number, text: string): Paragraph {
  return { id: `${articleId}:${position}`, articleId, position, section: null, text, actors: [], regions: [], mentions: [], duplicates: [] }
}

function sampleIndex(): IndexFile {
  const paragraphs = [
    paragraph('a', 0, 'The ministers met at the harbour to discuss fishing rights.'),
    paragraph('a', 1, 'They agreed to meet again in spring — “a good sign”, said one.'),
    paragraph('b', 0, 'A second article mentions the harbour and the défense budget.'),
  ]
  return assembleIndex([article('a'), article('b')], paragraphs, [], { articles: 2, paragraphs: 3, dropped: {}, entities: {}, warnings: [] })
}

let dir: string
beforeEach(async () => {
  dir = await tempDir('index-file')
})

describe('writeIndexFile / readIndexFile', () => {
  it('round-trips the content and the search index', async () => {
    const file = join(dir, 'index.readout')
    await writeIndexFile(file, sampleIndex())
    const loaded = await readIndexFile(file)
    const paragraphs = Array.from({ length: loaded.paragraphs.count }, (_, ordinal) => loaded.paragraphs.get(ordinal))
    expect(paragraphs).toEqual(sampleIndex().paragraphs)
    expect(loaded.articles).toEqual(sampleIndex().articles)
    expect(loaded.terms).toEqual(sampleIndex().terms)
    expect([...evaluateQuery(loaded.terms, 'harbour').docs].map((ordinal) => loaded.paragraphs.get(ordinal).id)).toEqual(['a:0', 'a:1', 'b:0'])
    expect(loaded.paragraphs.get(loaded.firstOrdinal.get('a')! + 1).text).toContain('“a good sign”')
    expect([loaded.firstOrdinal.get('a'), loaded.firstOrdinal.get('b'), loaded.firstOrdinal.get('c')]).toEqual([0, 2, undefined])
  })

  it('writes the same bytes for the same content, a header line and an end line, and leaves no temp file', async () => {
    await writeIndexFile(join(dir, 'one.json'), sampleIndex())
    await writeIndexFile(join(dir, 'two.json'), sampleIndex())
    const [one, two] = await Promise.all([readFile(join(dir, 'one.json')), readFile(join(dir, 'two.json'))])
    expect(one.equals(two)).toBe(true)
    expect(JSON.parse(one.subarray(0, one.indexOf(10)).toString())).toMatchObject({ format: 'readout-index', counts: { articles: 2, paragraphs: 3 } })
    expect(JSON.parse(one.subarray(one.lastIndexOf('{"end":')).toString())).toMatchObject({ end: 'readout-index-end', bytes: expect.any(Number) })
    expect((await readdir(dir)).sort()).toEqual(['one.json', 'two.json'])
  })

  it('writes the same bytes whether the paragraph blocks come whole or in pieces: empty, small ones filling more than a write gathers, and large', async () => {
    const index = sampleIndex()
    // One paragraph of ~9 MB: its block is cut into an empty piece, 1 KB pieces for its first 5 MB (more than the 4 MB a write gathers), then one piece of ~4 MB, which goes to the file on its own.
    index.paragraphs[1] = { ...index.paragraphs[1]!, text: 'Harbour talks resumed. '.repeat(400_000) }
    const { paragraphs, ...rest } = index
    const blocks = encodeParagraphBlocks(paragraphs)
    const cut = (block: Buffer) => {
      const pieces = [block.subarray(0, 0)]
      let at = 0
      for (; at < 5 << 20; at += 1024) pieces.push(block.subarray(at, at + 1024))
      return [...pieces, block.subarray(at)]
    }
    const pieces = blocks.map(cut)
    expect(pieces[0]!.at(-1)!.length).toBeGreaterThan(1 << 21)
    const encoded: EncodedIndexFile = { ...rest, paragraphCount: paragraphs.length, columns: indexColumns(index.articles, paragraphs, index.entities), paragraphBlocks: pieces }
    await writeIndexFile(join(dir, 'whole.readout'), index)
    await writeIndexFile(join(dir, 'pieces.readout'), encoded)
    const [whole, inPieces] = await Promise.all([readFile(join(dir, 'whole.readout')), readFile(join(dir, 'pieces.readout'))])
    expect(inPieces.equals(whole)).toBe(true)
    expect((await readIndexFile(join(dir, 'pieces.readout'))).paragraphs.get(1).text).toBe(index.paragraphs[1]!.text)
  })

  it('refuses a truncated file', async () => {
    const file = join(dir, 'index.readout')
    await writeIndexFile(file, sampleIndex())
    const bytes = await readFile(file)
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)))
    await expect(readIndexFile(file)).rejects.toThrow(/truncated/)
    await writeFile(file, bytes.subarray(0, bytes.length - 20))
    await expect(readIndexFile(file)).rejects.toThrow(/truncated \(the end marker is incomplete\)/)
  })

  it('refuses a file whose content was altered', async () => {
    const file = join(dir, 'index.readout')
    await writeIndexFile(file, sampleIndex())
    const bytes = await readFile(file)
    const at = bytes.indexOf('fishing rights')
    expect(at).toBeGreaterThan(0)
    bytes.write('l', at + 'fishing '.length)
    await writeFile(file, bytes)
    await expect(readIndexFile(file)).rejects.toThrow(/checksum mismatch in section "paragraphs\.0"/)
    const flipped = await readFile(file)
    flipped.write('r', at + 'fishing '.length)
    flipped[Math.floor(flipped.length / 2)]! ^= 1
    await writeFile(file, flipped)
    await expect(readIndexFile(file)).rejects.toThrow(/checksum mismatch|corrupt/)
  })

  it('refuses sections that name paragraphs or terms it does not hold, naming what disagrees', () => {
    expect(() => loadIndex(sampleIndex())).not.toThrow()
    const postings = sampleIndex()
    postings.terms.fields[0]!.docs[postings.terms.fields[0]!.docs.length - 1] = 3
    expect(() => loadIndex(postings)).toThrow(/the sections disagree \(paragraph ordinals of field 0\)/)
    const pairs = sampleIndex()
    pairs.commonPairs = { common: Uint32Array.of(pairs.terms.terms.length), first: new Uint32Array(0), second: new Uint32Array(0), start: Uint32Array.of(0), docs: new Uint32Array(0) }
    expect(() => loadIndex(pairs)).toThrow(/the sections disagree \(common pairs\)/)
  })

  it('refuses another format version, naming both versions', async () => {
    const file = join(dir, 'index.readout')
    await writeIndexFile(file, { ...sampleIndex(), version: 99 })
    await expect(readIndexFile(file)).rejects.toThrow(/format version 99 is not supported \(expected \d+\)/)
  })

  it('refuses files that are not indexes, empty or missing, naming the file', async () => {
    const file = join(dir, 'other.json')
    await writeFile(file, '{"hello":"world"}\n')
    await expect(readIndexFile(file)).rejects.toThrow(/other.json: not a Readout index file/)
    await writeFile(file, '')
    await expect(readIndexFile(file)).rejects.toThrow(/other.json: the file is empty/)
    await expect(readIndexFile(join(dir, 'missing.json'))).rejects.toThrow(IndexFileError)
    await expect(readIndexFile(join(dir, 'missing.json'))).rejects.toThrow(/missing.json: cannot read \(ENOENT\)/)
  })

  it('keeps a previous file when writing fails', async () => {
    const file = join(dir, 'index.readout')
    await writeFile(file, 'previous')
    const broken = { ...sampleIndex(), terms: null } as unknown as IndexFile
    await expect(writeIndexFile(file, broken)).rejects.toThrow()
    expect(await readFile(file, 'utf8')).toBe('previous')
    expect(await readdir(dir)).toEqual(['index.readout'])
  })
})
