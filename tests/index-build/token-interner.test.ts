import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tokenize } from '../../index-build/index-options'
import { TokenInterner } from '../../index-build/token-interner'

/** The tokens an interner gives for a text, by its ids. */
const interned = (interner: TokenInterner, text: string) => {
  const count = interner.intern(text)
  return [...interner.ids.subarray(0, count)].map((id) => interner.tokens[id]!)
}

describe('TokenInterner', () => {
  it('gives tokenize’s tokens, the same id each time a token comes back', () => {
    const interner = new TokenInterner()
    expect(interned(interner, "Lavrov's talks: U.S.-China ties, 2024's agenda")).toEqual(['Lavrov', 'talks', 'U', 'S', 'China', 'ties', '2024', 'agenda'])
    const count = interner.intern('talks on talks, Lavrov’s café')
    expect(interner.tokens.slice(0, 8)).toEqual(['Lavrov', 'talks', 'U', 'S', 'China', 'ties', '2024', 'agenda'])
    expect([...interner.ids.subarray(0, count)]).toEqual([1, interner.tokens.indexOf('on'), 1, 0, interner.tokens.indexOf('café')])
  })

  it('joins what dropping "\'s" brings together, as tokenize does', () => {
    const interner = new TokenInterner()
    expect(interned(interner, "x'sé and x’sſ")).toEqual(tokenize("x'sé and x’sſ"))
    expect(interned(interner, "x'sé")).toEqual(['xé'])
    expect(interned(interner, "\ud835'S\udc00 K's\u212a")).toEqual(['𝐀', 'K', 's\u212a'])
  })

  it('agrees with tokenize on any sequence of texts, ids one per distinct token', () => {
    // Besides ASCII: letters and digits of the BMP and beyond it ("𝐀", "𝟗"), astral and BMP non-letters, lone surrogates, "ſ" and the Kelvin sign (word characters for \b under the i and u flags), and "’s" before all of them.
    const pieces = fc.constantFrom(
      ...['a', 'Z', '9', "'", 's', 'S', "'s", "'S", '’s', '’S', '_', ' ', '-', '.', 'é', 'ſ', 'K', '\u212a', 'x', 'talks', '\n', 'ab', 'ba', 'aB'],
      ...['Лавров', '王毅', '³', '—', '“', '\u00a0', '𝐀', '𝟗', '😀', '\ud835', '\udc00', "'s𝐀", '’sé', "'s😀", "x'sé", '’sſ', "'ſ"],
    )
    const text = fc.oneof(
      fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    )
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (texts) => {
        const interner = new TokenInterner()
        for (const t of texts) expect(interned(interner, t)).toEqual(tokenize(t))
        expect(new Set(interner.tokens).size).toBe(interner.tokens.length)
      }),
      { numRuns: 3000 },
    )
  })

  it('keeps every token findable as its table grows', () => {
    const interner = new TokenInterner()
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`)
    expect(interned(interner, words.join(' '))).toEqual(words)
    const count = interner.intern([...words].reverse().join(' '))
    expect([...interner.ids.subarray(0, count)]).toEqual(words.map((_, i) => words.length - 1 - i))
    expect(interner.tokens.length).toBe(words.length)
  })
})
