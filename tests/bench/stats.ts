// Percentiles and timing helpers for the benchmark.

/** p50/p95/p99 of a list of milliseconds, rounded to 0.01 ms. */
export function percentiles(ms: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (p: number) => {
    if (sorted.length === 0) return 0
    const v = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
    return Math.round(v * 100) / 100
  }
  return { p50: at(50), p95: at(95), p99: at(99) }
}

/** Times each call; returns milliseconds per call. */
export async function timeEach<T>(items: T[], run: (item: T) => unknown): Promise<number[]> {
  const out: number[] = []
  for (const item of items) {
    const t0 = performance.now()
    await run(item)
    out.push(performance.now() - t0)
  }
  return out
}
