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
    // Besides ASCII: letters and digits of the BMP and beyond it, astral and BMP non-letters, lone surrogates, "ſ" and the Kelvin sign (word characters for \b under the i and u flags), and "’s" before them.
    const pieces = fc.constantFrom(
      ...['a', 'Z', '9', "'", 's', 'S', "'s", "'S", '’s', '’S', '_', ' ', '-', '.', 'é', 'ſ', 'K', '\u212a', 'x', 'talks', '\n'],
      ...['Лавров', '王毅', '³', '—', '“', '\u00a0', '𝐀', '𝟗', '😀', '\ud835', '\udc00', "'s𝐀", '’sé', "'s😀", "x'sé", '’sſ', "'ſ"],
    )
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        expect(tokenize(text)).toEqual(tokenizeByPattern(text))
      }),
      { numRuns: 5000 },
    )
    for (const unit of ['grapheme-ascii', 'binary'] as const) {
      fc.assert(
        fc.property(fc.string({ maxLength: 40, unit }), (text) => {
          expect(tokenize(text)).toEqual(tokenizeByPattern(text))
        }),
        { numRuns: 2000 },
      )
    }
  })
})
