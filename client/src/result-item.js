// @ts-check
// One hit: highlighted paragraph, article title, outlet, date, section (or only its paragraph number inside an article group), clickable actor and region tags, and who else reported the same statement.
import ArticleLink from './article-link.js'
import { formatDate, formatOutlet } from './format.js'
import { html } from './lib/preact.js'

/**
 * The outlets of a hit's near-duplicates in other articles. An article the server does not know
 * (null in the map) reads "another article"; one not fetched yet (absent) is left out for now.
 * @param {string[]} duplicates paragraph ids
 * @param {Map<string, any>} articles
 * @returns {string[]}
 */
export function alsoReportedBy(duplicates, articles) {
  const names = new Set()
  for (const id of duplicates) {
    const articleId = id.slice(0, id.lastIndexOf(':'))
    if (!articles.has(articleId)) continue
    const a = articles.get(articleId)
    names.add(a ? (a.originalOutlet ?? a.outlet ?? 'an unknown outlet') : 'another article')
  }
  return [...names]
}

/**
 * @param {{ hit: any, articles: Map<string, any>, onOpen: () => void, onTag: (key: 'actor' | 'region', value: string) => void, grouped?: boolean }} props
 */
export default function ResultItem({ hit, articles, onOpen, onTag, grouped = false }) {
  const others = alsoReportedBy(hit.duplicates, articles)
  const link = (/** @type {any} */ label) =>
    html`<${ArticleLink} className=${grouped ? 'para-link' : 'hit-title'} articleId=${hit.article.id} position=${hit.position} onOpen=${onOpen}>${label}<//>`
  return html`
    <li class="hit" tabindex="0" data-id=${hit.id} aria-label=${`${hit.article.title ?? 'Title unknown'}, paragraph ${hit.position + 1}`}>
      ${grouped
        ? html`<p class="hit-meta">${link(`Paragraph ${hit.position + 1}`)}${hit.section && html`<span class="section">§ ${hit.section}</span>`}</p>`
        : html`<p class="hit-meta">
        ${link(hit.article.title ?? html`<em>Title unknown</em>`)}
        <span class="outlet">${formatOutlet(hit.article)}</span>
        <span class=${hit.article.date ? 'date' : 'date unknown'}>${formatDate(hit.article.date)}</span>
        ${hit.section && html`<span class="section">§ ${hit.section}</span>`}
      </p>`}
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
