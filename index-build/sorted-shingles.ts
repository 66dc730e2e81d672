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

/** The high word's bits above the top digit: keys are first dealt into buckets by their top 8 bits (of 53). */
const TOP_SHIFT = 13
const BUCKETS = 1 << (21 - TOP_SHIFT)
/**
 * The digits each bucket is sorted by, least significant first, as [word, shift, bits]: the 45
 * bits below the top digit in four passes (an even number, so the sort ends where it began).
 */
const PASSES = [
  ['lo', 0, 11],
  ['lo', 11, 11],
  ['lo', 22, 10],
  ['hi', 0, TOP_SHIFT],
] as const
/** Buckets this small are sorted by insertion: a counting pass would cost more than it saves. */
const INSERTION_MAX = 48

/** One pass of a stable radix sort: `from` ordered by the digit of `bits` bits at `shift` of its `word`s, into `to` (arrays of the same length). */
function radixPass(from: SortedShingles, to: SortedShingles, word: 'lo' | 'hi', shift: number, bits: number, count: Uint32Array): void {
  const digits = from[word]
  const n = digits.length
  const mask = (1 << bits) - 1
  count.fill(0, 0, mask + 1)
  for (let i = 0; i < n; i++) count[(digits[i]! >>> shift) & mask]!++
  let total = 0
  for (let d = 0; d <= mask; d++) {
    const c = count[d]!
    count[d] = total
    total += c
  }
  const { lo, hi, paragraph } = from
  for (let i = 0; i < n; i++) {
    const at = count[(digits[i]! >>> shift) & mask]!++
    to.lo[at] = lo[i]!
    to.hi[at] = hi[i]!
    to.paragraph[at] = paragraph[i]!
  }
}

/** A stable insertion sort of `s` by key (hi, then lo): for the few entries of a small bucket. */
function insertionSort(s: SortedShingles): void {
  const { lo, hi, paragraph } = s
  for (let i = 1; i < lo.length; i++) {
    const l = lo[i]!
    const h = hi[i]!
    const p = paragraph[i]!
    let j = i - 1
    for (; j >= 0 && (hi[j]! > h || (hi[j] === h && lo[j]! > l)); j--) {
      lo[j + 1] = lo[j]!
      hi[j + 1] = hi[j]!
      paragraph[j + 1] = paragraph[j]!
    }
    lo[j + 1] = l
    hi[j + 1] = h
    paragraph[j + 1] = p
  }
}

/** Entries `from` … `to` - 1 of `s`, sharing its memory. */
const slice = (s: SortedShingles, from: number, to: number): SortedShingles => ({ lo: s.lo.subarray(from, to), hi: s.hi.subarray(from, to), paragraph: s.paragraph.subarray(from, to) })

/**
 * Sorts paragraphs' shingle keys by key, each key's paragraphs in order (a stable sort of the
 * 53-bit keys). The keys come in parts (pages, in order), numbered as one list of paragraphs:
 * they are read where they are, never copied into one list first. Keys are dealt into buckets by
 * their top 8 bits, then each bucket is radix-sorted by the rest where it fits in the cache:
 * sorting every key by every digit made each pass scatter the whole list across memory (at 1M
 * paragraphs, 35 million keys a worker: ~8 s).
 */
export function sortShingles(parts: ShingleKeys | readonly ShingleKeys[]): SortedShingles {
  const list = 'ends' in parts ? [parts] : parts
  const n = list.reduce((total, part) => total + part.keys.length, 0)
  const sorted: SortedShingles = { lo: new Uint32Array(n), hi: new Uint32Array(n), paragraph: new Uint32Array(n) }
  // Where each bucket starts, then each key in its bucket, in paragraph order.
  const start = new Uint32Array(BUCKETS + 1)
  for (const { keys } of list) for (let k = 0; k < keys.length; k++) start[(Math.floor(keys[k]! / 0x1_0000_0000) >>> TOP_SHIFT) + 1]!++
  let largest = 0
  for (let b = 0; b < BUCKETS; b++) {
    largest = Math.max(largest, start[b + 1]!)
    start[b + 1]! += start[b]!
  }
  const fill = start.slice(0, BUCKETS)
  let paragraph = 0
  for (const { keys, ends } of list) {
    for (let p = 0, k = 0; p < ends.length; p++, paragraph++) {
      for (; k < ends[p]!; k++) {
        const hi = Math.floor(keys[k]! / 0x1_0000_0000)
        const at = fill[hi >>> TOP_SHIFT]!++
        sorted.lo[at] = keys[k]! - hi * 0x1_0000_0000
        sorted.hi[at] = hi
        sorted.paragraph[at] = paragraph
      }
    }
  }
  const scratch: SortedShingles = { lo: new Uint32Array(largest), hi: new Uint32Array(largest), paragraph: new Uint32Array(largest) }
  const count = new Uint32Array(1 << Math.max(...PASSES.map((pass) => pass[2])))
  for (let b = 0; b < BUCKETS; b++) {
    const size = start[b + 1]! - start[b]!
    if (size < 2) continue
    let a = slice(sorted, start[b]!, start[b + 1]!)
    if (size <= INSERTION_MAX) {
      insertionSort(a)
      continue
    }
    let other = slice(scratch, 0, size)
    for (const [word, shift, bits] of PASSES) {
      radixPass(a, other, word, shift, bits, count)
      ;[a, other] = [other, a]
    }
  }
  return sorted
}
