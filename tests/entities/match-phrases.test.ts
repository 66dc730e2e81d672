import { describe, expect, it } from 'vitest'
import { lookupByFirst, matchPhrases, type Phrase } from '../../index-build/entities/match-phrases'
import { tokensOf } from '../../index-build/entities/name-tokens'

const phrase = (text: string, name = text): Phrase => ({ tokens: tokensOf(text).map((t) => t.text), name })

describe('lookupByFirst', () => {
  it('answers as the map does for every key and every other token', () => {
    const map = new Map([
      ['Harbour', [phrase('Harbour League')]],
      ['Hal', [phrase('Hal Sorensen')]],
      ['de', [phrase('de Vries')]],
      ['𝐀lpha', [phrase('𝐀lpha Group')]],
    ])
    const lookup = lookupByFirst(map)
    for (const [key, value] of map) expect(lookup(key)).toBe(value)
    for (const other of ['H', 'Harb', 'Harbours', 'hal', 'd', 'De', '𝐁eta', '𝐀', 'x', '']) expect(lookup(other)).toBeUndefined()
    expect(lookupByFirst(new Map())('Harbour')).toBeUndefined()
  })

  it('finds the same matches as the map itself', () => {
    const map = new Map([['Harbour', [phrase('Harbour League of Ports'), phrase('Harbour League')]], ['Port', [phrase('Port Ilse')]]])
    const tokens = tokensOf('The Harbour League met in Port Ilse, then the Harbour League of Ports left Harbour.')
    const found = matchPhrases(tokens, lookupByFirst(map))
    expect(found).toEqual(matchPhrases(tokens, (first) => map.get(first)))
    expect(found.map((m) => m.name)).toEqual(['Harbour League', 'Port Ilse', 'Harbour League of Ports'])
  })
})
