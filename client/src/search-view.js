// @ts-check
// The search page: box, result count, filters (chips, facets, date chart), results and paging, with empty, loading and error states.
import DateChart from './date-chart.js'
import FacetPanel from './facet-panel.js'
import FilterChips, { activeFilters } from './filter-chips.js'
import { plural } from './format.js'
import { html } from './lib/preact.js'
import RegionTree from './region-tree.js'
import ResultList from './result-list.js'
import SearchBox from './search-box.js'
import { PAGE_SIZE, useArticles, useSearch } from './use-search.js'

/** @typedef {import('./url-state.js').SearchState} SearchState */

/** Filters start open on wide screens and folded on phones, where results come first. */
const WIDE = typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 761px)').matches

/**
 * @param {{ state: SearchState, navigate: (route: import('./url-state.js').Route, options?: { replace?: boolean }) => void }} props
 */
export default function SearchView({ state, navigate }) {
  const { answer, loading, error, retry } = useSearch(state)
  const articles = useArticles(answer)
  /** Applies a change to the state (back to page 1 unless the page itself changes). */
  const update = (/** @type {Partial<SearchState>} */ change, replace = false) =>
    navigate({ view: 'search', state: { ...state, page: 1, ...change } }, { replace })
  const toggle = (/** @type {'outlet' | 'actor' | 'region'} */ key, /** @type {string} */ value) => {
    const list = state[key]
    update({ [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] })
  }
  const total = answer?.total ?? 0
  const pages = Math.max(1, Math.ceil(Math.min(total, 10_000) / PAGE_SIZE))
  const filters = activeFilters(state)
  const lastFilter = filters[filters.length - 1]

  return html`
    <main class="search-layout">
      <div class="search-top">
        <${SearchBox} value=${state.q} onChange=${(/** @type {string} */ q) => update({ q }, true)} onSubmit=${(/** @type {string} */ q) => update({ q })} />
        <p class="status" role="status" aria-live="polite">
          ${error ? '' : answer ? `${plural(total, 'paragraph')} ${state.q ? 'found' : 'in view'}${loading ? ' · updating…' : ''}` : 'Loading…'}
        </p>
        <${FilterChips} state=${state} update=${update} />
      </div>
      <aside class="facets" aria-label="Filters">
        <details class="facets-toggle" open=${WIDE}>
          <summary>Filters</summary>
          ${answer &&
          html`
            <${DateChart} timeline=${answer.timeline} from=${state.from} to=${state.to} onRange=${(/** @type {string} */ from, /** @type {string} */ to) => update({ from, to })} />
            <${FacetPanel} title="Outlet" name="outlet" values=${answer.facets.outlet} selected=${state.outlet} onToggle=${(/** @type {string} */ v) => toggle('outlet', v)} />
            <${FacetPanel} title="Actor" name="actor" values=${answer.facets.actor} selected=${state.actor} onToggle=${(/** @type {string} */ v) => toggle('actor', v)} groupByType=${true} />
            <${RegionTree} values=${answer.facets.region} selected=${state.region} onToggle=${(/** @type {string} */ v) => toggle('region', v)} />
          `}
        </details>
      </aside>
      <section class="results" aria-label="Results" aria-busy=${loading ? 'true' : 'false'}>
        ${error &&
        html`<div class="notice error" role="alert">
          <p>Search failed. ${error}</p>
          <p>Retrying shortly; you can keep changing the search meanwhile.</p>
          <button type="button" onClick=${retry}>Retry now</button>
        </div>`}
        ${answer && total === 0 && !loading &&
        html`<div class="notice empty">
          <p>No paragraphs match${state.q ? html` <strong>${state.q}</strong>` : ''}${filters.length ? ' with these filters' : ''}.</p>
          ${lastFilter && html`<button type="button" onClick=${() => update(lastFilter.remove)}>Drop the last filter (${lastFilter.label})</button>`}
        </div>`}
        ${answer && total > 0 &&
        html`
          <${ResultList} hits=${answer.hits} articles=${articles} state=${state} navigate=${navigate} onTag=${(/** @type {'actor' | 'region'} */ key, /** @type {string} */ value) => !state[key].includes(value) && toggle(key, value)} />
          ${pages > 1 &&
          html`<nav class="pager" aria-label="Pages">
            <button type="button" disabled=${state.page <= 1} onClick=${() => update({ page: state.page - 1 })}>← Previous</button>
            <span>Page ${state.page} of ${pages}</span>
            <button type="button" disabled=${state.page >= pages} onClick=${() => update({ page: state.page + 1 })}>Next →</button>
          </nav>`}
        `}
      </section>
    </main>
  `
}
