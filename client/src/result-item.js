// @ts-check
// One hit: highlighted paragraph, article title, outlet, date, section, clickable actor and region tags, and who else reported the same statement.
import { formatDate, formatOutlet } from './format.js'
import { html } from './lib/preact.js'

/**
 * The outlets of a hit's near-duplicates in other articles.
 * @param {string[]} duplicates paragraph ids
 * @param {Map<string, any>} articles
 * @returns {string[]}
 */
export function alsoReportedBy(duplicates, articles) {
  const names = new Set()
  for (const id of duplicates) {
    const a = articles.get(id.slice(0, id.lastIndexOf(':')))
    names.add(a ? (a.originalOutlet ?? a.outlet ?? 'an unknown outlet') : 'another article')
  }
  return [...names]
}

/**
 * @param {{ hit: any, articles: Map<string, any>, onOpen: () => void, onTag: (key: 'actor' | 'region', value: string) => void }} props
 */
export default function ResultItem({ hit, articles, onOpen, onTag }) {
  const others = alsoReportedBy(hit.duplicates, articles)
  return html`
    <li class="hit" tabindex="0" aria-label=${`${hit.article.title ?? 'Title unknown'}, paragraph ${hit.position + 1}`}>
      <p class="hit-meta">
        <a
          class="hit-title"
          href=${`/article/${encodeURIComponent(hit.article.id)}?p=${hit.position}`}
          tabindex="-1"
          onClick=${(/** @type {MouseEvent} */ e) => {
            if (e.ctrlKey || e.metaKey || e.shiftKey) return
            e.preventDefault()
            onOpen()
          }}
        >${hit.article.title ?? html`<em>Title unknown</em>`}</a>
        <span class="outlet">${formatOutlet(hit.article)}</span>
        <span class=${hit.article.date ? 'date' : 'date unknown'}>${formatDate(hit.article.date)}</span>
        ${hit.section && html`<span class="section">§ ${hit.section}</span>`}
      </p>
      <p class="hit-text" dangerouslySetInnerHTML=${{ __html: hit.highlight }}></p>
      ${(hit.actors.length > 0 || hit.regions.length > 0) &&
      html`<ul class="tags" aria-label="Mentioned">
        ${hit.actors.map(
          (/** @type {{ name: string, type: string | null }} */ a) =>
            html`<li key=${`a:${a.name}`}><button type="button" class=${`tag actor ${a.type ?? ''}`} title=${`Filter by ${a.type ?? 'actor'} ${a.name}`} onClick=${() => onTag('actor', a.name)}>${a.name}</button></li>`,
        )}
        ${hit.regions.map(
          (/** @type {{ name: string }} */ r) =>
            html`<li key=${`r:${r.name}`}><button type="button" class="tag region" title=${`Filter by region ${r.name}`} onClick=${() => onTag('region', r.name)}>${r.name}</button></li>`,
        )}
      </ul>`}
      ${others.length > 0 && html`<p class="also">Also reported by ${others.join(', ')}</p>`}
    </li>
  `
}
