// Overload protection as Hono middleware: a concurrency cap with a bounded queue, a per-client rate limit and a request timeout.
import type { Context, MiddlewareHandler } from 'hono'

/** The JSON body and headers of every over-limit answer (429 or 503), with a Retry-After in seconds. */
export function overLimit(c: Context, status: 429 | 503, detail: string, retryAfterSeconds: number): Response {
  c.header('Retry-After', String(retryAfterSeconds))
  c.header('Content-Type', 'application/problem+json')
  c.header('X-Content-Type-Options', 'nosniff')
  const title = status === 429 ? 'Too Many Requests' : 'Service Unavailable'
  return c.body(JSON.stringify({ type: 'about:blank', title, status, detail }), status)
}

/** Options of concurrencyLimit. */
export interface ConcurrencyOptions {
  /** Requests let through at once. */
  max: number
  /** Requests allowed to wait for a slot; one more gets a 503. */
  maxQueue: number
}

/** Lets `max` requests run at once and queues up to `maxQueue` more in arrival order; beyond that answers 503 at once. */
export function concurrencyLimit(options: ConcurrencyOptions): MiddlewareHandler {
  let active = 0
  const waiting: (() => void)[] = []
  const release = (): void => {
    const next = waiting.shift()
    if (next) next()
    else active--
  }
  return async (c, next) => {
    if (active >= options.max) {
      if (waiting.length >= options.maxQueue) {
        return overLimit(c, 503, `more than ${options.max + options.maxQueue} expensive requests at once; try again shortly`, 1)
      }
      await new Promise<void>((resolve) => waiting.push(resolve))
    } else {
      active++
    }
    try {
      await next()
    } finally {
      release()
    }
  }
}

/** Options of rateLimit. */
export interface RateLimitOptions {
  /** Requests allowed per client per window; 0 turns the limit off. */
  limit: number
  /** Window length in ms (default 60000). */
  windowMs?: number
  /** The client's key, e.g. its address. */
  clientKey: (c: Context) => string
  /** Clock, for tests (default Date.now). */
  now?: () => number
}

/** Fixed-window rate limit per client key; over the limit answers 429 with Retry-After. Off when `limit` is 0. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const windowMs = options.windowMs ?? 60_000
  const now = options.now ?? Date.now
  const windows = new Map<string, { start: number; count: number }>()
  return async (c, next) => {
    if (options.limit <= 0) return next()
    const t = now()
    const key = options.clientKey(c)
    let w = windows.get(key)
    if (!w || t - w.start >= windowMs) {
      if (windows.size > 10_000) for (const [k, v] of windows) if (t - v.start >= windowMs) windows.delete(k)
      w = { start: t, count: 0 }
      windows.set(key, w)
    }
    if (w.count >= options.limit) {
      const retry = Math.max(1, Math.ceil((w.start + windowMs - t) / 1000))
      return overLimit(c, 429, `more than ${options.limit} requests per ${windowMs / 1000} s from this client`, retry)
    }
    w.count++
    return next()
  }
}

/** Answers 503 with Retry-After when the rest of the chain has not answered within `ms`. */
export function requestTimeout(ms: number): MiddlewareHandler {
  return async (c, next) => {
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ms)
    })
    try {
      const outcome = await Promise.race([next().then(() => 'done' as const), timedOut])
      if (outcome === 'timeout') return overLimit(c, 503, `the request took longer than ${ms} ms`, 1)
    } finally {
      clearTimeout(timer)
    }
  }
}
