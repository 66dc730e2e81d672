// Letters and digits (\p{L} or \p{N}): the word characters of both tokenisers, tested without a regular expression once each character has been seen.

const WORD_CHAR = /^[\p{L}\p{N}]$/u

/** ASCII letter or digit: the word characters of ASCII text. */
export const isAsciiLetterOrDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)

/** Per BMP code point: 0 not yet asked, 1 a letter or digit, 2 not. */
const bmp = new Uint8Array(0x10000)
/** The same for code points outside the BMP (rare in text, so a map). */
const astral = new Map<number, boolean>()

/** True when the code point is a letter or digit (\p{L} or \p{N}). */
export function isLetterOrDigit(cp: number): boolean {
  if (cp < 0x80) return isAsciiLetterOrDigit(cp)
  if (cp <= 0xffff) {
    const known = bmp[cp]!
    if (known !== 0) return known === 1
    const word = WORD_CHAR.test(String.fromCharCode(cp))
    bmp[cp] = word ? 1 : 2
    return word
  }
  let word = astral.get(cp)
  if (word === undefined) astral.set(cp, (word = WORD_CHAR.test(String.fromCodePoint(cp))))
  return word
}

/** Code units taken by the letter or digit at `i` of `text` (2 for one outside the BMP), or 0 when there is none (past the end too). */
export function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 0x80) return isAsciiLetterOrDigit(c) ? 1 : 0
  if (Number.isNaN(c)) return 0
  const cp = text.codePointAt(i)!
  return isLetterOrDigit(cp) ? (cp > 0xffff ? 2 : 1) : 0
}

/** wordCharAt over UTF-16 code units `units[0 … length - 1]`. */
export function wordUnitsAt(units: Uint16Array, i: number, length: number): number {
  if (i >= length) return 0
  const c = units[i]!
  if (c < 0x80) return isAsciiLetterOrDigit(c) ? 1 : 0
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < length) {
    const low = units[i + 1]!
    if (low >= 0xdc00 && low <= 0xdfff) return isLetterOrDigit(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000) ? 2 : 0
  }
  return isLetterOrDigit(c) ? 1 : 0
}

const UPPERCASE = /^\p{Lu}$/u

/** Per BMP code point: 0 not yet asked, 1 an uppercase letter, 2 not. */
const upperBmp = new Uint8Array(0x10000)

/** True when `text` starts with an uppercase letter (\p{Lu}), as /^\p{Lu}/u tests it; ASCII without a regular expression, other code points tested once each. */
export function startsUppercase(text: string): boolean {
  const c = text.charCodeAt(0)
  if (c < 0x80) return c >= 65 && c <= 90
  if (Number.isNaN(c)) return false
  const cp = text.codePointAt(0)!
  if (cp > 0xffff) return UPPERCASE.test(String.fromCodePoint(cp))
  let known = upperBmp[cp]!
  if (known === 0) upperBmp[cp] = known = UPPERCASE.test(String.fromCharCode(cp)) ? 1 : 2
  return known === 1
}
