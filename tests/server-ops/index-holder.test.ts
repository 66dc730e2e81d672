import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import pino from 'pino'
import { beforeEach, describe, expect, it } from 'vitest'
import { INDEX_FORMAT_VERSION, assembleIndex } from '../../index-build/assemble-index'
import { writeIndexFile } from '../../index-build/index-file'
import type { IndexFile, Paragraph } from '../../index-build/types'
import { evaluateQuery } from '../../server/evaluate-query'
import { IndexHolder, type BuildIndex } from '../../server/index-holder'
import { tempDir } from '../support/temp-dir'

/** Paragraphs of the served index containing a word. */
const hits = (holder: IndexHolder, word: string) => evaluateQuery(holder.current()!.terms, word).docs.length

const silent = pino({ level: 'silent' })

/** A small index whose paragraphs each say `word`. */
function indexSaying(word: string, count: number): IndexFile {
  const paragraphs: Paragraph[] = Array.from({ length: count }, (_, i) => ({
    id: `a:${i}`, articleId: 'a', position: i, section: null, text: `Paragraph ${i} mentions ${word}.`, actors: [], regions: [], mentions: [], duplicates: [],
  }))
  const article = { id: 'a', file: 'a.txt', title: null, outlet: null, originalOutlet: null, date: null, url: null, note: null, sections: [], paragraphCount: count }
  return assembleIndex([article], paragraphs, [], { articles: 1, paragraphs: count, dropped: {}, entities: {}, warnings: [] })
}

let dir: string
let indexPath: string
beforeEach(async () => {
  dir = await tempDir('holder')
  indexPath = join(dir, 'index.readout')
})

describe('IndexHolder', () => {
  it('builds the index at start when the file is missing, and reports it', async () => {
    const build: BuildIndex = (_seeds, out) => writeIndexFile(out, indexSaying('harbour', 3))
    const holder = new IndexHolder({ indexPath, seedsDir: dir, logger: silent, build })
    await holder.start()
    expect(hits(holder, 'harbour')).toBe(3)
    expect(holder.status()).toMatchObject({ documents: 3, articles: 1, version: INDEX_FORMAT_VERSION, busy: false, lastReload: { ok: true, error: null } })
    expect(holder.status().builtAt).toMatch(/^\d{4}-\d\d-\d\dT/)
  })

  it('keeps serving the old index when a rebuild fails, and says why', async () => {
    await writeIndexFile(indexPath, indexSaying('harbour', 2))
    const build: BuildIndex = async () => {
      throw new Error('index-build: seeds/bad.txt: binary file, not text')
    }
    const holder = new IndexHolder({ indexPath, seedsDir: dir, logger: silent, build })
    await holder.start()
    const before = holder.current()
    expect(await holder.rebuild()).toBe(false)
    expect(holder.current()).toBe(before)
    expect(holder.status().lastReload).toMatchObject({ ok: false, error: 'index-build: seeds/bad.txt: binary file, not text' })
  })

  it('refuses a corrupt file on reload and keeps the current index', async () => {
    await writeIndexFile(indexPath, indexSaying('harbour', 2))
    const holder = new IndexHolder({ indexPath, seedsDir: dir, logger: silent })
    await holder.start()
    const text = await readFile(indexPath, 'utf8')
    await writeFile(indexPath, text.slice(0, text.length - 40))
    expect(await holder.reload()).toBe(false)
    expect(holder.current()?.terms.documentCount).toBe(2)
    expect(holder.status().lastReload?.error).toMatch(/index.readout: .*(truncated|not valid JSON|checksum)/)
  })

  it('swaps in a new index only once it is complete, answering from the old one meanwhile', async () => {
    await writeIndexFile(indexPath, indexSaying('harbour', 2))
    let finish: () => void = () => {}
    const build: BuildIndex = async (_seeds, out) => {
      await new Promise<void>((r) => (finish = r))
      await writeIndexFile(out, indexSaying('lighthouse', 5))
    }
    const holder = new IndexHolder({ indexPath, seedsDir: dir, logger: silent, build })
    await holder.start()
    const rebuilding = holder.rebuild()
    await new Promise((r) => setTimeout(r, 10))
    expect(holder.status().busy).toBe(true)
    expect(hits(holder, 'harbour')).toBe(2)
    finish()
    expect(await rebuilding).toBe(true)
    expect(hits(holder, 'lighthouse')).toBe(5)
    expect(hits(holder, 'harbour')).toBe(0)
  })

  it('shares one waiting rebuild between calls made while another runs', async () => {
    await writeIndexFile(indexPath, indexSaying('harbour', 1))
    let builds = 0
    const build: BuildIndex = async (_seeds, out) => {
      builds++
      await new Promise((r) => setTimeout(r, 20))
      await writeIndexFile(out, indexSaying('harbour', 1 + builds))
    }
    const holder = new IndexHolder({ indexPath, seedsDir: dir, logger: silent, build })
    await holder.start()
    const first = holder.rebuild()
    await new Promise((r) => setTimeout(r, 5))
    const second = holder.rebuild()
    const third = holder.rebuild()
    expect(second).toBe(third)
    await Promise.all([first, second, third])
    expect(builds).toBe(2)
    expect(holder.current()?.terms.documentCount).toBe(3)
  })

  it('fails to start when there is nothing to serve, naming the reason', async () => {
    const build: BuildIndex = async () => {
      throw new Error('index-build: seeds: no usable page')
    }
    const holder = new IndexHolder({ indexPath, seedsDir: dir, logger: silent, build })
    await expect(holder.start()).rejects.toThrow(/no index to serve: index-build: seeds: no usable page/)
  })
})
