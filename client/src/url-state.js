// @ts-check
// The whole search state lives in the URL: parsing and serialising it (a pure round trip), and the route (search page or article reader).

/**
 * @typedef {object} SearchState
 * @property {string} q Query text.
 * @property {string[]} outlet Selected outlets (any of them).
 * @property {string[]} actor Selected actors (all of them).
 * @property {string[]} region Selected regions (all of them).
 * @property {string} from Earliest date, YYYY-MM-DD, or ''.
 * @property {string} to Latest date, YYYY-MM-DD, or ''.
 * @property {string} sort 'relevance', 'date' or '' (the server's default).
 * @property {number} page Page number from 1.
 */

/** @typedef {{ view: 'search', state: SearchState } | { view: 'article', id: string, position: number | null, state: SearchState }} Route */

/** @type {(keyof SearchState)[]} */
const LISTS = ['outlet', 'actor', 'region']

/** @returns {SearchState} */
export function emptyState() {
  return { q: '', outlet: [], actor: [], region: [], from: '', to: '', sort: '', page: 1 }
}

/**
 * Reads the search state from URL parameters.
 * @param {URLSearchParams} params
 * @returns {SearchState}
 */
export function parseState(params) {
  const page = Number(params.get('page'))
  const date = (/** @type {string} */ name) => (/^\d{4}-\d{2}-\d{2}$/.test(params.get(name) ?? '') ? /** @type {string} */ (params.get(name)) : '')
  const sort = params.get('sort')
  return {
    q: params.get('q') ?? '',
    outlet: unique(params.getAll('outlet')),
    actor: unique(params.getAll('actor')),
    region: unique(params.getAll('region')),
    from: date('from'),
    to: date('to'),
    sort: sort === 'relevance' || sort === 'date' ? sort : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  }
}

/**
 * Writes the search state as URL parameters, leaving defaults out.
 * @param {SearchState} state
 * @returns {URLSearchParams}
 */
export function serialiseState(state) {
  const params = new URLSearchParams()
  if (state.q) params.set('q', state.q)
  for (const key of LISTS) for (const v of /** @type {string[]} */ (state[key])) params.append(key, v)
  if (state.from) params.set('from', state.from)
  if (state.to) params.set('to', state.to)
  if (state.sort) params.set('sort', state.sort)
  if (state.page > 1) params.set('page', String(state.page))
  return params
}

/**
 * @param {string[]} values
 * @returns {string[]}
 */
function unique(values) {
  return [...new Set(values.filter((v) => v !== ''))]
}

/**
 * The route of a location: `/article/<id>?p=<position>&…` or the search page.
 * @param {{ pathname: string, search: string }} location
 * @returns {Route}
 */
export function parseRoute(location) {
  const params = new URLSearchParams(location.search)
  const state = parseState(params)
  const m = /^\/article\/([^/]+)\/?$/.exec(location.pathname)
  if (m) {
    let id = m[1] ?? ''
    try {
      id = decodeURIComponent(id)
    } catch {}
    const p = Number(params.get('p'))
    return { view: 'article', id, position: params.has('p') && Number.isInteger(p) && p >= 0 ? p : null, state }
  }
  return { view: 'search', state }
}

/**
 * The URL of a route.
 * @param {Route} route
 * @returns {string}
 */
export function routeUrl(route) {
  const params = serialiseState(route.state)
  if (route.view === 'article') {
    if (route.position !== null) params.set('p', String(route.position))
    const qs = params.toString()
    return `/article/${encodeURIComponent(route.id)}${qs ? `?${qs}` : ''}`
  }
  const qs = params.toString()
  return qs ? `/?${qs}` : '/'
}

/**
 * The search parameters sent to the API for a state.
 * @param {SearchState} state
 * @param {number} size
 * @returns {string}
 */
export function apiQuery(state, size) {
  const params = serialiseState(state)
  params.set('size', String(size))
  return params.toString()
}
