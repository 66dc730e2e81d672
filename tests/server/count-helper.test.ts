import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { CONTROL, claimChunk, claimWord, countChunk, KIND_CODES, MAX_CHUNKS } from '../../server/count-chunks'
import { CountHelper } from '../../server/count-helper'
import { addRows, type CountKind, emptyCounts, subtractGaps } from '../../server/count-hits'
import { type FacetRows, facetRows } from '../../server/search-context'

/** Rows of n paragraphs with made-up outlets, days, actors and regions (a seeded generator: the same rows every run). */
function madeUpRows(n: number, seed = 7): FacetRows {
  let state = seed
  const next = (below: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return (state >>> 8) % below
  }
  const csr = (rowOf: () => number[]) => {
    const offsets = new Uint32Array(n + 1)
    const values: number[] = []
    for (let p = 0; p < n; p++) {
      values.push(...new Set(rowOf()))
      offsets[p + 1] = values.length
    }
    return { offsets, values: Uint32Array.from(values) }
  }
  const sizes = { outlets: 5, days: 40, actors: 300, regions: 20 }
  return facetRows(
    Uint32Array.from({ length: n }, () => next(sizes.outlets)),
    Uint32Array.from({ length: n }, () => next(sizes.days)),
    csr(() => Array.from({ length: next(9) }, () => next(sizes.actors))),
    csr(() => Array.from({ length: next(4) }, () => next(sizes.regions))),
    sizes,
  )
}

/** Ascending hits: each paragraph of the rows kept with probability `share`. */
function hitsOf(rows: FacetRows, share: number, seed: number): Uint32Array {
  const out: number[] = []
  let state = seed
  for (let p = 0; p + 1 < rows.at.length; p++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    if ((state >>> 8) / 0x1000000 < share) out.push(p)
  }
  return Uint32Array.from(out)
}

/** The counts one thread makes: every row of the hits added, or every non-hit's row taken off the whole index's counts. */
function alone(kind: CountKind, hits: Uint32Array, rows: FacetRows): Uint32Array {
  const all = emptyCounts(rows).all
  if (kind !== 'gaps') addRows(hits, 0, hits.length, rows, all)
  else {
    addRows(Uint32Array.from({ length: rows.at.length - 1 }, (_, p) => p), 0, rows.at.length - 1, rows, all)
    subtractGaps(hits, hits.length, 0, hits.length, true, rows, all)
  }
  return all
}

/** What a helper counts into counts starting as one thread's would (the whole index's for 'gaps'), or null when it declines. */
function shared(helper: CountHelper, kind: CountKind, hits: Uint32Array, rows: FacetRows): Uint32Array | null {
  const all = kind !== 'gaps' ? emptyCounts(rows).all : alone('add', Uint32Array.from({ length: rows.at.length - 1 }, (_, p) => p), rows)
  return helper.count(kind, hits, rows, all) ? all : null
}

describe('counting in chunks', () => {
  it('counts every hit (or gap) once over all the chunks of a job, however the hits split', () => {
    const rows = madeUpRows(300)
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(299), { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (list, chunks) => {
        const hits = Uint32Array.from(list.sort((a, b) => a - b))
        for (const kind of ['add', 'scattered', 'sparse', 'gaps'] as const) {
          const code = KIND_CODES[kind]
          const all = kind !== 'gaps' ? emptyCounts(rows).all : alone('add', Uint32Array.from({ length: 300 }, (_, p) => p), rows)
          // Chunks taken in any order: here last first.
          for (let k = chunks - 1; k >= 0; k--) countChunk(code, hits, hits.length, k, chunks, rows, all)
          expect(all).toEqual(alone(kind, hits, rows))
        }
      }),
      { numRuns: 300 },
    )
  })

  it('claims each chunk of the job posted once, and none of another job', () => {
    const control = new Int32Array(new SharedArrayBuffer(4 * CONTROL.SIZE))
    Atomics.store(control, CONTROL.CLAIM, claimWord(12, 3))
    expect(claimChunk(control, 11)).toBe(-1)
    expect([claimChunk(control, 12), claimChunk(control, 12), claimChunk(control, 12), claimChunk(control, 12)]).toEqual([0, 1, 2, -1])
    // Job numbers wrap at 15 bits in the claim word; chunk counts reach MAX_CHUNKS.
    Atomics.store(control, CONTROL.CLAIM, claimWord(0x8000 + 5, MAX_CHUNKS))
    expect(claimChunk(control, 5)).toBe(0)
    for (let k = 1; k < MAX_CHUNKS; k++) claimChunk(control, 5)
    expect(claimChunk(control, 5)).toBe(-1)
  })
})

