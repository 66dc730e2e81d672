// Letters and digits (\p{L} or \p{N}): the word characters of both tokenisers, tested without a regular expression once each character has been seen.

const WORD_CHAR = /^[\p{L}\p{N}]$/u

/** ASCII letter or digit: the word characters of ASCII text. */
export const isAsciiLetterOrDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)

/** A test of code points against a one-character pattern, each code point tested once: the BMP's answers in a table (0 not yet asked, 1 yes, 2 no), the rest (rare in text) in a map. */
function codePointClass(pattern: RegExp): (cp: number) => boolean {
  const bmp = new Uint8Array(0x10000)
  const astral = new Map<number, boolean>()
  return (cp) => {
    if (cp <= 0xffff) {
      let known = bmp[cp]!
      if (known === 0) bmp[cp] = known = pattern.test(String.fromCharCode(cp)) ? 1 : 2
      return known === 1
    }
    let yes = astral.get(cp)
    if (yes === undefined) astral.set(cp, (yes = pattern.test(String.fromCodePoint(cp))))
    return yes
  }
}

const isWordCodePoint = codePointClass(WORD_CHAR)

/** True when the code point is a letter or digit (\p{L} or \p{N}). */
export function isLetterOrDigit(cp: number): boolean {
  return cp < 0x80 ? isAsciiLetterOrDigit(cp) : isWordCodePoint(cp)
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

const isUppercaseCodePoint = codePointClass(/^\p{Lu}$/u)

/** True when `text` starts with an uppercase letter (\p{Lu}), as /^\p{Lu}/u tests it; ASCII without a regular expression. */
export function startsUppercase(text: string): boolean {
  const c = text.charCodeAt(0)
  if (c < 0x80) return c >= 65 && c <= 90
  return !Number.isNaN(c) && isUppercaseCodePoint(text.codePointAt(0)!)
}
