// @ts-check
// The page: routes between the search view and the article reader, keeping the whole state in the URL.
import ArticleReader from './article-reader.js'
import { html, useCallback, useEffect, useState } from './lib/preact.js'
import SearchView from './search-view.js'
import { parseRoute, routeUrl } from './url-state.js'

/** @typedef {import('./url-state.js').Route} Route */

export default function App() {
  const [route, setRoute] = useState(/** @type {Route} */ (parseRoute(window.location)))

  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location))
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])

  /** Goes to a route; `replace` while typing so Back skips keystrokes. */
  const navigate = useCallback((/** @type {Route} */ next, /** @type {{ replace?: boolean }} */ options = {}) => {
    const url = routeUrl(next)
    if (url !== window.location.pathname + window.location.search) {
      if (options.replace) window.history.replaceState(null, '', url)
      else window.history.pushState(null, '', url)
    }
    setRoute(next)
  }, [])

  return html`
    <header class="masthead">
      <a class="brand" href="/" onClick=${(/** @type {MouseEvent} */ e) => {
        e.preventDefault()
        navigate({ view: 'search', state: { ...route.state, q: '', outlet: [], actor: [], region: [], from: '', to: '', sort: '', page: 1 } })
      }}>Readout</a>
      <span class="tagline">Search news paragraphs by outlet, actor and region</span>
    </header>
    ${route.view === 'article'
      ? html`<${ArticleReader} route=${route} navigate=${navigate} />`
      : html`<${SearchView} state=${route.state} navigate=${navigate} />`}
  `
}
