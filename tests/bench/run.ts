// `npm run bench`: builds a generated corpus through the real build, then measures load, memory, the full search path per query kind, raw MiniSearch, Orama with facets, suggestions and HTTP under load.
import { cpus, totalmem, tmpdir } from 'node:os'
import { mkdtemp, rm, stat, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import autocannon from 'autocannon'
import MiniSearch from 'minisearch'
import { toIndexDocument } from '../../index-build/assemble-index'
import { readIndexFile } from '../../index-build/index-file'
import { INDEX_OPTIONS, type IndexDocument } from '../../index-build/index-options'
import { runBuild } from '../../index-build/run-build'
import { createApp } from '../../server/app'
import { clearTermCache } from '../../server/term-cache'
import { prepareIndex } from '../../server/prepare-index'
import { facetRowArrays, searchContext } from '../../server/search-context'
import { generateCorpus } from './generate'
import { buildWorkload, KINDS, type BenchQuery } from './queries'
import { percentiles, timeEach } from './stats'
import { oramaBench } from './orama-peer'
import { calibrate } from './calibrate'

const { values } = parseArgs({
  options: {
    paragraphs: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    json: { type: 'string' },
    'http-seconds': { type: 'string', default: '5' },
    queries: { type: 'string', default: '200' },
    'no-orama': { type: 'boolean', default: false },
    'no-nlp': { type: 'boolean', default: false },
    'no-minisearch': { type: 'boolean', default: false },
  },
})
const PARAGRAPHS = Number(values.paragraphs)
const PER_KIND = Number(values.queries)
const gc = (globalThis as { gc?: () => void }).gc
/** Heap and off-heap (typed arrays, buffers) bytes in use after collecting garbage. */
const memoryAfterGc = () => {
  gc?.()
  gc?.()
  const { heapUsed, external } = process.memoryUsage()
  return { heapUsed, external }
}

// The same hardware model runs at very different speeds from hour to hour on a shared machine: the yardstick says how fast it was for this run.
const calibration = calibrate()
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString().slice(0, 10), calibration }
console.log(`bench: ${PARAGRAPHS.toLocaleString('en')} paragraphs · ${machine.cpus} × ${machine.cpu} · ${machine.memoryGB} GB · Node ${machine.node}${gc ? '' : ' · (run with --expose-gc for heap figures)'}`)
console.log(`machine yardstick: ${calibration.loopMs} ms for a fixed loop, ${calibration.randomReadNs} ns per random memory read (lower is faster)`)

// 1. Generate pages into a temporary seeds folder.
const work = await mkdtemp(join(tmpdir(), 'readout-bench-'))
const seedsDir = join(work, 'seeds')
await mkdir(seedsDir)
const corpus = generateCorpus({ paragraphs: PARAGRAPHS, seed: Number(values.seed) })
for (const page of corpus.pages) await writeFile(join(seedsDir, page.file), page.text)
await writeFile(join(seedsDir, 'sources.json'), JSON.stringify(corpus.sources))

// 2. Build end to end.
const indexPath = join(work, 'index.readout')
let t0 = performance.now()
// CPU time of every thread of the process (the workers' too): the build's work, which varies less from hour to hour than its wall time.
const cpu0 = process.cpuUsage()
const report = await runBuild({ seedsDir, outFile: indexPath, nlp: !values['no-nlp'] })
const buildMs = performance.now() - t0
const buildCpu = process.cpuUsage(cpu0)
const buildCpuMs = { user: Math.round(buildCpu.user / 1000), system: Math.round(buildCpu.system / 1000) }
console.log(
  `build: ${report.articles} articles, ${report.paragraphs} paragraphs in ${(buildMs / 1000).toFixed(1)} s (${Math.round(report.paragraphs / (buildMs / 1000))}/s); ` +
    `CPU ${(buildCpuMs.user / 1000).toFixed(1)} s user + ${(buildCpuMs.system / 1000).toFixed(1)} s system (${((buildCpuMs.user + buildCpuMs.system) / buildMs).toFixed(2)} cores busy)`,
)
// Every generated page is a good page: a skipped one means the build lost input, and the figures would be for a smaller corpus.
if (report.articles !== corpus.pages.length) {
  throw new Error(`bench: the build kept ${report.articles} of ${corpus.pages.length} pages: ${report.warnings.slice(0, 3).map((w) => `${w.file}: ${w.problem}`).join('; ')}`)
}

