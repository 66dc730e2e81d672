// Splits text into the word tokens entity names are matched on, with offsets: "U.S." → "U.S", "Lavrov’s" → "Lavrov", and hyphens separate ("Asia-Pacific" = "Asia Pacific").
import { CodeUnits } from '../code-units'
import { wordUnitsAt } from '../word-characters'

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

/** The text being tokenised, as code units. */
const scratch = new CodeUnits()

/** The tokens of a text, in order: WORD's matches, found without the regular expression (the tagger's hot path). */
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = []
  const n = text.length
  const units = scratch.of(text)
  for (let i = 0; i < n; ) {
    let w = wordUnitsAt(units, i, n)
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
        w = wordUnitsAt(units, end, n)
      }
      const c = end < n ? units[end]! : -1
      if (!(c === 0x2e || c === 0x27 || c === 0x2019)) break
      w = wordUnitsAt(units, end + 1, n)
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
