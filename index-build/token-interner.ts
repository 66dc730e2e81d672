// Gives each distinct raw token of the texts indexed (tokenize's tokens) a small id, found where the token stands in its text: a token seen before is never sliced out again.
import { tokenize } from './index-options'

/** Hash of one more character: FNV-1a over UTF-16 code units. */
const step = (h: number, c: number) => Math.imul(h ^ c, 0x01000193)
const FNV_OFFSET = 0x811c9dc5 | 0

/** Plain ASCII, which tokenize scans by hand. */
const ASCII = /^[\x00-\x7f]*$/

/** ASCII letter or digit (tokenize's word characters on ASCII text). */
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)

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

  /** The id of the token text[start … end), whose hash is `h`, created on first sight. */
  #idOf(text: string, start: number, end: number, h: number): number {
    const table = this.#table
    const mask = table.length - 1
    const length = end - start
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot]!
      if (entry === 0) break
      const id = entry - 1
      if (this.#hashes[id] !== h) continue
      const token = this.tokens[id]!
      if (token.length !== length) continue
      let k = 0
      while (k < length && token.charCodeAt(k) === text.charCodeAt(start + k)) k++
      if (k === length) return id
    }
    const id = this.tokens.length
    this.tokens.push(text.slice(start, end))
    if (id === this.#hashes.length) {
      const grown = new Int32Array(id * 2)
      grown.set(this.#hashes)
      this.#hashes = grown
    }
    this.#hashes[id] = h
    if ((id + 1) * 2 > table.length) this.#rehash(table.length * 2)
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

  /** Appends an id to `ids` at `count`; returns the new count. */
  #push(count: number, id: number): number {
    if (count === this.ids.length) {
      const grown = new Int32Array(count * 2)
      grown.set(this.ids)
      this.ids = grown
    }
    this.ids[count] = id
    return count + 1
  }

  /** Interns the tokens of `text` (tokenize's, in order): their ids are `ids[0 … count - 1]`; returns the count. */
  intern(text: string): number {
    // ASCII text is scanned here exactly as tokenize scans it, hashing as it goes; any other text is tokenized and its tokens hashed.
    if (!ASCII.test(text)) return this.#internTokens(text)
    let count = 0
    let start = -1
    let h = FNV_OFFSET
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (isAlnum(c)) {
        if (start < 0) {
          start = i
          h = FNV_OFFSET
        }
        h = step(h, c)
        continue
      }
      if (start >= 0) {
        count = this.#push(count, this.#idOf(text, start, i, h))
        start = -1
      }
      // "'s" or "'S" before a non-word character ("_" is a word character for \b) or the end is dropped, as tokenize drops it.
      if (c === 39 && (text.charCodeAt(i + 1) | 32) === 115) {
        const after = text.charCodeAt(i + 2)
        if (i + 2 >= text.length || !(isAlnum(after) || after === 95)) i++
      }
    }
    if (start >= 0) count = this.#push(count, this.#idOf(text, start, text.length, h))
    return count
  }

  /** intern() for text that is not all ASCII: tokenize's tokens, each hashed whole. */
  #internTokens(text: string): number {
    let count = 0
    for (const token of tokenize(text)) {
      let h = FNV_OFFSET
      for (let k = 0; k < token.length; k++) h = step(h, token.charCodeAt(k))
      count = this.#push(count, this.#idOf(token, 0, token.length, h))
    }
    return count
  }
}
