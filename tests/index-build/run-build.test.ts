import { execFile } from 'node:child_process'
import { copyFile, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeEach, describe, expect, it } from 'vitest'
import { readIndexFile } from '../../index-build/index-file'
import { PAGES_PER_MESSAGE } from '../../index-build/parallel-pages'
import { BuildError, runBuild } from '../../index-build/run-build'
import { generateCorpus } from '../bench/generate'
import { tempDir } from '../support/temp-dir'

const SEEDS = join(import.meta.dirname, '../../seeds')
const PAGE = 'A made-up report on harbour talks between two ministers, written as a full sentence.\n\nThe second paragraph adds that the ministers agreed to meet again next month in the capital.\n'

async function seedsCopy(): Promise<string> {
  const dir = await tempDir('seeds')
  for (const name of await readdir(SEEDS)) await copyFile(join(SEEDS, name), join(dir, name))
  return dir
}

let work: string
beforeEach(async () => {
  work = await tempDir('build')
})

describe('runBuild', () => {
  it('indexes the five seeds into a loadable file, byte-identical on a second run', async () => {
    const seeds = await seedsCopy()
    const first = join(work, 'a', 'index.readout')
    const second = join(work, 'b', 'index.readout')
    const report = await runBuild({ seedsDir: seeds, outFile: first })
    await runBuild({ seedsDir: seeds, outFile: second })
    expect(report.articles).toBe(5)
    expect(report.warnings).toEqual([])
    const [a, b] = await Promise.all([readFile(first), readFile(second)])
    expect(a.equals(b)).toBe(true)
    const index = await readIndexFile(first)
    expect(index.paragraphs.count).toBe(report.paragraphs)
    expect(index.terms.documentCount).toBe(report.paragraphs)
    const syndicated = index.articleById.get('001_3a3c0d2df35349b4')
    expect(syndicated).toMatchObject({ outlet: 'Yahoo Finance Canada', originalOutlet: 'South China Morning Post', date: null })
  })

  it('writes the same bytes on worker threads as in one thread, for a generated corpus with bad pages', async () => {
    const seeds = join(work, 'generated')
    const corpus = generateCorpus({ paragraphs: 3000, seed: 7 })
    await mkdir(seeds)
    for (const page of corpus.pages) await writeFile(join(seeds, page.file), page.text)
    // Each page's blocks again as pages of four blocks: over a thousand pages, so the workers get pages in three messages or more.
    for (const page of corpus.pages) {
      const blocks = page.text.split('\n\n')
      for (let b = 0; b < blocks.length; b += 4) await writeFile(join(seeds, `part-${b}-${page.file}`), blocks.slice(b, b + 4).join('\n\n'))
    }
    await writeFile(join(seeds, 'sources.json'), JSON.stringify(corpus.sources))
    await writeFile(join(seeds, 'aaa-empty.txt'), '')
    await writeFile(join(seeds, 'zzz-binary.txt'), Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))
    const serial = join(work, 'serial.readout')
    const parallel = join(work, 'parallel.readout')
    const report = await runBuild({ seedsDir: seeds, outFile: serial, workers: 0 })
    await runBuild({ seedsDir: seeds, outFile: parallel, workers: 2 })
    // Some parts hold no paragraph, only a page's noise.
    expect(report.warnings.map((w) => w.file).filter((file) => !file.startsWith('part-'))).toEqual(['aaa-empty.txt', 'zzz-binary.txt'])
    expect(report.articles).toBeGreaterThan(2 * PAGES_PER_MESSAGE)
    const [a, b] = await Promise.all([readFile(serial), readFile(parallel)])
    expect(b.equals(a)).toBe(true)
    const index = await readIndexFile(parallel)
    expect(index.paragraphs.count).toBeGreaterThan(2500)
    expect(index.entities.some((e) => e.source === 'nlp')).toBe(true)
    expect(Array.from({ length: index.paragraphs.count }, (_, i) => index.paragraphs.get(i)).some((p) => p.duplicates.length > 0)).toBe(true)
  })

  it('skips a bad page with a warning naming it, and builds the rest', async () => {
    const seeds = await tempDir('bad')
    await writeFile(join(seeds, 'good.txt'), PAGE)
    await writeFile(join(seeds, 'empty.txt'), '')
    await writeFile(join(seeds, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 3]))
    // A link to nothing cannot be stat'ed or read (even by root); a folder named like a page is not one.
    await symlink(join(seeds, 'no-such-target'), join(seeds, 'gone.txt'))
    await mkdir(join(seeds, 'folder.txt'))
    const lines: string[] = []
    const report = await runBuild({ seedsDir: seeds, outFile: join(work, 'index.readout'), log: (l) => lines.push(l), nlp: false })
    expect(report.articles).toBe(1)
    expect(report.warnings.map((w) => w.file).sort()).toEqual(['binary.txt', 'empty.txt', 'gone.txt'])
    expect(report.warnings.find((w) => w.file === 'gone.txt')?.problem).toBe('unreadable (ENOENT)')
    expect(lines.some((l) => l.includes('empty.txt') && l.includes('empty'))).toBe(true)
  })

  it('ingests hostile pages safely or rejects them by name, and builds the rest', async () => {
    const seeds = await tempDir('hostile')
    await writeFile(join(seeds, 'good.txt'), PAGE)
    await writeFile(join(seeds, 'markup.txt'), 'Officials said <script>alert(1)</script> and <img src=x onerror=alert(2)> appeared in the feed.\n')
    await writeFile(join(seeds, 'control.txt'), 'The envoy\u0007 arrived\u001b on Monday for talks, officials said.\n')
    await writeFile(join(seeds, 'latin1.txt'), Buffer.concat([Buffer.from('The minister'), Buffer.from([0x92]), Buffer.from('s caf'), Buffer.from([0xe9]), Buffer.from(' remarks were brief.\n')]))
    await writeFile(join(seeds, 'huge.txt'), 'word '.repeat(2_000_000))
    await writeFile(join(seeds, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]))
    await writeFile(join(seeds, 'empty.txt'), '')
    const out = join(work, 'index.readout')
    const report = await runBuild({ seedsDir: seeds, outFile: out, nlp: false })
    expect(report.articles).toBe(4)
    expect(report.warnings).toEqual([
      { file: 'binary.txt', problem: 'binary file, not text' },
      { file: 'empty.txt', problem: 'empty file' },
      { file: 'huge.txt', problem: expect.stringMatching(/^a line of 10,000,000 characters: not an article page/) },
      { file: 'latin1.txt', problem: 'not UTF-8: read as Windows-1252' },
    ])
    const index = await readIndexFile(out)
    const texts = Array.from({ length: index.paragraphs.count }, (_, ordinal) => index.paragraphs.get(ordinal).text)
    expect(texts).toContain('Officials said <script>alert(1)</script> and <img src=x onerror=alert(2)> appeared in the feed.')
    expect(texts).toContain('The envoy arrived on Monday for talks, officials said.')
    expect(texts).toContain('The minister\u2019s caf\u00e9 remarks were brief.')
  })

  it('fails a strict build on a warning and leaves the previous index untouched', async () => {
    const seeds = await tempDir('strict')
    await writeFile(join(seeds, 'good.txt'), PAGE)
    await writeFile(join(seeds, 'empty.txt'), '   \n')
    const out = join(work, 'index.readout')
    await writeFile(out, 'previous index')
    await expect(runBuild({ seedsDir: seeds, outFile: out, strict: true, nlp: false })).rejects.toThrow(BuildError)
    expect(await readFile(out, 'utf8')).toBe('previous index')
    expect(await readdir(work)).toEqual(['index.readout'])
  })

  it('fails on an invalid sources.json, naming the entry and field, and keeps the previous index', async () => {
    const seeds = await tempDir('sources')
    await writeFile(join(seeds, 'good.txt'), PAGE)
    await writeFile(join(seeds, 'sources.json'), JSON.stringify({ 'good.txt': { published: 'yesterday' } }))
    const out = join(work, 'index.readout')
    await writeFile(out, 'previous index')
    await expect(runBuild({ seedsDir: seeds, outFile: out, nlp: false })).rejects.toThrow(/sources.json: entry "good.txt": field "published"/)
    expect(await readFile(out, 'utf8')).toBe('previous index')
  })

  it('fails when no page is usable', async () => {
    const seeds = await tempDir('none')
    await writeFile(join(seeds, 'empty.txt'), '')
    await expect(runBuild({ seedsDir: seeds, outFile: join(work, 'index.readout'), nlp: false })).rejects.toThrow(/no usable page/)
  })

  it('names a missing seeds folder', async () => {
    await expect(runBuild({ seedsDir: join(work, 'nope'), outFile: join(work, 'i.json') })).rejects.toThrow(/nope: cannot read the seeds folder/)
  })
})

describe('build:index CLI', () => {
  it('prints a summary and exits 0; exits 1 naming the problem under --strict', async () => {
    const seeds = await tempDir('cli')
    await writeFile(join(seeds, 'good.txt'), PAGE)
    const out = join(work, 'cli.json')
    const run = promisify(execFile)
    const cli = join(import.meta.dirname, '../../index-build/cli.ts')
    const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx')
    const ok = await run(tsx, [cli, '--seeds', seeds, '--out', out, '--no-nlp'])
    expect(ok.stdout).toMatch(/articles\s+1/)
    expect(ok.stdout).toMatch(/paragraphs\s+2 kept/)
    await writeFile(join(seeds, 'blank.txt'), '')
    const failed = await run(tsx, [cli, '--seeds', seeds, '--out', out, '--strict']).catch((e: { code: number; stderr: string }) => e)
    expect(failed).toMatchObject({ code: 1 })
    expect((failed as { stderr: string }).stderr).toMatch(/blank.txt: empty/)
  })
})
