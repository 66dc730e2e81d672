// The one error shape of the API: RFC 9457 problem details as application/problem+json.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Answers with a problem document; `extra` adds fields such as the parameter at fault. */
export function problem(c: Context, status: ContentfulStatusCode, title: string, detail: string, extra: Record<string, unknown> = {}): Response {
  c.header('Content-Type', 'application/problem+json')
  return c.body(JSON.stringify({ type: 'about:blank', title, status, detail, ...extra }), status)
}

/** A 400 naming the parameter and the rule it breaks. */
export function badParameter(c: Context, parameter: string, rule: string): Response {
  return problem(c, 400, 'Invalid parameter', `${parameter}: ${rule}`, { parameter, rule })
}
