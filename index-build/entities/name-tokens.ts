// Splits text into the word tokens entity names are matched on, with offsets: "U.S." → "U.S", "Lavrov’s" → "Lavrov", and hyphens separate ("Asia-Pacific" = "Asia Pacific").

/** A word of the text and where it is: [start, end) offsets. */
export interface Token {
  /** The word as written, possessive ending removed. */
  text: string
  /** Start offset. */
  start: number
  /** End offset (exclusive), before any possessive ending. */
  end: number
}

const WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu
const WORD_CHAR = /^[\p{L}\p{N}]$/u

/** True for a word ending in a possessive 's or ’s. */
function possessive(word: string): boolean {
  const n = word.length
  return n >= 2 && word.charCodeAt(n - 1) === 0x73 && (word[n - 2] === "'" || word[n - 2] === '’')
}

/** A token for a match of WORD at `start`, possessive ending removed. */
function tokenAt(word: string, start: number): Token {
  const text = possessive(word) ? word.slice(0, -2) : word
  return { text, start, end: start + text.length }
}

/** The definition of tokensOf, by regular expression; `tokensOf` is this, scanned by hand. */
export function tokensByPattern(text: string): Token[] {
  const tokens: Token[] = []
  WORD.lastIndex = 0
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) tokens.push(tokenAt(m[0], m.index))
  return tokens
}

/** Whether each non-ASCII code point seen is a letter or digit (\p{L} or \p{N}). */
const wordCodePoint = new Map<number, boolean>()

/** Code units taken by the letter or digit (\p{L} or \p{N}) at `i` (2 for one outside the BMP), or 0 when there is none (past the end too). */
export function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0
  if (Number.isNaN(c)) return 0
  const cp = text.codePointAt(i)!
  let known = wordCodePoint.get(cp)
  if (known === undefined) wordCodePoint.set(cp, (known = WORD_CHAR.test(String.fromCodePoint(cp))))
  return known ? (cp > 0xffff ? 2 : 1) : 0
}

/** The tokens of a text, in order: WORD's matches, found without the regular expression (the tagger's hot path). */
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = []
  for (let i = 0; i < text.length; ) {
    let w = wordCharAt(text, i)
    if (w === 0) {
      i++
      continue
    }
    const start = i
    let end = i
    for (;;) {
      // A run of letters and digits, then, while a joiner (. ' ’) is followed by another run, that run too.
      while (w > 0) {
        end += w
        w = wordCharAt(text, end)
      }
      const c = text.charCodeAt(end)
      if (!(c === 0x2e || c === 0x27 || c === 0x2019)) break
      w = wordCharAt(text, end + 1)
      if (w === 0) break
      end += 1
    }
    tokens.push(tokenAt(text.slice(start, end), start))
    i = end
  }
  return tokens
}

/** The tokens of a name, as strings. */
export function nameTokens(name: string): string[] {
  return tokensOf(name).map((t) => t.text)
}
