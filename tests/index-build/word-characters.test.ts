import { describe, expect, it } from 'vitest'
import { isLetterOrDigit, startsUppercase } from '../../index-build/word-characters'

/** Every BMP code point that is a whole character (surrogate halves left out), and some beyond it. */
const codePoints = [...Array.from({ length: 0x10000 }, (_, cp) => cp).filter((cp) => cp < 0xd800 || cp > 0xdfff), 0x1d400, 0x1d41a, 0x10400, 0x10428, 0x1f600, 0x20000]

describe('word characters', () => {
  it('startsUppercase agrees with /^\\p{Lu}/u on every character, first or followed by more', () => {
    for (const cp of codePoints) {
      const ch = String.fromCodePoint(cp)
      expect(startsUppercase(ch), `U+${cp.toString(16)}`).toBe(/^\p{Lu}/u.test(ch))
      expect(startsUppercase(`${ch}ab`)).toBe(/^\p{Lu}/u.test(`${ch}ab`))
    }
    expect(startsUppercase('')).toBe(false)
    // A lone high surrogate starts no letter.
    expect(startsUppercase('\ud835')).toBe(/^\p{Lu}/u.test('\ud835'))
  })

  it('isLetterOrDigit agrees with [\\p{L}\\p{N}] on every character', () => {
    for (const cp of codePoints) expect(isLetterOrDigit(cp), `U+${cp.toString(16)}`).toBe(/^[\p{L}\p{N}]$/u.test(String.fromCodePoint(cp)))
  })
})
