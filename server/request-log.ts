// Structured request logs: one pino line per request with method, path, status, duration and request id.
import type { MiddlewareHandler } from 'hono'
import type { Logger } from 'pino'

/** Logs each request when it has been answered; the request id comes from hono/request-id (set before this middleware). */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    await next()
    const status = c.res.status
    const line = {
      reqId: c.get('requestId') as string | undefined,
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    }
    if (status >= 500) logger.error(line, 'request failed')
    else if (status === 429 || status === 503) logger.warn(line, 'request refused')
    else logger.info(line, 'request')
  }
}
