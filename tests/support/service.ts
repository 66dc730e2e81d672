// Starts the real service (server/main.ts) as a child process on a free port over a temporary copy of the seeds, for browser and operations tests.
import { type ChildProcess, spawn } from 'node:child_process'
import { copyFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tempDir } from './temp-dir'

const ROOT = join(import.meta.dirname, '../..')

/** A running service. */
export interface Service {
  /** Base URL. */
  url: string
  /** The temporary seeds folder it serves. */
  seedsDir: string
  /** The index file it serves. */
  indexPath: string
  /** The server process. */
  child: ChildProcess
  /** Sends SIGTERM and resolves with the exit code. */
  stop: () => Promise<number | null>
}

/** Options of startService. */
export interface ServiceOptions {
  /** Extra command-line flags, e.g. ['--watch']. */
  args?: string[]
  /** Extra environment variables. */
  env?: Record<string, string>
}

/** Copies the seeds (plus extra pages), starts the server, and resolves once /healthz answers 200. */
export async function startService(extraPages: Record<string, string | Uint8Array> = {}, options: ServiceOptions = {}): Promise<Service> {
  const work = await tempDir('e2e')
  const seedsDir = join(work, 'seeds')
  await import('node:fs/promises').then((fs) => fs.mkdir(seedsDir))
  for (const name of await readdir(join(ROOT, 'seeds'))) await copyFile(join(ROOT, 'seeds', name), join(seedsDir, name))
  for (const [name, content] of Object.entries(extraPages)) await writeFile(join(seedsDir, name), content)
  const indexPath = join(work, 'index.readout')
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts'), ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SEEDS_DIR: seedsDir, INDEX_PATH: indexPath, LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.setEncoding('utf8')
    child.stdout!.on('data', (d: string) => {
      out += d
      const m = /listening on (http:\/\/\S+)/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.once('exit', (code) => reject(new Error(`e2e: the server exited with code ${code} before listening`)))
  })
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${url}/healthz`).catch(() => null)
    if (res?.status === 200) break
    await new Promise((r) => setTimeout(r, 200))
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    url,
    seedsDir,
    indexPath,
    child,
    stop: () => {
      child.kill('SIGTERM')
      return exited
    },
  }
}
