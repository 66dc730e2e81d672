import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCorpus, buildCorpusInParallel, buildEncodedInParallel, type SeedPage } from '../../index-build/build-corpus'
import { indexColumns } from '../../index-build/index-columns'
import { KNOWN_ENTITIES } from '../../index-build/entities/knowledge-base'
import { nlpQuestions } from '../../index-build/entities/nlp-questions'
import { readPage } from '../../index-build/read-page'
import { generateCorpus } from '../bench/generate'
import { tempDir } from '../support/temp-dir'

/** A generated corpus of about 3,000 paragraphs, plus pages that cannot be used, in no particular order. */
function pages(): { pages: SeedPage[]; sources: ReturnType<typeof generateCorpus>['sources'] } {
  const corpus = generateCorpus({ paragraphs: 3000, seed: 11 })
  const generated: SeedPage[] = corpus.pages.map((p) => ({ file: p.file, bytes: Buffer.from(p.text) }))
  const bad: SeedPage[] = [
    { file: 'aaa-unreadable.txt', bytes: null, readError: 'unreadable (EACCES)' },
    { file: 'mmm-empty.txt', bytes: new Uint8Array(0) },
    { file: 'zzz-binary.txt', bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]) },
  ]
  return { pages: [...generated.slice(40), ...bad, ...generated.slice(0, 40)], sources: corpus.sources }
}

describe('buildCorpusInParallel', () => {
  it('gives the serial build’s index file, NLP answers included', async () => {
    const { pages: input, sources } = pages()
    const serial = buildCorpus(input, sources, { knowledgeBase: KNOWN_ENTITIES })
    const parallel = await buildCorpusInParallel(input, sources, { knowledgeBase: KNOWN_ENTITIES, workers: 2 })
    expect(serial.report.warnings.map((w) => w.file)).toEqual(['aaa-unreadable.txt', 'mmm-empty.txt', 'zzz-binary.txt'])
    expect(serial.entities.some((e) => e.source === 'nlp')).toBe(true)
    expect(serial.paragraphs.some((p) => p.duplicates.length > 0)).toBe(true)
    expect(parallel).toEqual(serial)
  })

  it('gives the serial build’s index file without NLP, on three workers', async () => {
    const { pages: input, sources } = pages()
    const serial = buildCorpus(input, sources, { knowledgeBase: KNOWN_ENTITIES, nlp: false })
    const parallel = await buildCorpusInParallel(input, sources, { knowledgeBase: KNOWN_ENTITIES, nlp: false, workers: 3 })
    expect(parallel).toEqual(serial)
  })

  it('gives the serial build’s index file when two pages share an article id (a.txt and a.TXT)', async () => {
    const { pages: input, sources } = pages()
    const generated = input.filter((p) => p.bytes !== null && p.bytes.length > 100)
    const all = input.slice(0, 60)
    // One twin copies a page of the build, so its paragraphs have near-duplicates; the other's words are its own, but its paragraphs share the first's ids, and so their near-duplicates.
    const copied = all.find((p) => p.bytes !== null && p.bytes.length > 100)!.bytes!
    // Each paragraph's words in reverse order (title and date kept): no run of eight words is any other page's.
    const own = Buffer.from(
      Buffer.from(generated[1]!.bytes!)
        .toString()
        .split('\n\n')
        .map((block, i) => (i < 2 ? block : block.split(' ').reverse().join(' ')))
        .join('\n\n'),
    )
    all.push({ file: 'zz-twin.txt', bytes: copied }, { file: 'zz-twin.TXT', bytes: own })
    const serial = buildCorpus(all, sources, { knowledgeBase: KNOWN_ENTITIES })
    const twinArticles = serial.articles.filter((a) => a.id === 'zz-twin')
    expect(twinArticles).toHaveLength(2)
    expect(twinArticles[0]!.title).not.toBe(twinArticles[1]!.title)
    const copiedText = Buffer.from(copied).toString()
    expect(serial.paragraphs.some((p) => p.articleId === 'zz-twin' && !copiedText.includes(p.text) && p.duplicates.length > 0)).toBe(true)
    const parallel = await buildCorpusInParallel(all, sources, { knowledgeBase: KNOWN_ENTITIES, workers: 2 })
    expect(parallel).toEqual(serial)
    // The columns, made from the workers' tag numbers without the paragraphs, are the serial paragraphs' (twins' paragraphs share one article index, the last).
    const encoded = await buildEncodedInParallel(all, sources, { knowledgeBase: KNOWN_ENTITIES, workers: 2 })
    expect(encoded.paragraphCount).toBe(serial.paragraphs.length)
    expect(encoded.columns).toEqual(indexColumns(serial.articles, serial.paragraphs, serial.entities))
  })

  it('has each page named in a seeds folder read by its worker, as the build reads pages in its own thread', async () => {
    const { pages: input, sources } = pages()
    const dir = await tempDir('parallel-read')
    const readable = input.filter((p) => p.bytes !== null)
    for (const page of readable) await writeFile(join(dir, page.file), page.bytes!)
    // A page far larger than the reader's first buffer, a link to nothing and a folder named like a page.
    const large = readable.filter((p) => p.bytes!.length > 100).flatMap((p) => [Buffer.from(p.bytes!), Buffer.from('\n\n')])
    await writeFile(join(dir, 'bbb-large.txt'), Buffer.concat(large.slice(0, 16)))
    await symlink(join(dir, 'no-such-target'), join(dir, 'ccc-gone.txt'))
    await mkdir(join(dir, 'ddd-folder.txt'))
    const files = (await readdir(dir)).sort()
    const read = await Promise.all(files.map((file) => readPage(dir, file)))
    expect(read.find((p) => p.file === 'bbb-large.txt')!.bytes!.length).toBeGreaterThan(2 ** 16)
    expect(read.filter((p) => p.bytes === null).map((p) => [p.file, p.readError])).toEqual([
      ['ccc-gone.txt', 'unreadable (ENOENT)'],
      ['ddd-folder.txt', 'unreadable (EISDIR)'],
    ])
    const fromFolder = await buildEncodedInParallel({ seedsDir: dir, files }, sources, { knowledgeBase: KNOWN_ENTITIES, workers: 2 })
    expect(fromFolder.report.warnings.slice(0, 2)).toEqual([
      { file: 'ccc-gone.txt', problem: 'unreadable (ENOENT)' },
      { file: 'ddd-folder.txt', problem: 'unreadable (EISDIR)' },
    ])
    const fromMemory = await buildEncodedInParallel(read, sources, { knowledgeBase: KNOWN_ENTITIES, workers: 2 })
    // The report first: a page read short or wrong shows there in a few lines.
    expect(fromFolder.report).toEqual(fromMemory.report)
    expect(fromFolder).toEqual(fromMemory)
  })

  it('reports progress up to the number of pages', async () => {
    const { pages: input, sources } = pages()
    const seen: number[] = []
    await buildCorpusInParallel(input.slice(0, 30), sources, { knowledgeBase: KNOWN_ENTITIES, workers: 2, onProgress: (done) => seen.push(done) })
    expect(seen.at(-1)).toBe(30)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
  })
})

describe('nlpQuestions', () => {
  it('asks about a run only where a serial build first meets it, with the other new runs of that text', () => {
    const questions = nlpQuestions([
      [['Jane Roe', 'Acme Works'], []],
      [],
      [['Acme Works', 'Blue Lake', 'Blue Lake'], ['Jane Roe']],
    ])
    expect(questions).toEqual([
      { page: 0, text: 0, candidates: [0, 1] },
      { page: 2, text: 0, candidates: [1, 2] },
    ])
  })
})
