import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app'
import { fixtureIndex } from './fixture-index'
import { tempDir } from '../support/temp-dir'

const index = fixtureIndex()
const app = createApp({ getIndex: () => index, getStatus: () => ({ builtAt: '2024-08-01T00:00:00.000Z' }) })

describe('GET /api/suggest', () => {
  it('completes entity names and indexed words for the word being typed', async () => {
    const res = await app.request('/api/suggest?q=lav')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { suggestions: { text: string; kind: string; type: string | null }[] }
    expect(body.suggestions[0]).toMatchObject({ text: 'Sergei Lavrov', kind: 'entity', type: 'person' })
    expect(body.suggestions.map((s) => s.text)).toContain('lavrov')
  })

  it('keeps the words before the one being completed', async () => {
    const body = (await (await app.request('/api/suggest?q=talks%20vien')).json()) as { suggestions: { text: string }[] }
    expect(body.suggestions.map((s) => s.text)).toContain('talks Vientiane')
  })

  it('answers an empty list for nothing to complete, and 400 for a bad size', async () => {
    expect(await (await app.request('/api/suggest?q=')).json()).toEqual({ query: '', suggestions: [] })
    expect((await app.request('/api/suggest?q=a&size=99')).status).toBe(400)
  })
})

describe('GET /api/articles', () => {
  it('lists every article with its metadata and paragraph count', async () => {
    const body = (await (await app.request('/api/articles')).json()) as { total: number; articles: { id: string; paragraphCount: number; title: string | null }[] }
    expect(body.total).toBe(4)
    expect(body.articles.map((a) => [a.id, a.paragraphCount])).toEqual([['a1', 3], ['a2', 2], ['a3', 2], ['a4', 1]])
    expect(body.articles[3]!.title).toBeNull()
  })

  it('lists only the articles asked for by id, once each, leaving out unknown ids; 400 for too many ids', async () => {
    const body = (await (await app.request('/api/articles?id=a3&id=nope&id=a1&id=a3')).json()) as { total: number; articles: { id: string }[] }
    expect(body).toMatchObject({ total: 2 })
    expect(body.articles.map((a) => a.id)).toEqual(['a3', 'a1'])
    const tooMany = await app.request(`/api/articles?${Array.from({ length: 101 }, (_, i) => `id=x${i}`).join('&')}`)
    expect(tooMany.status).toBe(400)
    expect(((await tooMany.json()) as { detail: string }).detail).toMatch(/id/)
  })

  it('returns one clean article with its paragraphs, actors and regions', async () => {
    const res = await app.request('/api/articles/a1')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { article: { id: string }; paragraphs: { id: string; section: string | null; regions: unknown[] }[] }
    expect(body.article.id).toBe('a1')
    expect(body.paragraphs.map((p) => p.id)).toEqual(['a1:0', 'a1:1', 'a1:2'])
    expect(body.paragraphs[2]).toMatchObject({ section: 'Regional tension', regions: [{ name: 'Second Thomas Shoal', parent: 'South China Sea' }, { name: 'South China Sea', parent: 'Southeast Asia' }] })
  })

  it('marks a query in every paragraph: words, typo corrections, and aliases of matched entities', async () => {
    const body = (await (await app.request('/api/articles/a3?q=Weidong%20defense')).json()) as { paragraphs: { highlight: string }[] }
    expect(body.paragraphs.map((p) => p.highlight)).toEqual([
      'Vice Foreign Minister Sun <mark>Weidong</mark> praised <mark>defence</mark> cooperation with Russia.',
      '<mark>Sun Woedong</mark> said Xi would travel, and the traveller &lt;script&gt;alert(1)&lt;/script&gt; stayed home.',
    ])
    const typo = (await (await app.request('/api/articles/a1?q=Lavorv')).json()) as { paragraphs: { highlight: string }[] }
    expect(typo.paragraphs[1]!.highlight.startsWith('<mark>Lavrov</mark> said')).toBe(true)
    const plain = (await (await app.request('/api/articles/a1')).json()) as { paragraphs: { highlight: string; text: string }[] }
    expect(plain.paragraphs[0]!.highlight).not.toContain('<mark>')
    expect((await app.request(`/api/articles/a1?q=${'x'.repeat(501)}`)).status).toBe(400)
  })

  it('answers 404 JSON for an unknown article', async () => {
    const res = await app.request('/api/articles/nope')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ status: 404, detail: 'no article with id "nope"' })
  })
})

describe('GET /api/facets', () => {
  it('counts every facet value over the whole corpus, in the search answer shape', async () => {
    const body = (await (await app.request('/api/facets')).json()) as { total: number; facets: Record<string, { value: string; count: number }[]> }
    expect(body.total).toBe(8)
    expect(body.facets.outlet).toEqual([
      { value: 'Harbour Gazette', count: 5 },
      { value: 'Northern Wire', count: 2 },
      { value: '(unknown)', count: 1 },
    ])
    expect(body.facets.actor!.find((a) => a.value === 'Sergei Lavrov')).toEqual({ value: 'Sergei Lavrov', count: 2, type: 'person' })
  })
})

