// @ts-check
// The region facet as a tree following region parents: a broader region's count includes the places inside it.
import { html, useState } from './lib/preact.js'

/**
 * @typedef {{ value: string, count: number, parent: string | null }} RegionValue
 * @typedef {{ value: RegionValue, children: RegionNode[] }} RegionNode
 */

/**
 * Nests the values under their parents; a value whose parent is not listed is a root. Siblings by count, then name.
 * @param {RegionValue[]} values
 * @returns {RegionNode[]}
 */
export function regionTree(values) {
  /** @type {Map<string, RegionNode>} */
  const nodes = new Map(values.map((v) => [v.value, { value: v, children: [] }]))
  /** @type {RegionNode[]} */
  const roots = []
  for (const node of nodes.values()) {
    const parent = node.value.parent ? nodes.get(node.value.parent) : undefined
    if (parent && parent !== node) parent.children.push(node)
    else roots.push(node)
  }
  const order = (/** @type {RegionNode[]} */ list) => {
    list.sort((a, b) => b.value.count - a.value.count || a.value.value.localeCompare(b.value.value))
    for (const n of list) order(n.children)
    return list
  }
  return order(roots)
}

/**
 * @param {{ values: RegionValue[], selected: string[], onToggle: (value: string) => void }} props
 */
export default function RegionTree({ values, selected, onToggle }) {
  const [filter, setFilter] = useState('')
  const needle = filter.trim().toLowerCase()
  const tree = regionTree(values)
  const matches = (/** @type {RegionNode} */ n) => !needle || n.value.value.toLowerCase().includes(needle) || n.children.some(matches)
  /** @type {(nodes: RegionNode[]) => any} */
  const render = (nodes) => html`
    <ul>
      ${nodes.filter(matches).map(
        (n) => html`<li key=${n.value.value}>
          <label class=${n.value.count === 0 ? 'facet-value zero' : 'facet-value'}>
            <input type="checkbox" name="region" value=${n.value.value} checked=${selected.includes(n.value.value)} onChange=${() => onToggle(n.value.value)} />
            <span class="facet-name">${n.value.value}</span>
            <span class="count">${n.value.count.toLocaleString('en')}</span>
          </label>
          ${n.children.length > 0 && render(n.children)}
        </li>`,
      )}
    </ul>`
  return html`
    <fieldset class="facet region-tree">
      <legend>Region</legend>
      ${values.length > 8 &&
      html`<input class="facet-filter" type="search" aria-label="Filter region values" placeholder="Filter regions…" value=${filter} onInput=${(/** @type {InputEvent} */ e) => setFilter(/** @type {HTMLInputElement} */ (e.currentTarget).value)} />`}
      ${values.length === 0 ? html`<p class="none">None in these results.</p>` : render(tree)}
    </fieldset>
  `
}
