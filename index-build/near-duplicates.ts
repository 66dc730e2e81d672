// Links paragraphs of different articles that carry the same statement (a shared run of words).
import { normaliseTerm, tokenize } from './index-options'

/** Words in a run that makes two paragraphs carry "the same statement". */
export const SHINGLE_WORDS = 8

/** A run shared by more articles than this is boilerplate, not a statement, and links nothing. */
export const MAX_ARTICLES_PER_SHINGLE = 25

/** One paragraph as seen by the linker. */
export interface LinkableParagraph {
  /** Paragraph id. */
  id: string
  /** Its article's id: paragraphs of the same article are never linked. */
  articleId: string
  /** Paragraph text. */
  text: string
}

/** The normalised word sequence used for comparison: spelling and punctuation differences vanish. */
export function comparableWords(text: string): string[] {
  const words: string[] = []
  for (const token of tokenize(text)) {
    const term = normaliseTerm(token)
    if (term) words.push(term)
  }
  return words
}

/**
 * For each paragraph, the sorted ids of paragraphs in other articles that share a run of
 * SHINGLE_WORDS normalised words with it. Deterministic; symmetric.
 */
export function linkNearDuplicates(paragraphs: LinkableParagraph[]): Map<string, string[]> {
  const byShingle = new Map<string, number[]>()
  paragraphs.forEach((p, index) => {
    const words = comparableWords(p.text)
    const seen = new Set<string>()
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
      const shingle = words.slice(i, i + SHINGLE_WORDS).join(' ')
      if (seen.has(shingle)) continue
      seen.add(shingle)
      const list = byShingle.get(shingle)
      if (list) list.push(index)
      else byShingle.set(shingle, [index])
    }
  })
  const links = new Map<string, Set<string>>()
  for (const members of byShingle.values()) {
    if (members.length < 2) continue
    const articles = new Set(members.map((i) => paragraphs[i]!.articleId))
    if (articles.size < 2 || articles.size > MAX_ARTICLES_PER_SHINGLE) continue
    for (const a of members) {
      for (const b of members) {
        const pa = paragraphs[a]!
        const pb = paragraphs[b]!
        if (pa.articleId === pb.articleId) continue
        let set = links.get(pa.id)
        if (!set) links.set(pa.id, (set = new Set()))
        set.add(pb.id)
      }
    }
  }
  const result = new Map<string, string[]>()
  for (const p of paragraphs) result.set(p.id, [...(links.get(p.id) ?? [])].sort())
  return result
}
