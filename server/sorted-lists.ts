// Operations on ascending lists of paragraph ordinals and on match masks: the small kernels of query evaluation.

/**
 * The first position in list[from … to) (ascending) holding a value at or above `value`, or `to`:
 * galloping forward from `from` (steps of 1, 2, 4, …) and then a binary search, so walking a long
 * list for ascending values costs little when they sit close together.
 */
export function firstAtOrAfter(list: Uint32Array, from: number, to: number, value: number): number {
  let lo = from
  let step = 1
  let hi = lo
  while (hi < to && list[hi]! < value) {
    lo = hi + 1
    hi += step
    step *= 2
  }
  hi = Math.min(hi, to)
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Positions in docs[from … to) of the paragraphs listed in `within` (both ascending). */
export function postingsWithin(docs: Uint32Array, from: number, to: number, within: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(within.length, to - from))
  let n = 0
  let lo = from
  for (let i = 0; i < within.length && lo < to; i++) {
    const doc = within[i]!
    lo = firstAtOrAfter(docs, lo, to, doc)
    if (lo < to && docs[lo] === doc) out[n++] = lo++
  }
  return out.subarray(0, n)
}

/** The ordinals in both ascending lists. */
export function intersectDocs(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length))
  let n = 0
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++
    else if (a[i]! > b[j]!) j++
    else {
      out[n++] = a[i]!
      i++
      j++
    }
  }
  return out.subarray(0, n)
}

/** Number of bits set in a paragraph's mask words. */
export function bitCount(masks: Uint32Array, from: number, width: number): number {
  let count = 0
  for (let x = 0; x < width; x++) {
    let v = masks[from + x]!
    v = v - ((v >>> 1) & 0x55555555)
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
    count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
  }
  return count
}
