import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tokensByPattern, tokensOf } from '../../index-build/entities/name-tokens'

describe('tokensOf', () => {
  it('keeps dotted and apostrophised words whole, drops possessive endings and splits on hyphens', () => {
    expect(tokensOf("U.S. and Lavrov’s O'Brien: Asia-Pacific's 2.5 𝐀b")).toEqual([
      { text: 'U.S', start: 0, end: 3 },
      { text: 'and', start: 5, end: 8 },
      { text: 'Lavrov', start: 9, end: 15 },
      { text: "O'Brien", start: 18, end: 25 },
      { text: 'Asia', start: 27, end: 31 },
      { text: 'Pacific', start: 32, end: 39 },
      { text: '2.5', start: 42, end: 45 },
      { text: '𝐀b', start: 46, end: 49 },
    ])
  })

  it('agrees with the regular-expression definition on any text', () => {
    const pieces = fc.constantFrom('a', 'Z', '9', "'", '’', 's', "'s", '’s', '.', '..', ' ', '-', '_', 'é', 'ſ', '\u212a', '𝐀', '\ud835', '\u0301', '٣', 'Lavrov', '\n')
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        expect(tokensOf(text)).toEqual(tokensByPattern(text))
      }),
      { numRuns: 5000 },
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'binary' }), (text) => {
        expect(tokensOf(text)).toEqual(tokensByPattern(text))
      }),
      { numRuns: 3000 },
    )
  })
})