describe('GET /api/export', () => {
  it('exports every hit as JSON Lines', async () => {
    const res = await app.request('/api/export?q=Russia&sort=date')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/x-ndjson')
    const rows = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { id: string; outlet: string | null })
    expect(rows.map((r) => r.id)).toEqual(['a2:1', 'a1:0', 'a3:0'])
  })

  it('exports CSV with quoting and formula-safe cells', async () => {
    const res = await app.request('/api/export?q=traveller&format=csv')
    expect(res.headers.get('content-type')).toContain('text/csv')
    const text = await res.text()
    const [header, row] = text.split('\r\n')
    expect(header).toBe('id,articleId,title,outlet,originalOutlet,date,url,position,section,text,actors,regions,score')
    expect(row).toContain('"Sun Woedong said Xi would travel, and the traveller <script>alert(1)</script> stayed home."')
  })

  it('answers 400 for an unknown format', async () => {
    const res = await app.request('/api/export?format=xml')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ parameter: 'format' })
  })
})

describe('GET /api/openapi.json', () => {
  it('documents every endpoint with the parameters the schemas validate', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, { get: { parameters?: { name: string; schema: { maxLength?: number } }[] } }> }
    expect(doc.openapi).toMatch(/^3\./)
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/search', '/api/suggest', '/api/articles', '/api/articles/{id}', '/api/facets', '/api/export', '/healthz']))
    const q = doc.paths['/api/search']!.get.parameters!.find((p) => p.name === 'q')!
    expect(q.schema.maxLength).toBe(500)
    expect(doc.paths['/api/search']!.get.parameters!.map((p) => p.name)).toEqual(['q', 'outlet', 'actor', 'region', 'from', 'to', 'sort', 'page', 'size'])
  })
})

describe('health, errors and headers', () => {
  it('reports health with the document count and host status', async () => {
    const res = await app.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', documents: 8, articles: 4, builtAt: '2024-08-01T00:00:00.000Z' })
  })

  it('answers 503 with Retry-After while no index is loaded', async () => {
    const loading = createApp({ getIndex: () => null })
    expect((await loading.request('/healthz')).status).toBe(503)
    const res = await loading.request('/api/search?q=x')
    expect(res.status).toBe(503)
    expect(res.headers.get('Retry-After')).toBe('5')
  })

  it('answers unknown routes with 404 JSON', async () => {
    const res = await app.request('/api/nothing')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })

  it('sends security headers and no CORS unless configured', async () => {
    const res = await app.request('/api/search?q=x', { headers: { Origin: 'https://elsewhere.example' } })
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const withCors = createApp({ getIndex: () => index, corsOrigin: 'https://tool.example' })
    expect((await withCors.request('/api/search?q=x', { headers: { Origin: 'https://tool.example' } })).headers.get('access-control-allow-origin')).toBe('https://tool.example')
  })

  it('compresses large answers when asked', async () => {
    const res = await app.request('/api/search?q=&size=100', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(res.headers.get('content-encoding')).toBe('gzip')
  })
})

describe('static files', () => {
  let clientDir: string
  let statics: ReturnType<typeof createApp>
  beforeAll(async () => {
    clientDir = await tempDir('client')
    await mkdir(join(clientDir, 'src'))
    await writeFile(join(clientDir, 'index.html'), '<!doctype html><script type="importmap">{"imports":{}}</script><p>page</p>')
    await writeFile(join(clientDir, 'src', 'main.js'), 'export {}\n')
    await writeFile(join(clientDir, '..', 'secret.txt'), 'TOP-SECRET-CONTENT')
    statics = createApp({ getIndex: () => index, clientDir })
  })

  it('serves the page for / and /article/*, with the import map hash in the CSP', async () => {
    for (const path of ['/', '/article/a1']) {
      const res = await statics.request(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('text/html')
      expect(await res.text()).toContain('<p>page</p>')
    }
    const csp = (await statics.request('/')).headers.get('content-security-policy')!
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/)
    expect(csp).not.toContain('unsafe-inline')
  })

  it('serves assets with an ETag and answers 304 to a matching If-None-Match', async () => {
    const res = await statics.request('/assets/src/main.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/javascript')
    const etag = res.headers.get('etag')!
    expect(etag).toMatch(/^".+"$/)
    expect((await statics.request('/assets/src/main.js', { headers: { 'If-None-Match': etag } })).status).toBe(304)
  })

  it('serves Preact, its hooks and htm from node_modules', async () => {
    for (const file of ['preact.mjs', 'preact-hooks.mjs', 'htm.mjs']) {
      const res = await statics.request(`/vendor/${file}`)
      expect(res.status, file).toBe(200)
      expect(res.headers.get('content-type')).toContain('javascript')
    }
    expect((await statics.request('/vendor/other.mjs')).status).toBe(404)
  })

  it('never serves files outside the client folder', async () => {
    for (const path of ['/assets/../secret.txt', '/assets/%2e%2e/secret.txt', '/assets/..%2fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/assets/%00', '/assets/%E0%A4%A']) {
      const res = await statics.request(path)
      expect(res.status, path).toBe(404)
      expect(await res.text()).not.toContain('TOP-SECRET-CONTENT')
    }
  })
})
