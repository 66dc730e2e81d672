// Picks the best k items of a list, in order, without sorting the rest: only the page of hits shown needs ordering.

/**
 * Returns the `k` best of `items` (by `better`, a total order), in order (all of them when k >= n).
 * Costs O(n log k) instead of sorting everything when only a page is shown.
 * With `key` (indexed by item, higher never worse: better(a, b) < 0 implies key[a] >= key[b]), items
 * whose key is below the k-th best's are passed over without calling `better`.
 */
export function orderFirst(items: Uint32Array, k: number, better: (a: number, b: number) => number, key?: Float64Array): Uint32Array {
  const n = items.length
  if (k >= n / 4) return items.slice().sort(better).subarray(0, Math.min(n, k))
  if (k <= 0) return new Uint32Array(0)
  // A max-heap of the k best so far, worst on top.
  const heap = new Uint32Array(k)
  let size = 0
  const worse = (a: number, b: number) => better(a, b) > 0
  for (let i = 0; i < n; i++) {
    const item = items[i]!
    if (size < k) {
      let at = size++
      heap[at] = item
      while (at > 0) {
        const parent = (at - 1) >> 1
        if (!worse(heap[at]!, heap[parent]!)) break
        ;[heap[at], heap[parent]] = [heap[parent]!, heap[at]!]
        at = parent
      }
    } else if ((key === undefined || key[item]! >= key[heap[0]!]!) && better(item, heap[0]!) < 0) {
      heap[0] = item
      for (let at = 0; ; ) {
        const l = 2 * at + 1
        const r = l + 1
        let top = at
        if (l < size && worse(heap[l]!, heap[top]!)) top = l
        if (r < size && worse(heap[r]!, heap[top]!)) top = r
        if (top === at) break
        ;[heap[at], heap[top]] = [heap[top]!, heap[at]!]
        at = top
      }
    }
  }
  return heap.subarray(0, size).sort(better)
}