describe('CountHelper', () => {
  const rows = madeUpRows(40_000)
  const helpers: CountHelper[] = []
  const started = (options: ConstructorParameters<typeof CountHelper>[0]) => {
    const helper = new CountHelper(options)
    helpers.push(helper)
    return helper
  }
  afterAll(() => {
    for (const helper of helpers) helper.stop()
  })

  it('counts on the helper thread exactly what one thread counts', async () => {
    // The main thread takes no chunk: every count is the helper's.
    const helper = started({ minRows: 1, chunkRows: 997, helperOnly: true, graceMs: 60_000 })
    expect(await helper.start()).toBe(true)
    for (const [kind, share, seed] of [['add', 0.3, 1], ['add', 0.9, 2], ['gaps', 0.6, 3], ['gaps', 0.95, 4], ['add', 0.5, 5], ['scattered', 0.05, 6], ['sparse', 0.02, 7]] as const) {
      const hits = hitsOf(rows, share, seed)
      const before = helper.helperChunks
      expect(shared(helper, kind, hits, rows), `${kind} ${share}`).toEqual(alone(kind, hits, rows))
      // Every job has two chunks or more.
      expect(helper.helperChunks - before).toBeGreaterThanOrEqual(2)
    }
    expect(helper.lateJobs).toBe(0)
  })

  it('takes a job posted before its thread has started', () => {
    // The first count starts the thread and posts its job at once; the main thread, taking no chunk itself, waits for the helper to come up and count them all.
    const helper = started({ minRows: 1, chunkRows: 997, helperOnly: true, graceMs: 60_000 })
    const hits = hitsOf(rows, 0.5, 21)
    expect(shared(helper, 'add', hits, rows)).toEqual(alone('add', hits, rows))
    expect(helper.lateJobs).toBe(0)
    expect(helper.helperChunks).toBeGreaterThanOrEqual(2)
  })

  it('counts on both threads exactly what one thread counts, job after job', async () => {
    const helper = started({ minRows: 1, chunkRows: 1000 })
    expect(await helper.start()).toBe(true)
    for (let seed = 1; seed <= 45; seed++) {
      const kind = (['add', 'gaps', 'scattered', 'sparse'] as const)[seed % 4]!
      const hits = hitsOf(rows, kind === 'add' ? 0.2 + seed / 100 : kind === 'gaps' ? 0.55 + (seed % 40) / 100 : kind === 'scattered' ? 0.04 + seed / 1000 : 0.005 + seed / 2000, seed)
      expect(shared(helper, kind, hits, rows)).toEqual(alone(kind, hits, rows))
    }
  })

  it('declines counts too small to share, and rows outside shared memory', async () => {
    const helper = started({ minRows: 5000 })
    const hits = hitsOf(rows, 0.1, 9)
    expect(hits.length).toBeLessThan(5000)
    expect(shared(helper, 'add', hits, rows)).toBeNull()
    const wide = hitsOf(rows, 0.5, 9)
    const unshared = { ...rows, at: rows.at.slice(), data: rows.data.slice() }
    expect(shared(helper, 'add', wide, unshared)).toBeNull()
    expect(shared(helper, 'add', wide, rows)).toEqual(alone('add', wide, rows))
  })

  /** A helper thread of made-up behaviour: `body` runs after it says it is ready (control, port and CONTROL in scope). */
  const fakeHelper = (body: string) =>
    new URL(
      `data:text/javascript,${encodeURIComponent(`
        import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads'
        const { control, port } = workerData
        const CONTROL = ${JSON.stringify(CONTROL)}
        parentPort.postMessage('ready')
        ${body}
      `)}`,
    )

  it('leaves behind a helper that took a chunk and never finished it: the counts stay exact, its own counts ignored', async () => {
    // It claims the first chunk of the first job, fills its counts with nonsense, and stops there.
    const stuck = fakeHelper(`
      Atomics.wait(control, CONTROL.JOB, 0)
      Atomics.store(control, CONTROL.BUSY, 1)
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) if (m.message.counts) m.message.counts.fill(7)
      const word = Atomics.load(control, CONTROL.CLAIM)
      Atomics.compareExchange(control, CONTROL.CLAIM, word, word + 1)
      Atomics.wait(control, CONTROL.JOB, Atomics.load(control, CONTROL.JOB))
    `)
    // The main thread takes no chunk itself until the helper is late.
    const helper = started({ minRows: 1, chunkRows: 1000, graceMs: 200, helperOnly: true, workerUrl: stuck })
    expect(await helper.start()).toBe(true)
    const hits = hitsOf(rows, 0.4, 11)
    expect(shared(helper, 'add', hits, rows)).toEqual(alone('add', hits, rows))
    expect(helper.lateJobs).toBe(1)
    // Still busy: not asked again.
    expect(shared(helper, 'gaps', hitsOf(rows, 0.7, 12), rows)).toBeNull()
  })

  it('counts every chunk itself when the helper never comes', async () => {
    const asleep = fakeHelper('Atomics.wait(control, CONTROL.BUSY, 0)')
    const helper = started({ minRows: 1, chunkRows: 1000, graceMs: 5, helperOnly: true, workerUrl: asleep })
    expect(await helper.start()).toBe(true)
    for (const [kind, share] of [['add', 0.3], ['gaps', 0.8]] as const) {
      const hits = hitsOf(rows, share, 14)
      expect(shared(helper, kind, hits, rows)).toEqual(alone(kind, hits, rows))
    }
    expect(helper.lateJobs).toBe(2)
    expect(helper.helperChunks).toBe(0)
  })

  it('counts alone once stopped', async () => {
    const helper = started({ minRows: 1 })
    expect(await helper.start()).toBe(true)
    helper.stop()
    expect(helper.running).toBe(false)
    expect(shared(helper, 'add', hitsOf(rows, 0.5, 13), rows)).toBeNull()
    expect(await helper.start()).toBe(false)
  })
})
