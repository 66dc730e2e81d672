// @ts-check
// Groups a page of hits by article, articles in the order of their best hit, hits in rank order within each.

/**
 * @template {{ article: { id: string } }} H
 * @param {H[]} hits
 * @returns {{ articleId: string, hits: H[] }[]}
 */
export function groupHits(hits) {
  /** @type {Map<string, { articleId: string, hits: H[] }>} */
  const groups = new Map()
  for (const hit of hits) {
    const group = groups.get(hit.article.id)
    if (group) group.hits.push(hit)
    else groups.set(hit.article.id, { articleId: hit.article.id, hits: [hit] })
  }
  return [...groups.values()]
}
