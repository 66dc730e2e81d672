// @ts-check
// A small bar chart of hits over publication date; clicking a bar sets the date range; undated hits are counted apart.
import { formatDate, plural } from './format.js'
import { html } from './lib/preact.js'

/**
 * The first and last day a bucket covers.
 * @param {string} bucket YYYY-MM-DD or YYYY-MM
 * @returns {[string, string]}
 */
export function bucketRange(bucket) {
  if (bucket.length === 10) return [bucket, bucket]
  const [y, m] = bucket.split('-').map(Number)
  const last = new Date(Date.UTC(/** @type {number} */ (y), /** @type {number} */ (m), 0)).getUTCDate()
  return [`${bucket}-01`, `${bucket}-${String(last).padStart(2, '0')}`]
}

/**
 * @param {{ timeline: { buckets: { date: string, count: number }[], unit: string, undated: number }, from: string, to: string, onRange: (from: string, to: string) => void }} props
 */
export default function DateChart({ timeline, from, to, onRange }) {
  const { buckets, undated } = timeline
  if (buckets.length === 0 && undated === 0) return null
  const max = Math.max(1, ...buckets.map((b) => b.count))
  const width = 100 / Math.max(buckets.length, 1)
  return html`
    <section class="facet date-chart" aria-label="Hits by publication date">
      <h2 class="legend">Published</h2>
      ${buckets.length > 0 &&
      html`<div class="bars" role="list">
        ${buckets.map((b) => {
          const [start, end] = bucketRange(b.date)
          const active = from === start && to === end
          return html`<button
            type="button"
            role="listitem"
            key=${b.date}
            class=${active ? 'bar active' : 'bar'}
            style=${{ width: `${width}%` }}
            title=${`${formatDate(b.date)}: ${plural(b.count, 'paragraph')}`}
            aria-label=${`${formatDate(b.date)}: ${plural(b.count, 'paragraph')}. Show only this ${timeline.unit}.`}
            onClick=${() => (active ? onRange('', '') : onRange(start, end))}
          ><span class="fill" style=${{ height: `${Math.max(4, (b.count / max) * 100)}%` }}></span></button>`
        })}
      </div>
      <p class="axis"><span>${formatDate(buckets[0]?.date)}</span><span>${formatDate(buckets[buckets.length - 1]?.date)}</span></p>`}
      <p class="undated">${undated > 0 ? `${plural(undated, 'paragraph')} from articles with no known date` : 'All these paragraphs are dated'}</p>
    </section>
  `
}
