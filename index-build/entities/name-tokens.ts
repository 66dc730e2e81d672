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
const POSSESSIVE = /['’]s$/u

/** The tokens of a text, in order. */
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(WORD)) {
    let word = m[0]
    if (POSSESSIVE.test(word)) word = word.slice(0, -2)
    tokens.push({ text: word, start: m.index, end: m.index + word.length })
  }
  return tokens
}

/** The tokens of a name, as strings. */
export function nameTokens(name: string): string[] {
  return tokensOf(name).map((t) => t.text)
}