// 3. Load and memory.
const before = memoryAfterGc()
t0 = performance.now()
const index = prepareIndex(await readIndexFile(indexPath))
const loadMs = performance.now() - t0
const after = memoryAfterGc()
const perParagraph = (bytes: number) => Math.round(bytes / report.paragraphs)
// Typed arrays and buffers live outside the JavaScript heap: both count. Shared memory (the facet
// rows, which the count helper thread reads too) is not in Node's `external`: counted from the rows.
const { rows } = searchContext(index)
const sharedBytes = facetRowArrays(rows).filter((a) => a.buffer instanceof SharedArrayBuffer).reduce((sum, a) => sum + a.byteLength, 0)
const memory = { heap: perParagraph(after.heapUsed - before.heapUsed), external: perParagraph(after.external - before.external), shared: perParagraph(sharedBytes) }
const heapBytesPerParagraph = memory.heap + memory.external + memory.shared
const bytes = (await stat(indexPath)).size
console.log(`index: ${(bytes / 2 ** 20).toFixed(1)} MB on disk, loaded (with the search context) in ${(loadMs / 1000).toFixed(2)} s, ${heapBytesPerParagraph} bytes per paragraph in memory (${memory.heap} heap + ${memory.external} typed arrays and buffers + ${memory.shared} shared)`)

// 4. Full search path through the app, per kind (with only our index in memory: the floor and the peer come later, so neither's heap slows the other's collections).
const app = createApp({ getIndex: () => index })
const workload = buildWorkload(index, PER_KIND)
const url = (query: BenchQuery) => `/api/search?q=${encodeURIComponent(query.q)}${query.filters}`
const search: Record<string, { p50: number; p95: number; p99: number }> = {}
const allSearch: number[] = []
for (const kind of KINDS) {
  for (const q of workload[kind].slice(0, 20)) await (await app.request(url(q))).text()
  const times = await timeEach(workload[kind], async (q) => {
    const res = await app.request(url(q))
    if (res.status !== 200) throw new Error(`bench: ${url(q)} answered ${res.status}`)
    await res.text()
  })
  search[kind] = percentiles(times)
  allSearch.push(...times)
  console.log(`search ${kind}: p50 ${search[kind].p50} ms, p99 ${search[kind].p99} ms`)
}
search.all = percentiles(allSearch)

// The same queries cold: each after forgetting the cached terms, as for a word nobody searched lately.
const searchCold: Record<string, { p50: number; p95: number; p99: number }> = {}
const allCold: number[] = []
for (const kind of KINDS) {
  const times = await timeEach(workload[kind], async (q) => {
    clearTermCache(index.terms)
    await (await app.request(url(q))).text()
  })
  searchCold[kind] = percentiles(times)
  allCold.push(...times)
  console.log(`search cold ${kind}: p50 ${searchCold[kind].p50} ms, p99 ${searchCold[kind].p99} ms`)
}
searchCold.all = percentiles(allCold)

// 5. Suggestions.
const prefixes = workload.prefix.map((q) => q.q)
const suggestTimes = await timeEach(prefixes, async (p) => (await app.request(`/api/suggest?q=${encodeURIComponent(p)}`)).text())


// 6. HTTP under concurrent load on loopback.
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
await new Promise((r) => server.once('listening', r))
const port = (server.address() as AddressInfo).port
const mixed = KINDS.flatMap((k) => workload[k].slice(0, 25).map(url))
const http = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections: 16,
  duration: Number(values['http-seconds']),
  requests: mixed.map((path) => ({ method: 'GET', path })),
})
server.close()

