// Gives each distinct raw token of the texts indexed (tokenize's tokens) a small id, found where the token stands in its text: a token seen before is never sliced out again.
import { CodeUnits } from './code-units'
import { tokenize } from './index-options'
import { isAsciiLetterOrDigit, wordUnitsAt } from './word-characters'

/** Hash of one more character: FNV-1a over UTF-16 code units. */
const step = (h: number, c: number) => Math.imul(h ^ c, 0x01000193)
const FNV_OFFSET = 0x811c9dc5 | 0

const APOSTROPHE = 0x27
const RIGHT_SINGLE_QUOTE = 0x2019
const UNDERSCORE = 0x5f
/** "ſ", which case-folds to "s". */
const LONG_S = 0x17f

/** Interns tokenize's tokens: `intern(text)` puts the ids of text's tokens, in order, in `ids[0 … count - 1]`; `tokens[id]` is the token. */
export class TokenInterner {
  /** Each token by id, in first-seen order. */
  readonly tokens: string[] = []
  /** The ids of the last text interned (valid up to the count intern returned; replaced when it grows). */
  ids = new Int32Array(256)
  /** Hash of each token, by id. */
  #hashes = new Int32Array(1024)
  /** Open-addressing table: id + 1 of the token in each slot, 0 when free; at most half full. */
  #table = new Int32Array(2048)
  /** Every token's code units back to back, in id order: token id's are `#pool[#from[id] … #from[id + 1] - 1]`. */
  #pool = new Uint16Array(1 << 14)
  #from = new Int32Array(1025)
  /** The text being interned, as code units. */
  readonly #units = new CodeUnits()
  /** Scratch: each token of the text being interned as its start, end and hash, three numbers a token. */
  #found = new Int32Array(768)

  /** The id of the token `units[start … end - 1]` (of `text`, at the same offsets), whose hash is `h`, created on first sight. */
  #idOf(text: string, units: Uint16Array, start: number, end: number, h: number): number {
    const table = this.#table
    const mask = table.length - 1
    const length = end - start
    const pool = this.#pool
    const from = this.#from
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot]!
      if (entry === 0) break
      const id = entry - 1
      if (this.#hashes[id] !== h) continue
      const at = from[id]!
      if (from[id + 1]! - at !== length) continue
      let k = 0
      while (k < length && pool[at + k] === units[start + k]) k++
      if (k === length) return id
    }
    return this.#add(text.slice(start, end), units, start, h)
  }

  /** Makes `token` (`units` from `start`) the next id. */
  #add(token: string, units: Uint16Array, start: number, h: number): number {
    const id = this.tokens.length
    this.tokens.push(token)
    if (id + 1 === this.#hashes.length) {
      this.#hashes = grown(this.#hashes, this.#hashes.length * 2)
      this.#from = grown(this.#from, this.#from.length * 2)
    }
    this.#hashes[id] = h
    const at = this.#from[id]!
    if (at + token.length > this.#pool.length) this.#pool = grown(this.#pool, Math.max(this.#pool.length * 2, at + token.length))
    this.#pool.set(units.subarray(start, start + token.length), at)
    this.#from[id + 1] = at + token.length
    if ((id + 1) * 2 > this.#table.length) this.#rehash(this.#table.length * 2)
    else this.#place(id)
    return id
  }

  /** Puts token `id` in the first free slot from its hash. */
  #place(id: number): void {
    const table = this.#table
    const mask = table.length - 1
    let slot = this.#hashes[id]! & mask
    while (table[slot] !== 0) slot = (slot + 1) & mask
    table[slot] = id + 1
  }

  /** A table of `size` slots holding every token. */
  #rehash(size: number): void {
    this.#table = new Int32Array(size)
    for (let id = 0; id < this.tokens.length; id++) this.#place(id)
  }

  /** Interns the tokens of `text` (tokenize's, in order): their ids are `ids[0 … count - 1]`; returns the count. */
  intern(text: string): number {
    const n = text.length
    const units = this.#units.of(text)
    if (this.#found.length < n * 3) this.#found = new Int32Array(n * 3)
    const found = this.#found
    // The text is scanned as tokenize scans it (words of letters and digits, "'s" dropped), finding each token's bounds and hash; they are interned once the whole text has been scanned.
    let tokens = 0
    let start = -1
    let h = FNV_OFFSET
    for (let i = 0; i < n; i++) {
      const c = units[i]!
      const w = wordUnitsAt(units, i, n)
      if (w > 0) {
        if (start < 0) {
          start = i
          h = FNV_OFFSET
        }
        h = step(h, c)
        if (w === 2) h = step(h, units[++i]!)
        continue
      }
      if (start >= 0) {
        found[tokens * 3] = start
        found[tokens * 3 + 1] = i
        found[tokens * 3 + 2] = h
        tokens++
        start = -1
      }
      // tokenize first removes every "'s" ("’s", either case) before a \b, then splits: the "s" is dropped when what follows is not a word character for \b (ASCII letters, digits, "_").
      if ((c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE) && i + 1 < n) {
        const next = units[i + 1]!
        // "ſ" case-folds to "s": left to tokenize.
        if (next === LONG_S) return this.#internTokens(text)
        if ((next | 32) !== 115) continue
        if (i + 2 >= n) {
          i++
          continue
        }
        const after = units[i + 2]!
        if (after < 0x80) {
          if (!(isAsciiLetterOrDigit(after) || after === UNDERSCORE)) i++
        } else {
          // A letter or digit beyond ASCII: whether the "'s" goes depends on \b's own word characters ("ſ" and the Kelvin sign count), and where it goes the letters either side join (as do the halves of a surrogate pair); tokenize alone gets these right.
          if (wordUnitsAt(units, i + 2, n) > 0 || (after >= 0xdc00 && after <= 0xdfff)) return this.#internTokens(text)
          i++
        }
      }
    }
    if (start >= 0) {
      found[tokens * 3] = start
      found[tokens * 3 + 1] = n
      found[tokens * 3 + 2] = h
      tokens++
    }
    if (this.ids.length < tokens) this.ids = new Int32Array(Math.max(tokens, this.ids.length * 2))
    for (let t = 0; t < tokens; t++) this.ids[t] = this.#idOf(text, units, found[t * 3]!, found[t * 3 + 1]!, found[t * 3 + 2]!)
    return tokens
  }

  /** intern() by tokenize itself, for the rare texts with "'ſ", or "'s" before a letter or digit beyond ASCII or the second half of a surrogate pair. */
  #internTokens(text: string): number {
    const list = tokenize(text)
    if (this.ids.length < list.length) this.ids = new Int32Array(Math.max(list.length, this.ids.length * 2))
    list.forEach((token, t) => {
      const units = this.#units.of(token)
      let h = FNV_OFFSET
      for (let k = 0; k < token.length; k++) h = step(h, units[k]!)
      this.ids[t] = this.#idOf(token, units, 0, token.length, h)
    })
    return list.length
  }
}

/** A copy of `array` in a new array of `size` elements. */
function grown<T extends Int32Array | Uint16Array>(array: T, size: number): T {
  const next = new (array.constructor as new (size: number) => T)(size)
  next.set(array)
  return next
}
