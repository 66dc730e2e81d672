// The helper thread of a shared count: sleeps until the main thread posts a job, then takes chunks of it until none are left. Never allocates while counting.
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads'
import { CONTROL, claimChunk, countChunk } from './count-chunks'
import type { CountedRows } from './count-hits'

/** What the main thread sends before a job that needs it: rows to register (with their own counts), rows to forget, or a larger hits buffer. */
export type HelperMessage = ({ rows: number; counts: Uint32Array } & CountedRows) | { forget: number } | { hits: Uint32Array }

const { control, port } = workerData as { control: Int32Array; port: MessagePort }
const registered = new Map<number, { rows: CountedRows; counts: Uint32Array }>()
let hits: Uint32Array = new Uint32Array(0)

function take(message: HelperMessage): void {
  if ('hits' in message) hits = message.hits
  else if ('forget' in message) registered.delete(message.forget)
  else registered.set(message.rows, { rows: { at: message.at, data: message.data, wide: message.wide }, counts: message.counts })
}

// Jobs are numbered from 1: one posted before this thread got here is taken at once, not missed.
let seen = 0
parentPort!.postMessage('ready')
for (;;) {
  Atomics.wait(control, CONTROL.JOB, seen)
  const job = Atomics.load(control, CONTROL.JOB)
  seen = job
  // Messages are queued before the job is posted: read them first.
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) take(m.message as HelperMessage)
  // Read before the first claim: a claim succeeds only while the job (and so these words) stands.
  const kind = Atomics.load(control, CONTROL.KIND)
  const n = Atomics.load(control, CONTROL.HITS)
  const target = registered.get(Atomics.load(control, CONTROL.ROWS))
  const chunks = (Atomics.load(control, CONTROL.CLAIM) >>> 8) & 0xff
  if (!target || hits.length < n) continue
  for (;;) {
    // Busy before the claim, so the main thread never hands out these counts while a chunk may still be added to them.
    Atomics.store(control, CONTROL.BUSY, 1)
    const k = claimChunk(control, job)
    if (k >= 0) {
      countChunk(kind, hits, n, k, chunks, target.rows, target.counts)
      Atomics.add(control, CONTROL.DONE, 1)
    }
    Atomics.store(control, CONTROL.BUSY, 0)
    if (k < 0) break
    Atomics.notify(control, CONTROL.DONE)
  }
}
