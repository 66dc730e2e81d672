// A set of pairs of small non-negative integers (paragraph ordinals), kept as numbers in an open-addressing table: adding a pair seen before costs a probe, not an allocation.

/** Distinct pairs (a, b) of integers in [0, 2^26); `forEach` visits each once, in no particular order. */
export class PairSet {
  /** a × 2^26 + b of each pair, -1 for a free slot; at most half full. */
  #slots = new Float64Array(1024).fill(-1)
  #size = 0

  /** Pairs held. */
  get size(): number {
    return this.#size
  }

  /** Adds the pair (a, b) (order matters: (b, a) is another pair). */
  add(a: number, b: number): void {
    const key = a * 0x400_0000 + b
    const slots = this.#slots
    const mask = slots.length - 1
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & mask
    for (; slots[slot] !== -1; slot = (slot + 1) & mask) if (slots[slot] === key) return
    slots[slot] = key
    if (++this.#size * 2 > slots.length) this.#grow()
  }

  /** Calls `visit` with each pair held. */
  forEach(visit: (a: number, b: number) => void): void {
    const slots = this.#slots
    for (let s = 0; s < slots.length; s++) {
      const key = slots[s]!
      if (key === -1) continue
      const a = Math.floor(key / 0x400_0000)
      visit(a, key - a * 0x400_0000)
    }
  }

  /** Doubles the table, placing every pair again. */
  #grow(): void {
    const old = this.#slots
    this.#slots = new Float64Array(old.length * 2).fill(-1)
    this.#size = 0
    for (let s = 0; s < old.length; s++) {
      const key = old[s]!
      if (key === -1) continue
      const a = Math.floor(key / 0x400_0000)
      this.add(a, key - a * 0x400_0000)
    }
  }
}
