// Watches the seeds folder and asks for a rebuild, once per burst of changes, when pages or sources.json are added, changed or removed.
import { watch, type FSWatcher } from 'chokidar'

/** Options of watchSeeds. */
export interface WatchSeedsOptions {
  /** Folder to watch (not its subfolders' contents beyond pages in it). */
  seedsDir: string
  /** Called once changes have settled for `quietMs`. */
  onChange: (files: string[]) => void
  /** Quiet time after the last change before `onChange` runs (default 500 ms). */
  quietMs?: number
}

/** True for the files a build reads. */
export function isSeedFile(path: string): boolean {
  return /\.txt$/i.test(path) || /(^|[\\/])sources\.json$/.test(path)
}

/** Starts watching; returns the watcher so the caller can close it on shutdown. */
export function watchSeeds(options: WatchSeedsOptions): FSWatcher {
  const quietMs = options.quietMs ?? 500
  let timer: NodeJS.Timeout | undefined
  let changed = new Set<string>()
  const watcher = watch(options.seedsDir, {
    ignoreInitial: true,
    depth: 0,
    awaitWriteFinish: { stabilityThreshold: 200, pollInterval: 50 },
  })
  const onEvent = (path: string): void => {
    if (!isSeedFile(path)) return
    changed.add(path)
    clearTimeout(timer)
    timer = setTimeout(() => {
      const files = [...changed].sort()
      changed = new Set()
      options.onChange(files)
    }, quietMs)
  }
  watcher.on('add', onEvent).on('change', onEvent).on('unlink', onEvent)
  return watcher
}
