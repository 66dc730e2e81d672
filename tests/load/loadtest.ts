// `npm run loadtest`: holds a concurrent mixed workload on a real server over loopback while the seeds change (watch rebuild) and SIGHUP arrives; fails on any error.
import { spawn } from 'node:child_process'
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const ROOT = join(import.meta.dirname, '../..')
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    clients: { type: 'string', default: '16' },
    seeds: { type: 'string', default: join(ROOT, 'seeds') },
  },
})
const SECONDS = Number(values.seconds)
const CLIENTS = Number(values.clients)
if (!(SECONDS > 0 && SECONDS <= 600) || !(CLIENTS > 0 && CLIENTS <= 256)) {
  console.error('loadtest: --seconds must be 1–600 and --clients 1–256')
  process.exit(2)
}

/** A word no page contains until the test adds one: proves the rebuilt index is served. */
const NEW_WORD = 'quillmarrow'
const NEW_PAGE = `A made-up bulletin for the load test.\n\nDelegates at the ${NEW_WORD} forum discussed fishing quotas and port fees for a second day, officials said.\n\nThe talks will resume next week in the coastal capital, according to a statement released on Friday.\n`

/** The request mix: searches of every kind, suggestions, facets, articles and an export. */
const REQUESTS = [
  '/api/search?q=Lavrov',
  '/api/search?q=Lavorv',
  '/api/search?q=south%20china%20sea',
  '/api/search?q=%22mature%2C%20stable%22',
  '/api/search?q=defence%20OR%20sanctions',
  '/api/search?q=wan',
  '/api/search?q=&sort=date',
  '/api/search?q=Wang&actor=Russia',
  '/api/search?q=-Blinken%20asean&size=50',
  '/api/suggest?q=lav',
  '/api/facets',
  '/api/articles',
  '/api/export?q=China&format=jsonl',
  '/healthz',
]

/** Starts the service on a free port; resolves with its URL once it listens. */
function startService(seedsDir: string, indexPath: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts'), '--watch'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SEEDS_DIR: seedsDir, INDEX_PATH: indexPath, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (d: string) => {
      out += d
      const m = /listening on (http:\/\/\S+)/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.on('exit', (code) => reject(new Error(`loadtest: the server exited with code ${code} before listening`)))
  })
  return { child, url }
}

/** The p-th percentile of sorted numbers. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function main(): Promise<number> {
  const work = await mkdtemp(join(tmpdir(), 'readout-loadtest-'))
  const seedsDir = join(work, 'seeds')
  await rm(seedsDir, { recursive: true, force: true })
  await import('node:fs/promises').then((fs) => fs.mkdir(seedsDir))
  for (const name of await readdir(values.seeds)) await copyFile(join(values.seeds, name), join(seedsDir, name))
  const { child, url: urlPromise } = startService(seedsDir, join(work, 'index.readout'))
  const base = await urlPromise
  console.log(`loadtest: server at ${base}; ${CLIENTS} clients for ${SECONDS} s`)

  const durations: number[] = []
  const errors: string[] = []
  const byStatus = new Map<number, number>()
  let newWordSeenAt: number | null = null
  let pageAddedAt = 0
  const started = performance.now()
  const deadline = started + SECONDS * 1000

  const client = async (n: number): Promise<void> => {
    for (let i = n; performance.now() < deadline; i += CLIENTS) {
      const path = REQUESTS[i % REQUESTS.length]!
      const t0 = performance.now()
      try {
        const res = await fetch(base + path)
        await res.arrayBuffer()
        durations.push(performance.now() - t0)
        byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1)
        if (res.status !== 200) errors.push(`${res.status} ${path}`)
      } catch (err) {
        errors.push(`${(err as Error).message} ${path}`)
      }
    }
  }

  const events = (async () => {
    await new Promise((r) => setTimeout(r, Math.min(3000, SECONDS * 150)))
    pageAddedAt = performance.now()
    await writeFile(join(seedsDir, 'zz-loadtest-new-page.txt'), NEW_PAGE)
    console.log('loadtest: added a page; the watcher should rebuild in the background')
    while (performance.now() < deadline && newWordSeenAt === null) {
      const res = await fetch(`${base}/api/search?q=${NEW_WORD}`)
      const body = (await res.json()) as { total?: number }
      if (res.status === 200 && (body.total ?? 0) > 0) newWordSeenAt = performance.now()
      else await new Promise((r) => setTimeout(r, 100))
    }
    if (performance.now() < deadline) {
      child.kill('SIGHUP')
      console.log('loadtest: sent SIGHUP (reload from the index file)')
    }
  })()

  await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => client(n)), events])
  const elapsed = (performance.now() - started) / 1000

  const exitCode = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  child.kill('SIGTERM')
  const code = await exitCode
  await rm(work, { recursive: true, force: true })

  durations.sort((a, b) => a - b)
  const report = {
    requests: durations.length + errors.filter((e) => !/^\d/.test(e)).length,
    requestsPerSecond: Math.round(durations.length / elapsed),
    errors: errors.length,
    statuses: Object.fromEntries(byStatus),
    p50Ms: Math.round(percentile(durations, 50) * 10) / 10,
    p99Ms: Math.round(percentile(durations, 99) * 10) / 10,
    newPageSearchableAfterMs: newWordSeenAt === null ? null : Math.round(newWordSeenAt - pageAddedAt),
    serverExitCode: code,
  }
  console.log(JSON.stringify(report, null, 2))
  const failures = [
    ...(errors.length > 0 ? [`${errors.length} failed request(s), e.g. ${errors.slice(0, 3).join(' | ')}`] : []),
    ...(newWordSeenAt === null ? ['the added page never became searchable'] : []),
    ...(code !== 0 ? [`the server exited with code ${code} on SIGTERM`] : []),
  ]
  for (const f of failures) console.error(`loadtest: FAIL: ${f}`)
  if (failures.length === 0) console.log('loadtest: OK')
  return failures.length === 0 ? 0 : 1
}

process.exitCode = await main()
