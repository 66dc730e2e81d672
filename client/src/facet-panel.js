// @ts-check
// A facet as a list of checkboxes labelled with value and count; long lists get a filter box and "show more"; actors can be grouped by type.
import { outletLabel, plural } from './format.js'
import { html, useState } from './lib/preact.js'

/** Values shown before "show more". */
export const SHOWN = 8
const TYPE_LABELS = /** @type {Record<string, string>} */ ({ person: 'People', state: 'States', organisation: 'Organisations', other: 'Other' })

/**
 * @typedef {{ value: string, count: number, type?: string | null }} FacetValue
 * @param {{ title: string, name: string, values: FacetValue[], selected: string[], onToggle: (value: string) => void, groupByType?: boolean }} props
 */
export default function FacetPanel({ title, name, values, selected, onToggle, groupByType = false }) {
  const [filter, setFilter] = useState('')
  const [expanded, setExpanded] = useState(false)
  const needle = filter.trim().toLowerCase()
  const matching = values.filter((v) => !needle || v.value.toLowerCase().includes(needle))
  const visible = expanded || needle ? matching : matching.filter((v, i) => i < SHOWN || selected.includes(v.value))
  const label = (/** @type {string} */ v) => (name === 'outlet' ? outletLabel(v) : v)
  const item = (/** @type {FacetValue} */ v) => html`
    <li key=${v.value}>
      <label class=${v.count === 0 ? 'facet-value zero' : 'facet-value'}>
        <input type="checkbox" name=${name} value=${v.value} checked=${selected.includes(v.value)} onChange=${() => onToggle(v.value)} />
        <span class="facet-name">${label(v.value)}</span>
        <span class="count" aria-label=${plural(v.count, 'paragraph')}>${v.count.toLocaleString('en')}</span>
      </label>
    </li>`
  /** @type {Map<string, FacetValue[]>} */
  const groups = new Map()
  if (groupByType) for (const v of visible) groups.set(v.type ?? 'other', [...(groups.get(v.type ?? 'other') ?? []), v])
  return html`
    <fieldset class="facet">
      <legend>${title}</legend>
      ${values.length > SHOWN &&
      html`<input class="facet-filter" type="search" aria-label=${`Filter ${title.toLowerCase()} values`} placeholder=${`Filter ${title.toLowerCase()}…`} value=${filter} onInput=${(/** @type {InputEvent} */ e) => setFilter(/** @type {HTMLInputElement} */ (e.currentTarget).value)} />`}
      ${values.length === 0 && html`<p class="none">None in these results.</p>`}
      ${groupByType
        ? ['person', 'state', 'organisation', 'other'].filter((t) => groups.has(t)).map(
            (t) => html`<div class="facet-group" key=${t}>
              <h3>${TYPE_LABELS[t]}</h3>
              <ul>${(groups.get(t) ?? []).map(item)}</ul>
            </div>`,
          )
        : html`<ul>${visible.map(item)}</ul>`}
      ${!needle && matching.length > SHOWN &&
      html`<button type="button" class="more" aria-expanded=${expanded ? 'true' : 'false'} onClick=${() => setExpanded(!expanded)}>
        ${expanded ? 'Show fewer' : `Show all ${matching.length}`}
      </button>`}
    </fieldset>
  `
}
