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

/** Maps a string to a 32-bit hash (FNV-1a). */
function hashWord(word: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Shingle tables are split by hash so no single Map nears its size limit on a large corpus. */
const TABLES = 64

/**
 * For each paragraph, the sorted ids of paragraphs in other articles that share a run of
 * SHINGLE_WORDS normalised words with it. Deterministic; symmetric. Runs are compared by two
 * independent 32-bit polynomial hashes (a 53-bit key), so no run of words is ever built as a string.
 */
export function linkNearDuplicates(paragraphs: LinkableParagraph[]): Map<string, string[]> {
  const tables = Array.from({ length: TABLES }, () => new Map<number, number[]>())
  const wordHash = new Map<string, number>()
  paragraphs.forEach((p, index) => {
    const words = comparableWords(p.text)
    if (words.length < SHINGLE_WORDS) return
    const hashes = words.map((w) => {
      let h = wordHash.get(w)
      if (h === undefined) wordHash.set(w, (h = hashWord(w)))
      return h
    })
    const seen = new Set<number>()
    for (let i = 0; i + SHINGLE_WORDS <= hashes.length; i++) {
      let h1 = 0
      let h2 = 0
      for (let k = i; k < i + SHINGLE_WORDS; k++) {
        h1 = (Math.imul(h1, 31) + hashes[k]!) | 0
        h2 = (Math.imul(h2, 1_000_003) ^ hashes[k]!) | 0
      }
      const key = (h1 >>> 0) * 2_097_152 + (h2 >>> 11)
      if (seen.has(key)) continue
      seen.add(key)
      const table = tables[(h1 >>> 0) % TABLES]!
      const list = table.get(key)
      if (list) list.push(index)
      else table.set(key, [index])
    }
  })
  const byShingle = tables.flatMap((t) => [...t.values()])
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
