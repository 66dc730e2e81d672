// Shingle keys sorted by key with their paragraphs, so paragraphs that share a key sit side by side: sorted where the keys are made (a page worker), read together in key order where the paragraphs are linked.
import type { ShingleKeys } from './near-duplicates'

/** Every key of some paragraphs with its paragraph, sorted by key, paragraphs ascending within a key: entry i is key hi[i] × 2^32 + lo[i] of paragraph[i]. */
export interface SortedShingles {
  /** Low 32 bits of each key. */
  lo: Uint32Array
  /** High 21 bits of each key. */
  hi: Uint32Array
  /** Paragraph (by position in the keys given) of each key. */
  paragraph: Uint32Array
}

/** Bits of the key sorted per pass of the radix sort. */
const RADIX_BITS = 8
const RADIX_MASK = (1 << RADIX_BITS) - 1
/** The passes, least significant digit first: the low word's four digits, then the high word's three (it holds 21 bits). */
const PASSES = [
  ['lo', 0],
  ['lo', 8],
  ['lo', 16],
  ['lo', 24],
  ['hi', 0],
  ['hi', 8],
  ['hi', 16],
] as const

/** One pass of a stable radix sort: `from` ordered by the digit at `shift` of `digits` (one of its words), into `to`. */
function radixPass(from: SortedShingles, to: SortedShingles, digits: Uint32Array, shift: number, count: Uint32Array): void {
  const n = digits.length
  count.fill(0)
  for (let i = 0; i < n; i++) count[(digits[i]! >>> shift) & RADIX_MASK]!++
  let total = 0
  for (let d = 0; d <= RADIX_MASK; d++) {
    const c = count[d]!
    count[d] = total
    total += c
  }
  const { lo, hi, paragraph } = from
  for (let i = 0; i < n; i++) {
    const at = count[(digits[i]! >>> shift) & RADIX_MASK]!++
    to.lo[at] = lo[i]!
    to.hi[at] = hi[i]!
    to.paragraph[at] = paragraph[i]!
  }
}

/** Sorts paragraphs' shingle keys by key (a stable radix sort of the 53-bit keys, so each key's paragraphs stay in order). */
export function sortShingles(shingles: ShingleKeys): SortedShingles {
  const { keys, ends } = shingles
  const n = keys.length
  let a: SortedShingles = { lo: new Uint32Array(n), hi: new Uint32Array(n), paragraph: new Uint32Array(n) }
  let b: SortedShingles = { lo: new Uint32Array(n), hi: new Uint32Array(n), paragraph: new Uint32Array(n) }
  for (let p = 0, k = 0; p < ends.length; p++) {
    for (; k < ends[p]!; k++) {
      a.lo[k] = keys[k]! % 0x1_0000_0000
      a.hi[k] = Math.floor(keys[k]! / 0x1_0000_0000)
      a.paragraph[k] = p
    }
  }
  const count = new Uint32Array(RADIX_MASK + 1)
  for (const [word, shift] of PASSES) {
    radixPass(a, b, a[word], shift, count)
    ;[a, b] = [b, a]
  }
  return a
}
