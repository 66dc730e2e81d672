// The OpenAPI 3 document, generated from the same zod schemas that validate the requests.
import { z } from 'zod'
import { ARTICLES_PARAMS, ARTICLE_PARAMS, EXPORT_PARAMS, MAX_EXPORT_HITS, SEARCH_PARAMS, SUGGEST_PARAMS } from './schemas'

type Parameter = { name: string; in: 'query' | 'path'; required: boolean; description?: string; schema: unknown; explode?: boolean }

/** Query parameters of an object schema, each with its JSON Schema (request side). */
function queryParameters(schema: z.ZodObject): Parameter[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
    const { description, ...rest } = json
    delete rest.$schema
    return { name, in: 'query', required: false, ...(typeof description === 'string' ? { description } : {}), schema: rest, ...(rest.type === 'array' ? { explode: true } : {}) }
  })
}

const problem = { description: 'Invalid parameter (application/problem+json naming the parameter and the rule).' }
const json = (description: string) => ({ description, content: { 'application/json': {} } })

/** Builds the document. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Readout search API', version: '1.0.0', description: 'Full-text, faceted search over cleaned news article paragraphs.' },
    paths: {
      '/api/search': { get: { summary: 'Search paragraphs', parameters: queryParameters(SEARCH_PARAMS), responses: { 200: json('Hits, facets and timeline.'), 400: problem } } },
      '/api/suggest': { get: { summary: 'Complete the word being typed', parameters: queryParameters(SUGGEST_PARAMS), responses: { 200: json('Suggestions.'), 400: problem } } },
      '/api/export': {
        get: {
          summary: `Every hit of a search (at most ${MAX_EXPORT_HITS}) as CSV or JSON Lines`,
          parameters: queryParameters(EXPORT_PARAMS),
          responses: { 200: { description: 'text/csv or application/x-ndjson' }, 400: problem },
        },
      },
      '/api/facets': { get: { summary: 'Every facet value with its count over the corpus', responses: { 200: json('Facets.') } } },
      '/api/articles': { get: { summary: 'Article metadata: all articles, or those named by id', parameters: queryParameters(ARTICLES_PARAMS), responses: { 200: json('Articles.'), 400: problem } } },
      '/api/articles/{id}': {
        get: {
          summary: 'One clean article with its paragraphs',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...queryParameters(ARTICLE_PARAMS)],
          responses: { 200: json('The article.'), 404: { description: 'No such article.' } },
        },
      },
      '/api/status': { get: { summary: 'Index and reload status', responses: { 200: json('Status.') } } },
      '/healthz': { get: { summary: '200 once an index is loaded', responses: { 200: json('Healthy.'), 503: { description: 'No index loaded yet.' } } } },
    },
  }
}
