// Tells random letter/digit strings (tracking ids, broken widgets) from words: a line made only of such tokens is garbage.

const VOWELS = /[aeiouy]/gi

/** True when a single token looks machine-made rather than a word, name, number or abbreviation. */
export function isRandomToken(token: string): boolean {
  if (!/^[\p{L}\p{N}]+$/u.test(token) || !/\p{L}/u.test(token)) return false
  const letters = token.replace(/\p{N}/gu, '')
  if (/\p{L}\p{N}+\p{L}/u.test(token) && token.length >= 5) return true
  if (token.length >= 25) return true
  if (letters.length < 6 || !/^[a-z]+$/i.test(letters)) return false
  const vowels = (letters.match(VOWELS)?.length ?? 0) / letters.length
  if (vowels < 0.1 || vowels > 0.75) return true
  return /[^aeiouy]{6,}/i.test(letters) || /([aeiou])\1\1/i.test(letters)
}

/** True for a short line whose every token is random-looking (and which has no sentence punctuation). */
export function isGarbageLine(line: string): boolean {
  const trimmed = line.trim()
  if (trimmed.length === 0 || trimmed.length > 120 || /[.,;:!?'"“”’()]/.test(trimmed)) return false
  const tokens = trimmed.split(/\s+/)
  return tokens.length <= 4 && tokens.every(isRandomToken)
}
