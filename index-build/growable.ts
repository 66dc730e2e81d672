// Append-only typed arrays for the index build: amortised O(1) pushes without a JavaScript array per value.

type TypedArrayConstructor<T> = { new (length: number): T; BYTES_PER_ELEMENT: number }

/** A typed array that grows by doubling; `view()` is the filled part (no copy). */
export class Growable<T extends Uint8Array | Uint32Array | Int32Array | Float64Array> {
  #data: T
  length = 0
  readonly #make: TypedArrayConstructor<T>

  constructor(make: TypedArrayConstructor<T>, capacity = 1024) {
    this.#make = make
    this.#data = new make(capacity)
  }

  /** Makes room for `extra` more values. */
  reserve(extra: number): void {
    const needed = this.length + extra
    if (needed <= this.#data.length) return
    let size = this.#data.length * 2
    while (size < needed) size *= 2
    const next = new this.#make(size)
    next.set(this.#data.subarray(0, this.length) as never)
    this.#data = next
  }

  push(value: number): void {
    if (this.length === this.#data.length) this.reserve(1)
    this.#data[this.length++] = value
  }

  /** The backing array (valid up to `length`; replaced when the array grows). */
  get data(): T {
    return this.#data
  }

  /** The filled part, sharing memory with the builder. */
  view(): T {
    return this.#data.subarray(0, this.length) as T
  }

  /** The filled part, copied into an array of its exact size. */
  copy(): T {
    return this.#data.slice(0, this.length) as T
  }
}
