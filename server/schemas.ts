// The request parameters of every endpoint as zod schemas: they validate requests and generate the OpenAPI document.
import { z } from 'zod'

/** Most hits a page may reach (page × size). */
export const MAX_RESULT_WINDOW = 10_000
/** Most hits an export returns. */
export const MAX_EXPORT_HITS = 10_000

/** True for a real calendar day in YYYY-MM-DD. */
function isCalendarDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

const DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDay, 'must be a real calendar day')
const WHOLE = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .describe(name)
/** A repeatable parameter's values: at most `most` of them, each at most 300 characters. */
const valueList = (most: number) => z.array(z.string().max(300, 'each value must be at most 300 characters')).max(most, `at most ${most} values`)
const VALUES = valueList(50)

/** Parameters of /api/search and /api/export (without `format`). */
export const SEARCH_PARAMS = z.object({
  q: z.string().max(500, 'must be at most 500 characters').default('').describe('Query: words (the last one completes while typing), "phrases", -excluded words or "phrases", OR between words. Empty browses.'),
  outlet: VALUES.default([]).describe('Outlet facet values, repeatable: any of them.'),
  actor: VALUES.default([]).describe('Actors, repeatable: paragraphs mentioning all of them.'),
  region: VALUES.default([]).describe('Regions, repeatable: paragraphs mentioning each of them or a place inside it.'),
  from: DATE.optional().describe('Earliest article date, YYYY-MM-DD.'),
  to: DATE.optional().describe('Latest article date, YYYY-MM-DD.'),
  sort: z.enum(['relevance', 'date'], { message: 'must be relevance or date' }).optional().describe('relevance (default with a query) or date (default without).'),
  page: WHOLE('Page number, from 1.', 1, MAX_RESULT_WINDOW).default(1),
  size: WHOLE('Hits per page, 1–100.', 1, 100).default(20),
})

/** Parameters of /api/export. */
export const EXPORT_PARAMS = SEARCH_PARAMS.omit({ page: true, size: true }).extend({
  format: z.enum(['csv', 'jsonl'], { message: 'must be csv or jsonl' }).default('jsonl').describe('csv or jsonl (JSON Lines).'),
})

/** Parameters of /api/suggest. */
export const SUGGEST_PARAMS = z.object({
  q: z.string().max(500, 'must be at most 500 characters').default('').describe('The query being typed; its last word is completed.'),
  size: WHOLE('Suggestions wanted, 1–20.', 1, 20).default(8),
})

/** Parameters of /api/articles. */
export const ARTICLES_PARAMS = z.object({
  id: valueList(100)
    .default([])
    .describe('Article ids, repeatable: only those articles (unknown ids are left out). None: every article.'),
})

/** Parameters of /api/articles/:id. */
export const ARTICLE_PARAMS = z.object({
  q: z.string().max(500, 'must be at most 500 characters').default('').describe('A query whose words (with their typo corrections, completions and entity aliases) are marked in each paragraph\'s highlight.'),
})

/** Names of the parameters that may be repeated. */
const REPEATABLE = new Set(['outlet', 'actor', 'region', 'id'])

/** A parameter that breaks a rule. */
export interface ParameterProblem {
  parameter: string
  rule: string
}

/** Validates URL parameters against a schema: repeatable ones as lists, the others given at most once. */
export function parseParams<T extends z.ZodType>(schema: T, params: URLSearchParams): { ok: true; value: z.output<T> } | { ok: false; problem: ParameterProblem } {
  const raw: Record<string, string | string[]> = {}
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key)
    if (REPEATABLE.has(key)) raw[key] = all
    else if (all.length > 1) return { ok: false, problem: { parameter: key, rule: 'must be given at most once' } }
    else raw[key] = all[0]!
  }
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]!
  return { ok: false, problem: { parameter: String(issue.path[0] ?? '(query)'), rule: issue.message } }
}
