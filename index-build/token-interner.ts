// Gives each distinct raw token of the texts indexed (tokenize's tokens) a small id, found where the token stands in its text: a token seen before is never sliced out again.
import { CodeUnits } from './code-units'
import { tokenBounds, tokenizeByPattern } from './index-options'

/** Hash of one more character: FNV-1a over UTF-16 code units. */
const step = (h: number, c: number) => Math.imul(h ^ c, 0x01000193)
const FNV_OFFSET = 0x811c9dc5 | 0

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
  /** Scratch: the [start, end) offsets of the text's tokens (tokenBounds'). */
  #bounds = new Int32Array(1024)

  /** The id of the token `units[start … end - 1]` (of `text`, at the same offsets), created on first sight. */
  #idOf(text: string, units: Uint16Array, start: number, end: number): number {
    let h = FNV_OFFSET
    for (let k = start; k < end; k++) h = step(h, units[k]!)
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
    if (this.#bounds.length < n + 1) this.#bounds = new Int32Array(n + 1)
    const bounds = this.#bounds
    const count = tokenBounds(units, n, bounds)
    if (count < 0) return this.#internTokens(tokenizeByPattern(text))
    if (this.ids.length < count) this.ids = new Int32Array(Math.max(count, this.ids.length * 2))
    for (let t = 0; t < count; t++) this.ids[t] = this.#idOf(text, units, bounds[t * 2]!, bounds[t * 2 + 1]!)
    return count
  }

  /** intern() for tokens given as strings (of the rare texts tokenBounds leaves to the regular expressions). */
  #internTokens(list: string[]): number {
    if (this.ids.length < list.length) this.ids = new Int32Array(Math.max(list.length, this.ids.length * 2))
    list.forEach((token, t) => (this.ids[t] = this.#idOf(token, this.#units.of(token), 0, token.length)))
    return list.length
  }
}

/** A copy of `array` in a new array of `size` elements. */
function grown<T extends Int32Array | Uint16Array>(array: T, size: number): T {
  const next = new (array.constructor as new (size: number) => T)(size)
  next.set(array)
  return next
}
