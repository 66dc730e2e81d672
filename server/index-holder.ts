// Holds the index being served and swaps in a new one only once it has fully loaded; rebuilds run in a child process so searches keep answering.
import { spawn } from 'node:child_process'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Logger } from 'pino'
import { type LoadedIndex, readIndexFile } from '../index-build/index-file'
import { prepareIndex } from './prepare-index'

/** What /healthz and /api/status tell about the index. */
export interface IndexStatus {
  /** Index file served. */
  indexPath: string
  /** Format version of the index served; null before one is loaded. */
  version: number | null
  /** Paragraphs (documents) in the index served. */
  documents: number
  /** Articles in the index served. */
  articles: number
  /** When the served index file was written (its modification time), ISO 8601. */
  builtAt: string | null
  /** When it was loaded into this process, ISO 8601. */
  loadedAt: string | null
  /** True while a rebuild or reload is under way. */
  busy: boolean
  /** The last rebuild or reload: when it ended, whether it worked, and why not. */
  lastReload: { at: string; ok: boolean; error: string | null } | null
}

/** Builds the index from `seedsDir` into `outFile`; rejects with an Error whose message says why. */
export type BuildIndex = (seedsDir: string, outFile: string) => Promise<void>

/** Options of IndexHolder. */
export interface IndexHolderOptions {
  /** Index file to load and rebuild. */
  indexPath: string
  /** Folder of pages rebuilds read. */
  seedsDir: string
  /** Where reload outcomes are logged. */
  logger: Logger
  /** How to build (default: `npm run build:index` in a child process). */
  build?: BuildIndex
}

const PROJECT_ROOT = join(import.meta.dirname, '..')
const BUILD_CLI = join(PROJECT_ROOT, 'index-build/cli.ts')
/** tsx's loader, by absolute URL so the child runs whatever the working directory. */
const TSX_LOADER = pathToFileURL(join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href

/** Runs the index-build CLI in a child process so the server's event loop stays free. */
export const buildInChildProcess: BuildIndex = (seedsDir, outFile) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, BUILD_CLI, '--seeds', seedsDir, '--out', outFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (d: string) => {
      stderr = (stderr + d).slice(-4000)
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve()
      else reject(new Error(stderr.trim().split('\n').filter(Boolean).slice(-3).join('; ') || `index-build exited with code ${code}`))
    })
  })

/** The served index and its reloads. Reads are lock-free: `current()` returns whichever index is complete. */
export class IndexHolder {
  #index: LoadedIndex | null = null
  #builtAt: string | null = null
  #loadedAt: string | null = null
  #last: IndexStatus['lastReload'] = null
  #queue: Promise<boolean> = Promise.resolve(true)
  #busy = 0
  #rebuildPending: Promise<boolean> | null = null
  readonly #options: IndexHolderOptions

  constructor(options: IndexHolderOptions) {
    this.#options = options
  }

  /** The index to answer from; null until the first load. */
  current(): LoadedIndex | null {
    return this.#index
  }

  /** Facts for /healthz and /api/status. */
  status(): IndexStatus {
    const index = this.#index
    return {
      indexPath: this.#options.indexPath,
      version: index?.version ?? null,
      documents: index?.terms.documentCount ?? 0,
      articles: index?.articles.length ?? 0,
      builtAt: this.#builtAt,
      loadedAt: this.#loadedAt,
      busy: this.#busy > 0,
      lastReload: this.#last,
    }
  }

  /** Runs one reload or rebuild at a time, in order. */
  #serialise(task: () => Promise<boolean>): Promise<boolean> {
    const run = this.#queue.then(async () => {
      this.#busy++
      try {
        return await task()
      } finally {
        this.#busy--
      }
    })
    this.#queue = run.catch(() => false)
    return run
  }

  /** Records an outcome and logs it. */
  #record(ok: boolean, error: string | null): boolean {
    this.#last = { at: new Date().toISOString(), ok, error }
    if (ok) this.#options.logger.info({ index: this.status() }, 'index loaded')
    else this.#options.logger.error({ error }, 'index reload failed; still serving the previous index')
    return ok
  }

  /** Loads the index file into memory. */
  async #load(): Promise<void> {
    const { indexPath } = this.#options
    const loaded = await readIndexFile(indexPath, { yieldWhileLoading: this.#index !== null })
    // Derive the per-index caches now, so no request pays for them.
    prepareIndex(loaded)
    const written = await stat(indexPath)
    this.#index = loaded
    this.#builtAt = written.mtime.toISOString()
    this.#loadedAt = new Date().toISOString()
  }

  /** Reads the index file again (SIGHUP). On failure the current index keeps serving. Resolves to success. */
  reload(): Promise<boolean> {
    return this.#serialise(async () => {
      try {
        await this.#load()
        return this.#record(true, null)
      } catch (err) {
        return this.#record(false, (err as Error).message)
      }
    })
  }

  /** Rebuilds from the seeds folder, then loads the result. Calls made while one waits to start share it. */
  rebuild(): Promise<boolean> {
    if (this.#rebuildPending) return this.#rebuildPending
    const pending = this.#serialise(async () => {
      this.#rebuildPending = null
      const { seedsDir, indexPath, build = buildInChildProcess } = this.#options
      try {
        await build(seedsDir, indexPath)
        await this.#load()
        return this.#record(true, null)
      } catch (err) {
        return this.#record(false, (err as Error).message)
      }
    })
    this.#rebuildPending = pending
    return pending
  }

  /** First load at start-up: builds the index when the file is missing or unusable. Throws when nothing can be served. */
  async start(): Promise<void> {
    const exists = await stat(this.#options.indexPath).then(
      () => true,
      () => false,
    )
    if (exists && (await this.reload())) return
    if (exists) this.#options.logger.warn({ indexPath: this.#options.indexPath }, 'rebuilding the unusable index file from the seeds')
    else this.#options.logger.info({ indexPath: this.#options.indexPath, seedsDir: this.#options.seedsDir }, 'no index file yet: building it')
    if (!(await this.rebuild())) throw new Error(`server: no index to serve: ${this.#last?.error ?? 'unknown error'}`)
  }
}
