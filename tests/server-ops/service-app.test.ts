import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../server/config'
import { createServiceApp } from '../../server/service-app'
import { fixtureIndex } from '../server/fixture-index'

const index = fixtureIndex()

describe('createServiceApp', () => {
  it('serves 16 concurrent clients from one address with the default limits, without a rejection', async () => {
    const app = createServiceApp({ getIndex: () => index }, parseConfig({}, []), pino({ level: 'silent' }))
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => app.request(`/api/search?q=${['Lavrov', 'Wang', 'defence', ''][i % 4]}`)))
    expect(answers.map((r) => r.status)).toEqual(Array(16).fill(200))
  })

  it('gives every answer a request id and logs one line per request', async () => {
    const lines: Record<string, unknown>[] = []
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) })
    const app = createServiceApp({ getIndex: () => index }, parseConfig({}, []), logger)
    const res = await app.request('/api/search?q=Lavrov')
    const id = res.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(lines).toEqual([expect.objectContaining({ reqId: id, method: 'GET', path: '/api/search', status: 200, ms: expect.any(Number) })])
  })

  it('answers 429 with Retry-After past a configured rate limit', async () => {
    const app = createServiceApp({ getIndex: () => index }, parseConfig({ RATE_LIMIT: '3' }, []), pino({ level: 'silent' }))
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await app.request('/api/search?q=x')).status)
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    const refused = await app.request('/healthz')
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await refused.json()).toMatchObject({ status: 429 })
  })
})
