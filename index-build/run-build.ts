// The I/O shell of the index build: reads the seeds folder, runs the pure pipeline, writes the index atomically.
import { readdir, readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { buildCorpus, buildEncodedInParallel } from './build-corpus'
import { mapLimit } from './map-limit'
import { readPage, statFile } from './read-page'
import { KNOWN_ENTITIES } from './entities/knowledge-base'
import { parseSourcesText, type Sources } from './sources'
import { writeIndexFile } from './index-file'
import type { BuildReport } from './types'

/** Options of runBuild. */
export interface RunBuildOptions {
  /** Folder of raw pages (`*.txt`) and an optional `sources.json`. */
  seedsDir: string
  /** Where to write the index file (its folder is created). */
  outFile: string
  /** Fail the build on any warning (a skipped page, an orphan sources entry). Default false. */
  strict?: boolean
  /** Receives warnings, one line each. Default: nothing is printed. */
  log?: (line: string) => void
  /** Called with (pages done, pages in all) while pages are processed. */
  onProgress?: (done: number, total: number) => void
  /** Run the NLP library for entities not in the knowledge base (default true). */
  nlp?: boolean
  /** Worker threads that clean and tag pages (default: one per core from PARALLEL_MIN_PAGES pages on; 0 or 1 builds in this thread). */
  workers?: number
}

/** Fewest pages for which worker threads pay for themselves: each costs ~1 s to start (tsx compiles the page code, compromise loads), and at ~1,000 generated pages (20k paragraphs) a 2-core build was as fast on two workers as in this thread. */
export const PARALLEL_MIN_PAGES = 1000

/** Worker threads for a build of `pages` pages: none below PARALLEL_MIN_PAGES or on one core. */
function defaultWorkers(pages: number): number {
  return pages >= PARALLEL_MIN_PAGES ? availableParallelism() : 0
}

/** Pages read at once in this thread (a build without workers): enough to keep the disk busy, far below any file-descriptor limit. */
const READ_CONCURRENCY = 64

/** A build that must not replace the current index; the message says why. */
export class BuildError extends Error {
  override name = 'BuildError'
}

/** Names of the pages in a seeds folder: `.txt` names, sorted by UTF-16 code units (the build's file order). */
async function listPages(seedsDir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(seedsDir)
  } catch (err) {
    throw new BuildError(`index-build: ${seedsDir}: cannot read the seeds folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`)
  }
  return names.filter((n) => n.toLowerCase().endsWith('.txt')).sort()
}

/** Reads sources.json if present; an invalid file throws (it always fails the build). */
async function readSources(seedsDir: string): Promise<Sources> {
  const file = join(seedsDir, 'sources.json')
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw new BuildError(`index-build: ${file}: cannot read (${(err as Error).message})`)
  }
  return parseSourcesText(text, file)
}

/**
 * Builds the index from a seeds folder and writes it to `outFile`. Bad pages are skipped with a
 * warning naming the file (fatal with `strict`); an invalid sources.json or no usable page fails
 * the build, and a failed build leaves any previous index file untouched.
 */
export async function runBuild(options: RunBuildOptions): Promise<BuildReport> {
  const { seedsDir, outFile, strict = false, log = () => {} } = options
  const sources = await readSources(seedsDir)
  const names = await listPages(seedsDir)
  // Regular files only (a page that cannot be stat'ed is kept, to be reported by name when read).
  const kinds = await mapLimit(names, READ_CONCURRENCY, (file) =>
    statFile(join(seedsDir, file)).then(
      (s) => (s.isFile() ? 'file' : 'other'),
      () => 'file',
    ),
  )
  const files = names.filter((_, i) => kinds[i] === 'file')
  const workers = options.workers ?? defaultWorkers(files.length)
  const corpusOptions = { knowledgeBase: KNOWN_ENTITIES, nlp: options.nlp, onProgress: (done: number) => options.onProgress?.(done, files.length) }
  // On worker threads each page is read by the worker that cleans it (names sort as byFile does).
  const index =
    workers > 1
      ? await buildEncodedInParallel({ seedsDir, files }, sources, { ...corpusOptions, workers })
      : buildCorpus(await mapLimit(files, READ_CONCURRENCY, (file) => readPage(seedsDir, file)), sources, corpusOptions)
  for (const w of index.report.warnings) log(`index-build: warning: ${join(seedsDir, w.file)}: ${w.problem}`)
  if (strict && index.report.warnings.length > 0) {
    throw new BuildError(`index-build: --strict: ${index.report.warnings.length} warning(s); the index was not written`)
  }
  if (index.articles.length === 0) {
    throw new BuildError(`index-build: ${seedsDir}: no usable page (${names.length} .txt file(s) found); the index was not written`)
  }
  await writeIndexFile(outFile, index)
  return index.report
}
