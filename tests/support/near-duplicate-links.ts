// The near-duplicate links by their definition, the plain way, for tests of the build's faster forms.
import { MAX_ARTICLES_PER_SHINGLE } from '../../index-build/near-duplicates'
import type { SortedShingles } from '../../index-build/sorted-shingles'

/** The definition nearDuplicateLinks and linkSortedShingles keep: every pair of paragraphs of different articles in each run of equal keys shared by 2 … MAX_ARTICLES_PER_SHINGLE articles, by id. */
export function linksByDefinition(paragraphs: { id: string; articleId: string }[], sorted: SortedShingles): Map<string, string[]> {
  const { lo, hi, paragraph } = sorted
  const links = new Map<string, Set<string>>()
  for (let from = 0, to = 1; from < lo.length; from = to, to = from + 1) {
    while (to < lo.length && lo[to] === lo[from] && hi[to] === hi[from]) to++
    const members = [...paragraph.subarray(from, to)]
    const articles = new Set(members.map((i) => paragraphs[i]!.articleId))
    if (articles.size < 2 || articles.size > MAX_ARTICLES_PER_SHINGLE) continue
    for (const a of members) {
      for (const b of members) {
        if (paragraphs[a]!.articleId === paragraphs[b]!.articleId) continue
        const set = links.get(paragraphs[a]!.id) ?? new Set()
        links.set(paragraphs[a]!.id, set.add(paragraphs[b]!.id))
      }
    }
  }
  return new Map(paragraphs.map((p) => [p.id, [...(links.get(p.id) ?? [])].sort()]))
}
