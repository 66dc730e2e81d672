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

/** Reads the integer at `cursor.at` and moves the cursor past it. */
export function readVarint(bytes: Uint8Array, cursor: { at: number }): number {
  let value = 0
  let shift = 0
  for (;;) {
    const byte = bytes[cursor.at++]!
    value += (byte & 0x7f) * 2 ** shift
    if (byte < 0x80) return value
    shift += 7
  }
}
