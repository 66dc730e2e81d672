import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tokenize, tokenizeByPattern } from '../../index-build/index-options'

describe('tokenize', () => {
  it('splits on anything but letters and digits and drops possessive endings', () => {
    expect(tokenize("Lavrov's talks: U.S.-China ties, 2024's agenda")).toEqual(['Lavrov', 'talks', 'U', 'S', 'China', 'ties', '2024', 'agenda'])
    expect(tokenize("it's_fine 'S 's")).toEqual(['it', 's', 'fine'])
    expect(tokenize('Lavrov’s café')).toEqual(['Lavrov', 'café'])
  })

  it('agrees with the regular-expression definition on any text', () => {
    const pieces = fc.constantFrom('a', 'Z', '9', "'", 's', 'S', "'s", "'S", '’s', '_', ' ', '-', '.', 'é', 'ſ', 'K', '\u212a', 'x', 'talks', '\n')
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        expect(tokenize(text)).toEqual(tokenizeByPattern(text))
      }),
      { numRuns: 5000 },
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(tokenize(text)).toEqual(tokenizeByPattern(text))
      }),
      { numRuns: 2000 },
    )
  })
})
