// @ts-check
// The article reader: the whole clean article with its metadata and sections, the hit paragraph highlighted and scrolled into view, the query's matches marked.
import { getJson } from './api.js'
import { formatDate, formatOutlet } from './format.js'
import { html, useEffect, useRef, useState } from './lib/preact.js'
import { markText, queryWords } from './mark-text.js'

/**
 * @param {{ route: Extract<import('./url-state.js').Route, { view: 'article' }>, navigate: (route: import('./url-state.js').Route) => void }} props
 */
export default function ArticleReader({ route, navigate }) {
  const [data, setData] = useState(/** @type {any} */ (null))
  const [error, setError] = useState(/** @type {string | null} */ (null))
  const [attempt, setAttempt] = useState(0)
  const hitRef = useRef(/** @type {HTMLElement | null} */ (null))
  const words = queryWords(route.state.q)

  useEffect(() => {
    const controller = new AbortController()
    setError(null)
    getJson(`/api/articles/${encodeURIComponent(route.id)}?q=${encodeURIComponent(route.state.q)}`, controller.signal)
      .then(setData)
      .catch((/** @type {any} */ err) => {
        if (err.name !== 'AbortError') setError(err.status === 404 ? 'There is no article with this address.' : err.message)
      })
    return () => controller.abort()
  }, [route.id, attempt])

  useEffect(() => {
    if (data && hitRef.current) {
      hitRef.current.scrollIntoView({ block: 'center' })
      hitRef.current.focus({ preventScroll: true })
    }
  }, [data, route.position])

  const back = () => navigate({ view: 'search', state: route.state })
  const article = data?.article
  let lastSection = /** @type {string | null} */ (null)
  return html`
    <main class="reader">
      <p><a class="back" href="/" onClick=${(/** @type {MouseEvent} */ e) => {
        e.preventDefault()
        back()
      }}>← Back to results</a></p>
      ${error && html`<div class="notice error" role="alert"><p>${error}</p><button type="button" onClick=${() => setAttempt((n) => n + 1)}>Try again</button></div>`}
      ${!data && !error && html`<p role="status">Loading the article…</p>`}
      ${article &&
      html`<article aria-labelledby="article-title">
        <h1 id="article-title">${article.title ?? html`<em>Title unknown</em>`}</h1>
        <p class="article-meta">
          <span class="outlet">${formatOutlet(article)}</span>
          <span class=${article.date ? 'date' : 'date unknown'}>${formatDate(article.date)}</span>
          ${article.url && html`<span class="url">Found at ${article.url}</span>`}
        </p>
        ${article.note && html`<p class="note">Note: ${article.note}</p>`}
        ${data.paragraphs.map((/** @type {any} */ p) => {
          const heading = p.section !== lastSection && p.section ? html`<h2 key=${`s:${p.id}`}>${p.section}</h2>` : null
          lastSection = p.section
          const isHit = p.position === route.position
          const attrs = { id: `p-${p.position}`, class: isHit ? 'para hit-para' : 'para', tabindex: isHit ? -1 : undefined, ref: isHit ? hitRef : undefined }
          // The server's highlight is the escaped text with <mark> only; without one, mark the query words as DOM nodes.
          return typeof p.highlight === 'string'
            ? html`${heading}<p key=${p.id} ...${attrs} dangerouslySetInnerHTML=${{ __html: p.highlight }}></p>`
            : html`${heading}<p key=${p.id} ...${attrs}>${markText(p.text, words).map((piece) => (piece.mark ? html`<mark>${piece.text}</mark>` : piece.text))}</p>`
        })}
      </article>`}
    </main>
  `
}
