// @ts-check
// How metadata reads on the page: dates, outlets and counts, saying plainly when something is unknown.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * "27 Jul 2024", "Jul 2024" for a month bucket, or "date unknown".
 * @param {string | null | undefined} date YYYY-MM-DD or YYYY-MM
 * @returns {string}
 */
export function formatDate(date) {
  if (!date) return 'date unknown'
  const [y, m, d] = date.split('-')
  const month = MONTHS[Number(m) - 1] ?? m
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`
}

/**
 * The outlet line: "SCMP via Yahoo Finance Canada", "CNN (republished, outlet unknown)", or "Outlet unknown".
 * @param {{ outlet: string | null, originalOutlet: string | null }} article
 * @returns {string}
 */
export function formatOutlet(article) {
  if (article.originalOutlet && article.outlet) return `${article.originalOutlet} via ${article.outlet}`
  if (article.originalOutlet) return `${article.originalOutlet} (republished; publisher of this copy unknown)`
  return article.outlet ?? 'Outlet unknown'
}

/**
 * The outlet facet value the server uses for unknown outlets, shown in words.
 * @param {string} value
 * @returns {string}
 */
export function outletLabel(value) {
  return value === '(unknown)' ? 'Outlet unknown' : value
}

/**
 * "1 paragraph", "1,234 paragraphs".
 * @param {number} n
 * @param {string} word
 * @returns {string}
 */
export function plural(n, word) {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`
}
