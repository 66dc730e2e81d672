// @ts-check
// The list of hits: arrow keys move between them, Enter opens the article.
import { html, useRef } from './lib/preact.js'
import ResultItem from './result-item.js'

/**
 * @param {{ hits: any[], articles: Map<string, any>, state: import('./url-state.js').SearchState, navigate: (route: import('./url-state.js').Route) => void, onTag: (key: 'actor' | 'region', value: string) => void }} props
 */
export default function ResultList({ hits, articles, state, navigate, onTag }) {
  const list = useRef(/** @type {HTMLOListElement | null} */ (null))
  const open = (/** @type {any} */ hit) => navigate({ view: 'article', id: hit.article.id, position: hit.position, state })
  const onKeyDown = (/** @type {KeyboardEvent} */ e) => {
    const items = [...(list.current?.querySelectorAll('.hit') ?? [])]
    const current = items.indexOf(/** @type {Element} */ (document.activeElement))
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const next = e.key === 'ArrowDown' ? Math.min(items.length - 1, current + 1) : Math.max(0, current - 1)
      const target = /** @type {HTMLElement | undefined} */ (items[next])
      target?.focus()
    } else if (e.key === 'Enter' && current >= 0) {
      e.preventDefault()
      open(hits[current])
    }
  }
  return html`
    <ol class="hits" ref=${list} onKeyDown=${onKeyDown} start=${(state.page - 1) * 20 + 1}>
      ${hits.map((hit) => html`<${ResultItem} key=${hit.id} hit=${hit} articles=${articles} onOpen=${() => open(hit)} onTag=${onTag} />`)}
    </ol>
  `
}
