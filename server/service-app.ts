// The served app: the search API and page (createApp) wrapped in request ids, logs and overload limits.
import { type Context, Hono } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import { requestId } from 'hono/request-id'
import type { Logger } from 'pino'
import { type AppDeps, createApp } from './app'
import { concurrencyLimit, rateLimit, requestTimeout } from './limits'
import { requestLog } from './request-log'

/** Limits applied around the app; see ServiceConfig for their meaning and defaults. */
export interface ServiceLimits {
  rateLimitPerMinute: number
  maxConcurrent: number
  maxQueue: number
  requestTimeoutMs: number
}

/** Routes whose cost grows with the corpus: they share the concurrency cap. */
const EXPENSIVE = ['/api/search', '/api/export', '/api/suggest', '/api/facets']

/** The client's address, or 'unknown' where there is no socket (app.request in tests). */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/** Builds the served app: no I/O here, so tests drive it with app.request. */
export function createServiceApp(deps: AppDeps, limits: ServiceLimits, logger: Logger): Hono {
  const app = createApp(deps)
  const service = new Hono()
  service.use(requestId())
  service.use(async (c, next) => {
    await next()
    c.header('X-Request-Id', c.get('requestId') as string)
  })
  service.use(requestLog(logger))
  service.use(rateLimit({ limit: limits.rateLimitPerMinute, clientKey: clientAddress }))
  const cap = concurrencyLimit({ max: limits.maxConcurrent, maxQueue: limits.maxQueue })
  for (const path of EXPENSIVE) service.use(path, cap)
  service.use(requestTimeout(limits.requestTimeoutMs))
  service.all('*', (c) => app.fetch(c.req.raw, c.env))
  return service
}
