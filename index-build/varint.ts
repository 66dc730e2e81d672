// Unsigned LEB128 integers: how word positions are stored (most take one byte).
import type { Growable } from './growable'

/** Appends `value` (a non-negative integer below 2^32). */
export function writeVarint(out: Growable<Uint8Array>, value: number): void {
  out.reserve(5)
  while (value >= 0x80) {
    out.data[out.length++] = (value & 0x7f) | 0x80
    value >>>= 7
  }
  out.data[out.length++] = value
}

/** The offset just past `count` integers starting at `at`, without decoding them. */
export function skipVarints(bytes: Uint8Array, at: number, count: number): number {
  for (let k = 0; k < count; k++) while (bytes[at++]! >= 0x80);
  return at
}

/** Decodes `count` delta-coded integers starting at `at` into out[0 … count - 1] as running sums; returns the offset past them. */
export function readDeltas(bytes: Uint8Array, at: number, count: number, out: Int32Array): number {
  let sum = 0
  for (let k = 0; k < count; k++) {
    // Most gaps between positions take one byte.
    const first = bytes[at]!
    if (first < 0x80) {
      at++
      sum += first
      out[k] = sum
      continue
    }
    let value = 0
    let shift = 0
    for (;;) {
      const byte = bytes[at++]!
      value += (byte & 0x7f) * 2 ** shift
      if (byte < 0x80) break
      shift += 7
    }
    sum += value
    out[k] = sum
  }
  return at
}
