// The Hono app: the JSON API over the index being served, and the page's files. No I/O beyond reading the page's static files.
import { join } from 'node:path'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { cors } from 'hono/cors'
import { secureHeaders } from 'hono/secure-headers'
import type { LoadedIndex } from '../index-build/index-file'
import type { ParallelCounter } from './count-hits'
import { sharedCountHelper } from './count-helper'
import { openApiDocument } from './openapi'
import { problem } from './problem'
import { articles } from './routes/articles'
import { exportHits } from './routes/export'
import { facets } from './routes/facets'
import type { IndexEnv } from './routes/index-env'
import { search } from './routes/search'
import { fileCache, inlineScriptHashes, staticFiles } from './routes/static'
import { suggest } from './routes/suggest'

const PROJECT_ROOT = join(import.meta.dirname, '..')

/** What the app needs from its host. */
export interface AppDeps {
  /** The index currently served; the entry swaps it on reindex, so it is read per request. null while none is loaded. */
  getIndex: () => LoadedIndex | null
  /** Extra facts for /healthz and /api/status (index version, build time, last reload error…). */
  getStatus?: () => Record<string, unknown>
  /** Folder of the page's static files. Default: <project>/client. */
  clientDir?: string
  /** node_modules folder Preact and htm are served from. Default: <project>/node_modules. */
  nodeModulesDir?: string
  /** Origin allowed by CORS; no CORS headers when unset. */
  corsOrigin?: string
  /** Counts large hit lists on a second thread too. Default: the process's shared helper (see count-helper.ts); null counts on the request's thread alone. */
  countHelper?: ParallelCounter | null
}

/** Builds the app. */
export function createApp(deps: AppDeps): Hono {
  const clientDir = deps.clientDir ?? join(PROJECT_ROOT, 'client')
  const nodeModulesDir = deps.nodeModulesDir ?? join(PROJECT_ROOT, 'node_modules')
  const readFile = fileCache()
  const scriptSources = (): string[] => {
    const page = readFile(join(clientDir, 'index.html'))
    return ["'self'", ...(page ? inlineScriptHashes(new TextDecoder().decode(page.body)) : [])]
  }
  const status = () => {
    const index = deps.getIndex()
    return { status: index ? 'ok' : 'loading', documents: index?.terms.documentCount ?? 0, articles: index?.articles.length ?? 0, ...deps.getStatus?.() }
  }

  const countHelper = deps.countHelper === undefined ? sharedCountHelper() : deps.countHelper
  const api = new Hono<IndexEnv>()
  api.use(async (c, next) => {
    const index = deps.getIndex()
    if (!index) {
      c.header('Retry-After', '5')
      return problem(c, 503, 'Service Unavailable', 'the index is still loading')
    }
    c.set('index', index)
    c.set('countHelper', countHelper)
    await next()
  })
  api.route('/search', search)
  api.route('/suggest', suggest)
  api.route('/articles', articles)
  api.route('/facets', facets)
  api.route('/export', exportHits)
  api.get('/status', (c) => c.json(status()))

  const app = new Hono()
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: scriptSources(),
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
    }),
  )
  if (deps.corsOrigin) app.use('/api/*', cors({ origin: deps.corsOrigin }))
  app.use(compress())
  app.get('/healthz', (c) => c.json(status(), deps.getIndex() ? 200 : 503))
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()))
  app.route('/api', api)
  app.route('/', staticFiles(clientDir, nodeModulesDir))
  app.notFound((c) => problem(c, 404, 'Not Found', `no route for ${c.req.method} ${c.req.path}`))
  app.onError((err, c) => {
    console.error(`server: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`)
    return problem(c, 500, 'Internal Server Error', 'the server failed to answer; the error was logged')
  })
  return app
}
