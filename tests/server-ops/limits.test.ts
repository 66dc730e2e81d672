import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { concurrencyLimit, rateLimit, requestTimeout } from '../../server/limits'

/** Resolves after `ms` on the real clock. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('concurrencyLimit', () => {
  it('queues requests beyond the cap and answers them all, in order', async () => {
    const app = new Hono()
    let running = 0
    let peak = 0
    app.use(concurrencyLimit({ max: 2, maxQueue: 14 }))
    app.get('/', async (c) => {
      running++
      peak = Math.max(peak, running)
      await sleep(5)
      running--
      return c.text('ok')
    })
    const answers = await Promise.all(Array.from({ length: 16 }, () => app.request('/')))
    expect(answers.map((r) => r.status)).toEqual(Array(16).fill(200))
    expect(peak).toBe(2)
  })

  it('answers 503 with Retry-After and a JSON body once the queue is full', async () => {
    const app = new Hono()
    app.use(concurrencyLimit({ max: 1, maxQueue: 1 }))
    app.get('/', async (c) => {
      await sleep(20)
      return c.text('ok')
    })
    const answers = await Promise.all([app.request('/'), app.request('/'), app.request('/')])
    expect(answers.map((r) => r.status)).toEqual([200, 200, 503])
    const refused = answers[2]!
    expect(refused.headers.get('Retry-After')).toBe('1')
    expect(refused.headers.get('Content-Type')).toBe('application/problem+json')
    expect(await refused.json()).toMatchObject({ status: 503 })
  })

  it('frees its slot when a handler throws', async () => {
    const app = new Hono()
    app.use(concurrencyLimit({ max: 1, maxQueue: 0 }))
    app.onError((_, c) => c.text('failed', 500))
    app.get('/boom', () => {
      throw new Error('boom')
    })
    app.get('/', (c) => c.text('ok'))
    expect((await app.request('/boom')).status).toBe(500)
    expect((await app.request('/')).status).toBe(200)
  })
})

describe('rateLimit', () => {
  it('answers 429 with Retry-After past the limit, per client, until the window ends', async () => {
    let now = 1_000_000
    const app = new Hono()
    app.use(rateLimit({ limit: 2, windowMs: 60_000, clientKey: (c) => c.req.header('x-client') ?? '', now: () => now }))
    app.get('/', (c) => c.text('ok'))
    const from = (client: string) => app.request('/', { headers: { 'x-client': client } })
    expect((await from('a')).status).toBe(200)
    expect((await from('a')).status).toBe(200)
    const refused = await from('a')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('Retry-After')).toBe('60')
    expect((await from('b')).status).toBe(200)
    now += 60_000
    expect((await from('a')).status).toBe(200)
  })

  it('lets everything through when the limit is 0', async () => {
    const app = new Hono()
    app.use(rateLimit({ limit: 0, clientKey: () => 'same' }))
    app.get('/', (c) => c.text('ok'))
    const answers = await Promise.all(Array.from({ length: 50 }, () => app.request('/')))
    expect(answers.every((r) => r.status === 200)).toBe(true)
  })
})

describe('requestTimeout', () => {
  it('answers 503 when the handler is too slow, and passes fast ones through', async () => {
    const app = new Hono()
    app.use(requestTimeout(20))
    app.get('/slow', async (c) => {
      await sleep(200)
      return c.text('late')
    })
    app.get('/fast', (c) => c.text('ok'))
    const slow = await app.request('/slow')
    expect(slow.status).toBe(503)
    expect(slow.headers.get('Retry-After')).toBe('1')
    expect((await app.request('/fast')).status).toBe(200)
  })
})
