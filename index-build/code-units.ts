// A text's UTF-16 code units in a reusable typed array: the tokenisers' scans read them faster than through charCodeAt.
import { endianness } from 'node:os'

/** Whether a Buffer written as 'utf16le' reads back as code units through a Uint16Array on this machine. */
const LITTLE_ENDIAN = endianness() === 'LE'

/** Holds one text's code units at a time, in an array that grows to the longest text given. */
export class CodeUnits {
  #units = new Uint16Array(1024)
  #bytes = Buffer.from(this.#units.buffer)

  /** The code units of `text` (lone surrogates as they are) in `[0 … text.length - 1]` of the array returned, which the next call overwrites. */
  of(text: string): Uint16Array {
    if (text.length > this.#units.length) {
      this.#units = new Uint16Array(Math.max(text.length, this.#units.length * 2))
      this.#bytes = Buffer.from(this.#units.buffer)
    }
    const units = this.#units
    if (LITTLE_ENDIAN) this.#bytes.write(text, 0, 'utf16le')
    else for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i)
    return units
  }
}
