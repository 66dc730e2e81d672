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

/** True for a word ending in a possessive 's or ’s. */
function possessive(word: string): boolean {
  const n = word.length
  return n >= 2 && word.charCodeAt(n - 1) === 0x73 && (word[n - 2] === "'" || word[n - 2] === '’')
}

/** The tokens of a text, in order. */
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = []
  WORD.lastIndex = 0
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const word = possessive(m[0]) ? m[0].slice(0, -2) : m[0]
    tokens.push({ text: word, start: m.index, end: m.index + word.length })
  }
  return tokens
}

/** The tokens of a name, as strings. */
export function nameTokens(name: string): string[] {
  return tokensOf(name).map((t) => t.text)
}
