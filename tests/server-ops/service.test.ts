import { readFile, writeFile } from 'node:fs/promises'
import { INDEX_FORMAT_VERSION } from '../../index-build/assemble-index'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBuild } from '../../index-build/run-build'
import { type Service, startService } from '../support/service'
import { tempDir } from '../support/temp-dir'

/** Polls until `check` passes or the time is up. */
async function eventually(check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 150))
  }
  throw new Error('timed out waiting')
}

const PAGE = (word: string) => `Delegates at the ${word} forum discussed fishing quotas for a second day, officials said.\n\nThe talks will resume next week, according to a statement.\n`

let service: Service
const get = async (path: string) => {
  const res = await fetch(service.url + path)
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}

beforeAll(async () => {
  service = await startService({}, { args: ['--watch'] })
}, 120_000)
afterAll(async () => {
  if (service.child.exitCode === null) await service.stop()
})

describe('the running service', () => {
  it('reports the index in /healthz and /api/status', async () => {
    const health = await get('/healthz')
    expect(health.status).toBe(200)
    expect(health.body).toMatchObject({ status: 'ok', articles: 5, version: INDEX_FORMAT_VERSION, busy: false, lastReload: { ok: true } })
    expect(health.body.documents).toBeGreaterThan(50)
  })

  it('rebuilds when a page is added, answering from the old index meanwhile', async () => {
    const before = (await get('/healthz')).body.documents as number
    await writeFile(join(service.seedsDir, 'zz-added.txt'), PAGE('quillmarrow'))
    let answered = 0
    await eventually(async () => {
      const res = await get('/api/search?q=quillmarrow')
      expect(res.status).toBe(200)
      answered++
      return res.body.total === 1
    })
    expect(answered).toBeGreaterThan(0)
    expect((await get('/healthz')).body.documents).toBe(before + 2)
  }, 90_000)

  it('keeps serving the old index when a rebuild fails, and says why', async () => {
    await writeFile(join(service.seedsDir, 'sources.json'), '{ "zz-added.txt": { "published": "last week" } }')
    await eventually(async () => (await get('/api/status')).body.lastReload?.ok === false)
    const status = (await get('/api/status')).body
    expect(status.lastReload.error).toMatch(/sources\.json: entry "zz-added\.txt": field "published"/)
    expect((await get('/api/search?q=quillmarrow')).body.total).toBe(1)
    await writeFile(join(service.seedsDir, 'sources.json'), await readFile(join(import.meta.dirname, '../../seeds/sources.json')))
    await eventually(async () => (await get('/api/status')).body.lastReload?.ok === true)
  }, 90_000)

  it('reloads the index file on SIGHUP, refusing a corrupt one and keeping the current index', async () => {
    const good = await readFile(service.indexPath)
    await writeFile(service.indexPath, good.subarray(0, good.length - 100))
    service.child.kill('SIGHUP')
    await eventually(async () => (await get('/api/status')).body.lastReload?.ok === false)
    expect((await get('/api/status')).body.lastReload.error).toMatch(/index\.readout: .*(truncated|checksum|not valid JSON)/)
    expect((await get('/api/search?q=quillmarrow')).body.total).toBe(1)

    // Build elsewhere (not in the watched folder), so only SIGHUP can bring the new page in.
    const elsewhere = await tempDir('sighup')
    await writeFile(join(elsewhere, 'second.txt'), PAGE('brindlewick'))
    await runBuild({ seedsDir: elsewhere, outFile: service.indexPath, nlp: false })
    service.child.kill('SIGHUP')
    await eventually(async () => (await get('/api/search?q=brindlewick')).body.total === 1)
    expect((await get('/healthz')).body.articles).toBe(1)
  }, 90_000)

  it('finishes a request in flight on SIGTERM and exits 0', async () => {
    const inFlight = fetch(`${service.url}/api/export?q=China&format=csv`)
    const code = service.stop()
    const res = await inFlight
    expect(res.status).toBe(200)
    expect((await res.text()).startsWith('id,articleId')).toBe(true)
    expect(await code).toBe(0)
  })
})
