// The corpora and requests whose answers are pinned in tests/fixtures/search-golden.json: the five seeds and a generated corpus, searched every way the API allows.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readIndexFile, type LoadedIndex } from '../../index-build/index-file'
import { runBuild } from '../../index-build/run-build'
import { generateCorpus } from '../bench/generate'

const ROOT = join(import.meta.dirname, '../..')

/** Where the pinned answers live. */
export const GOLDEN_FILE = join(ROOT, 'tests/fixtures/search-golden.json')

/** Builds the seeds folder and a generated corpus (2,000 paragraphs, seed 7) into indexes, as the server would load them. */
export async function goldenIndexes(): Promise<{ seeds: LoadedIndex; generated: LoadedIndex }> {
  const work = await mkdtemp(join(tmpdir(), 'readout-golden-'))
  try {
    await runBuild({ seedsDir: join(ROOT, 'seeds'), outFile: join(work, 'seeds.idx') })
    const seedsDir = join(work, 'gen')
    await mkdir(seedsDir)
    const corpus = generateCorpus({ paragraphs: 2000, seed: 7 })
    for (const page of corpus.pages) await writeFile(join(seedsDir, page.file), page.text)
    await writeFile(join(seedsDir, 'sources.json'), JSON.stringify(corpus.sources))
    await runBuild({ seedsDir, outFile: join(work, 'gen.idx') })
    return { seeds: await readIndexFile(join(work, 'seeds.idx')), generated: await readIndexFile(join(work, 'gen.idx')) }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** Requests against the seed corpus: every query feature, filter, sort and endpoint that reads the index. */
export const SEED_REQUESTS = [
  '/api/search?q=Lavrov',
  '/api/search?q=lavorv',
  '/api/search?q=blinkn',
  '/api/search?q=vient',
  '/api/search?q=Wang%20Yi',
  '/api/search?q=%22South%20China%20Sea%22',
  '/api/search?q=%22South%20China%20Sea%22%20-Philippines',
  '/api/search?q=China%20-%22South%20China%22',
  '/api/search?q=defence',
  '/api/search?q=defense%20OR%20security',
  '/api/search?q=Russia%20China%20cooperation',
  '/api/search?q=US',
  '/api/search?q=Xi',
  '/api/search?q=ASEAN%20OR%20%22foreign%20ministers%22',
  '/api/search?q=the&size=100',
  '/api/search?q=the&page=2&size=7',
  '/api/search?q=the&sort=date&size=30',
  '/api/search?q=minister&actor=Wang%20Yi',
  '/api/search?q=minister&region=Southeast%20Asia',
  '/api/search?q=sea&outlet=Reuters&outlet=(unknown)',
  '/api/search?q=talks&from=2024-07-26&to=2024-07-31',
  '/api/search?q=&size=100',
  '/api/search?q=&actor=Sergei%20Lavrov&size=50',
  '/api/search?q=&region=Asia&sort=relevance',
  '/api/search?q=&actor=Nobody%20Known',
  '/api/search?q=zzzzqqq',
  '/api/search?q=%C3%A9lan%20caf%C3%A9',
  '/api/suggest?q=la',
  '/api/suggest?q=sout',
  '/api/suggest?q=Wang%20y',
  '/api/facets',
  '/api/articles',
  '/api/export?q=China&format=jsonl',
  '/api/export?q=&format=csv',
]

/** Answers with the request's own timing removed (it differs run to run). */
export function stripTiming(url: string, body: string): unknown {
  if (!url.startsWith('/api/search')) return url.startsWith('/api/export') ? body : JSON.parse(body)
  const { tookMs: _t, ...rest } = JSON.parse(body) as { tookMs: number }
  return rest
}