// 7. The floor: raw MiniSearch over the same documents (its build and memory are reported beside ours), on the same queries.
let mini: MiniSearch<IndexDocument> | null = null
let rawBuild: { ms: number; bytesPerParagraph: number } | null = null
if (!values['no-minisearch']) {
  const docs = Array.from({ length: index.paragraphs.count }, (_, ordinal) => {
    const p = index.paragraphs.get(ordinal)
    return toIndexDocument(p, index.articleById.get(p.articleId), ordinal)
  })
  const m0 = memoryAfterGc()
  t0 = performance.now()
  mini = new MiniSearch(INDEX_OPTIONS)
  mini.addAll(docs)
  const ms = performance.now() - t0
  docs.length = 0
  const m1 = memoryAfterGc()
  rawBuild = { ms: Math.round(ms), bytesPerParagraph: perParagraph(m1.heapUsed + m1.external - m0.heapUsed - m0.external) }
  console.log(`raw MiniSearch: indexed in ${(ms / 1000).toFixed(1)} s, ${rawBuild.bytesPerParagraph} bytes per paragraph for its index alone`)
}

const raw: Record<string, { p50: number; p95: number; p99: number }> = {}
if (mini) {
  const floor = mini
  const allRaw: number[] = []
  for (const kind of KINDS) {
    const rawTimes = await timeEach(workload[kind], (q) =>
      q.q === '' ? floor.search(MiniSearch.wildcard) : floor.search(q.q.replace(/"/g, ''), { prefix: (_t, i, all) => i === all.length - 1, fuzzy: (t) => (t.length > 3 ? 0.2 : false), combineWith: q.q.includes(' OR ') ? 'OR' : 'AND' }),
    )
    raw[kind] = percentiles(rawTimes)
    allRaw.push(...rawTimes)
    console.log(`raw ${kind}: p50 ${raw[kind].p50} ms, p99 ${raw[kind].p99} ms`)
  }
  raw.all = percentiles(allRaw)
  mini = null
}

// 8. The peer: Orama with facets on the same paragraphs and queries.
const orama = values['no-orama'] ? null : await oramaBench(index, workload)
await rm(work, { recursive: true, force: true })

const result = {
  paragraphs: report.paragraphs,
  build: { paragraphsPerSec: Math.round(report.paragraphs / (buildMs / 1000)), ms: Math.round(buildMs), cpuMs: buildCpuMs },
  index: { bytes, loadMs: Math.round(loadMs) },
  heapBytesPerParagraph,
  memory,
  search,
  searchCold,
  rawMinisearch: rawBuild ? { ...raw, build: rawBuild } : null,
  orama,
  suggest: percentiles(suggestTimes),
  http: { rps: Math.round(http.requests.average), p99: http.latency.p99, errors: http.errors + http.non2xx },
  machine,
}

const row = (name: string, s: { p50: number; p95: number; p99: number } | undefined) => `${name.padEnd(12)} ${String(s?.p50 ?? '-').padStart(9)} ${String(s?.p95 ?? '-').padStart(9)} ${String(s?.p99 ?? '-').padStart(9)}`
console.log('\nms per query        p50       p95       p99')
for (const kind of [...KINDS, 'all']) {
  console.log(row(kind, search[kind]), '   cold', row('', searchCold[kind]).trim(), '   raw', row('', raw[kind]).trim(), orama ? `   orama ${row('', orama[kind]).trim()}` : '')
}
console.log(row('suggest', result.suggest))
console.log(`http: ${result.http.rps} requests/s, p99 ${result.http.p99} ms, errors ${result.http.errors} (16 connections, ${values['http-seconds']} s)`)
if (values.json) await writeFile(values.json, JSON.stringify(result, null, 2) + '\n')
console.log(JSON.stringify(result))
