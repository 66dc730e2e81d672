import { describe, expect, it } from 'vitest'
import { ApiError, getJson, latestOnly } from '../../client/src/api.js'

/** A promise with its resolver exposed. */
function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

describe('latestOnly', () => {
  it('drops an older answer that arrives after a newer one', async () => {
    const slow = deferred<string>()
    const fast = deferred<string>()
    const answers = [slow, fast]
    let calls = 0
    const request = latestOnly((path: string) => answers[calls++]!.promise.then((v) => `${path}:${v}`))
    const first = request('/old')
    const second = request('/new')
    fast.resolve('B')
    expect(await second).toEqual({ stale: false, value: '/new:B' })
    slow.resolve('A')
    expect(await first).toEqual({ stale: true })
  })

  it('aborts the previous request', async () => {
    const signals: AbortSignal[] = []
    const request = latestOnly((_path: string, signal: AbortSignal) => {
      signals.push(signal)
      return new Promise((resolve) => setTimeout(() => resolve('x'), 5))
    })
    void request('/a')
    await request('/b')
    expect(signals.map((s) => s.aborted)).toEqual([true, false])
  })

  it('passes the latest failure on and hides stale ones', async () => {
    let n = 0
    const request = latestOnly(async () => {
      n++
      throw new Error(`fail ${n}`)
    })
    const a = request('/a')
    const b = request('/b')
    expect(await a).toEqual({ stale: true })
    await expect(b).rejects.toThrow('fail 2')
  })
})

describe('getJson', () => {
  it('names the status and the problem detail of a failed request', async () => {
    const fetcher = (async () => new Response(JSON.stringify({ detail: 'size: must be at most 100' }), { status: 400 })) as typeof fetch
    await expect(getJson('/api/search?size=500', undefined, fetcher)).rejects.toThrow('The server answered 400: size: must be at most 100')
  })

  it('says when the server cannot be reached', async () => {
    const fetcher = (async () => {
      throw new TypeError('network down')
    }) as typeof fetch
    const err = await getJson('/api/search', undefined, fetcher).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 0, message: 'The server could not be reached.' })
  })
})
