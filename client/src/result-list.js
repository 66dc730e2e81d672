// @ts-check
// The list of hits, grouped by article ("3 paragraphs in this article"): arrow keys move between hits, Enter opens the article at the focused one.
import ArticleLink from './article-link.js'
import { formatDate, formatOutlet } from './format.js'
import { groupHits } from './group-hits.js'
import { html, useRef } from './lib/preact.js'
import ResultItem from './result-item.js'

/**
 * @param {{ hits: any[], articles: Map<string, any>, state: import('./url-state.js').SearchState, navigate: (route: import('./url-state.js').Route) => void, onTag: (key: 'actor' | 'region', value: string) => void }} props
 */
export default function ResultList({ hits, articles, state, navigate, onTag }) {
  const list = useRef(/** @type {HTMLOListElement | null} */ (null))
  const open = (/** @type {any} */ hit) => navigate({ view: 'article', id: hit.article.id, position: hit.position, state })
  const onKeyDown = (/** @type {KeyboardEvent} */ e) => {
    const items = /** @type {HTMLElement[]} */ ([...(list.current?.querySelectorAll('.hit') ?? [])])
    const current = items.indexOf(/** @type {HTMLElement} */ (document.activeElement))
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const next = e.key === 'ArrowDown' ? Math.min(items.length - 1, current + 1) : Math.max(0, current - 1)
      items[next]?.focus()
    } else if (e.key === 'Enter' && current >= 0) {
      e.preventDefault()
      const hit = hits.find((h) => h.id === items[current]?.dataset.id)
      if (hit) open(hit)
    }
  }
  return html`
    <ol class="hits" ref=${list} onKeyDown=${onKeyDown}>
      ${groupHits(hits).map((group) =>
        group.hits.length === 1
          ? html`<${ResultItem} key=${group.articleId} hit=${group.hits[0]} articles=${articles} onOpen=${() => open(group.hits[0])} onTag=${onTag} />`
          : html`<li class="hit-group" key=${group.articleId}>
              <p class="hit-meta">
                <${ArticleLink} className="hit-title" articleId=${group.articleId} position=${group.hits[0].position} onOpen=${() => open(group.hits[0])}>
                  ${group.hits[0].article.title ?? html`<em>Title unknown</em>`}
                <//>
                <span class="outlet">${formatOutlet(group.hits[0].article)}</span>
                <span class=${group.hits[0].article.date ? 'date' : 'date unknown'}>${formatDate(group.hits[0].article.date)}</span>
                <span class="group-count">${group.hits.length} paragraphs in this article</span>
              </p>
              <ol class="group-hits">
                ${group.hits.map((hit) => html`<${ResultItem} key=${hit.id} hit=${hit} articles=${articles} onOpen=${() => open(hit)} onTag=${onTag} grouped=${true} />`)}
              </ol>
            </li>`,
      )}
    </ol>
  `
}
