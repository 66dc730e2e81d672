import { describe, expect, it } from 'vitest'
import { TermCache } from '../../server/term-cache'

/** Cached postings of n paragraphs: 12 bytes each (ordinal + score). */
const entry = (n: number) => ({ docs: new Uint32Array(n), scores: new Float64Array(n) })

describe('TermCache', () => {
  it('drops the least recently used entries once over its byte limit', () => {
    const cache = new TermCache(12 * 100)
    cache.set('a', entry(25))
    cache.set('b', entry(25))
    cache.set('c', entry(25))
    expect(cache.get('a')).toBeDefined() // a is now the most recently used
    cache.set('d', entry(25)) // 100 paragraphs: at the limit
    cache.set('e', entry(25)) // over: b, the least recently used, goes
    expect(['a', 'b', 'c', 'd', 'e'].map((k) => cache.get(k) !== undefined)).toEqual([true, false, true, true, true])
  })

  it('tells a key asked about before from one asked the first time', () => {
    const cache = new TermCache(12 * 100)
    expect([cache.secondAsking('a'), cache.secondAsking('b'), cache.secondAsking('a'), cache.secondAsking('a')]).toEqual([false, false, true, true])
  })

  it('does not keep an entry larger than a quarter of its limit', () => {
    const cache = new TermCache(12 * 100)
    cache.set('big', entry(26))
    expect(cache.get('big')).toBeUndefined()
  })
})
