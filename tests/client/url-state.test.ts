import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emptyState, parseRoute, parseState, routeUrl, serialiseState } from '../../client/src/url-state.js'

describe('URL ⇄ state', () => {
  it('round-trips a full state, repeated values and odd characters included', () => {
    const state = { q: '"South China Sea" -Blinken & co/?#', outlet: ['(unknown)', 'Satori News'], actor: ['Sergei Lavrov', 'Wang Yi'], region: ['Asia-Pacific'], from: '2024-02-01', to: '2024-07-31', sort: 'date', page: 3 }
    expect(parseState(serialiseState(state))).toEqual(state)
  })

  it('leaves defaults out of the URL', () => {
    expect(serialiseState(emptyState()).toString()).toBe('')
    expect(routeUrl({ view: 'search', state: emptyState() })).toBe('/')
  })

  it('reads bad values as defaults instead of failing', () => {
    expect(parseState(new URLSearchParams('page=-2&sort=random&from=yesterday&actor=&actor=X&actor=X'))).toEqual({ ...emptyState(), actor: ['X'] })
  })

  it('round-trips any state', () => {
    const text = fc.string({ maxLength: 20 })
    const values = fc.uniqueArray(text.filter((s) => s !== ''), { maxLength: 3 })
    const date = fc.constantFrom('', '2024-07-27', '1999-01-01')
    fc.assert(
      fc.property(text, values, values, values, date, date, fc.constantFrom('', 'relevance', 'date'), fc.integer({ min: 1, max: 500 }), (q, outlet, actor, region, from, to, sort, page) => {
        const state = { q, outlet, actor, region, from, to, sort, page }
        expect(parseState(serialiseState(state))).toEqual(state)
      }),
    )
  })

  it('routes article pages with the hit position and the search state', () => {
    const route = { view: 'article' as const, id: '001_3a3c', position: 4, state: { ...emptyState(), q: 'Lavrov' } }
    const url = routeUrl(route)
    expect(url).toBe('/article/001_3a3c?q=Lavrov&p=4')
    const [pathname, search] = url.split('?')
    expect(parseRoute({ pathname: pathname!, search: `?${search}` })).toEqual(route)
    expect(parseRoute({ pathname: '/', search: '?q=x' })).toEqual({ view: 'search', state: { ...emptyState(), q: 'x' } })
  })
})
