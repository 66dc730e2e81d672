// A yardstick of the machine at benchmark time: a fixed arithmetic loop and a chain of dependent random memory reads, so that runs on a shared machine at different hours can be compared.
import { prng } from './generate'

/** What the yardstick measured: lower is a faster machine. */
export interface Calibration {
  /** Milliseconds for 200 million steps of a dependent integer loop (one thread). */
  loopMs: number
  /** Nanoseconds per read of a chain of dependent reads at random places in 128 MB (memory latency, one thread). */
  randomReadNs: number
}

const LOOP_STEPS = 200_000_000
const CHAIN_ENTRIES = 32 * 1024 * 1024
const CHAIN_READS = 4_000_000

/** Runs the yardstick (a few seconds). */
export function calibrate(): Calibration {
  let t0 = performance.now()
  let x = 0
  for (let i = 0; i < LOOP_STEPS; i++) x = (Math.imul(x, 31) + i) | 0
  const loopMs = performance.now() - t0
  // One cycle through every entry in random order (Sattolo's algorithm), so no read is a cache hit by luck.
  const next = new Uint32Array(CHAIN_ENTRIES)
  for (let i = 0; i < CHAIN_ENTRIES; i++) next[i] = i
  const random = prng(7)
  for (let i = CHAIN_ENTRIES - 1; i > 0; i--) {
    const j = Math.floor(random() * i)
    const t = next[i]!
    next[i] = next[j]!
    next[j] = t
  }
  t0 = performance.now()
  let at = 0
  for (let k = 0; k < CHAIN_READS; k++) at = next[at]!
  const randomReadNs = ((performance.now() - t0) * 1e6) / CHAIN_READS
  // The results are used, so neither loop can be dropped as dead code.
  if ((x & at) === -1) console.log('')
  return { loopMs: Math.round(loopMs), randomReadNs: Math.round(randomReadNs) }
}
