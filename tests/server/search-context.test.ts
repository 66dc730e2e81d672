import { describe, expect, it } from 'vitest'
import { searchContext } from '../../server/search-context'
import { fixtureIndex, PARAGRAPHS } from './fixture-index'

describe('searchContext', () => {
  it('numbers actors and regions most paragraphs first, then by name, with each code listing its paragraphs', () => {
    const index = fixtureIndex()
    const ctx = searchContext(index)
    for (const [column, field] of [[ctx.actor, 'actors'], [ctx.region, 'regions']] as const) {
      const listed = (code: number) => [...column.ordinals.subarray(column.byCode[code]!, column.byCode[code + 1]!)]
      const sizes = column.names.map((_, code) => listed(code).length)
      for (let code = 1; code < column.names.length; code++) {
        const [size, name] = [sizes[code - 1]!, column.names[code - 1]!]
        expect(size > sizes[code]! || (size === sizes[code] && name < column.names[code]!)).toBe(true)
      }
      column.names.forEach((name, code) => expect(column.codeOf.get(name)).toBe(code))
      // Actors are the paragraphs' own; a region column also lists the places inside each region.
      if (field === 'actors') for (const [code, name] of column.names.entries()) expect(listed(code)).toEqual(PARAGRAPHS.flatMap((p, ordinal) => (p.actors.includes(name) ? [ordinal] : [])))
    }
    expect(new Set(ctx.actor.names.map((_, code) => ctx.actor.byCode[code + 1]! - ctx.actor.byCode[code]!)).size).toBeGreaterThan(1)
  })
})
