// @ts-check
// Selected filters as removable chips, with "Clear all".
import { formatDate, outletLabel } from './format.js'
import { html } from './lib/preact.js'

/** @typedef {import('./url-state.js').SearchState} SearchState */

/**
 * Every active filter in the order the URL lists them, with the change that removes it.
 * @param {SearchState} state
 * @returns {{ key: string, label: string, remove: Partial<SearchState> }[]}
 */
export function activeFilters(state) {
  /** @type {{ key: string, label: string, remove: Partial<SearchState> }[]} */
  const out = []
  for (const key of /** @type {const} */ (['outlet', 'actor', 'region'])) {
    for (const value of state[key]) {
      out.push({ key: `${key}:${value}`, label: key === 'outlet' ? outletLabel(value) : value, remove: { [key]: state[key].filter((v) => v !== value) } })
    }
  }
  if (state.from || state.to) out.push({ key: 'dates', label: `${state.from ? formatDate(state.from) : '…'} – ${state.to ? formatDate(state.to) : '…'}`, remove: { from: '', to: '' } })
  return out
}

/**
 * @param {{ state: SearchState, update: (change: Partial<SearchState>) => void }} props
 */
export default function FilterChips({ state, update }) {
  const filters = activeFilters(state)
  if (filters.length === 0) return null
  return html`
    <ul class="chips" aria-label="Active filters">
      ${filters.map(
        (f) => html`<li key=${f.key}>
          <button type="button" class="chip" onClick=${() => update(f.remove)} aria-label=${`Remove filter ${f.label}`}>${f.label} <span aria-hidden="true">×</span></button>
        </li>`,
      )}
      <li><button type="button" class="chip clear" onClick=${() => update({ outlet: [], actor: [], region: [], from: '', to: '' })}>Clear all</button></li>
    </ul>
  `
}
