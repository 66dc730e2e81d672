import { describe, expect, it } from 'vitest'
import { mapLimit } from '../../index-build/map-limit'

describe('mapLimit', () => {
  it('keeps item order and never has more than the limit in flight', async () => {
    let inFlight = 0
    let most = 0
    const items = Array.from({ length: 200 }, (_, i) => i)
    const out = await mapLimit(items, 7, async (item) => {
      inFlight++
      most = Math.max(most, inFlight)
      await new Promise((resolve) => setTimeout(resolve, (item * 7) % 3))
      inFlight--
      return item * 2
    })
    expect(out).toEqual(items.map((i) => i * 2))
    expect(most).toBe(7)
  })

  it('handles no items and a limit above the item count', async () => {
    expect(await mapLimit([], 8, async () => 1)).toEqual([])
    expect(await mapLimit(['a', 'b'], 100, async (s, i) => s + i)).toEqual(['a0', 'b1'])
  })
})
