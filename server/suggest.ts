// Completions for the word being typed: entity names containing a word that starts with it, and index terms that start with it, most frequent first.
import type { LoadedIndex } from '../index-build/index-file'
import { normaliseTerm } from '../index-build/index-options'
import { searchContext } from './search-context'
import { topWithPrefix } from './vocabulary'

/** One suggestion. */
export interface Suggestion {
  /** Text to put in the search box (the query with its last word completed). */
  text: string
  /** What was completed: an entity's canonical name or an indexed word. */
  kind: 'entity' | 'word'
  /** The completed entity or word itself. */
  value: string
  /** Actor type or 'region' for entities; null for words. */
  type: string | null
  /** Paragraphs mentioning it. */
  count: number
}

/** An entity as suggestions see it: its normalised words, and how many paragraphs mention it. */
interface SuggestableEntity {
  name: string
  words: string[]
  type: string | null
  count: number
}

const entityCache = new WeakMap<LoadedIndex, SuggestableEntity[]>()

/** Mentioned entities, most mentioned first, built once per index. */
export function suggestableEntities(index: LoadedIndex): SuggestableEntity[] {
  let entities = entityCache.get(index)
  if (!entities) {
    const ctx = searchContext(index)
    entities = index.entities
      .map((e) => ({
        name: e.name,
        words: e.name.split(/[^\p{L}\p{N}]+/u).map((w) => normaliseTerm(w) ?? '').filter(Boolean),
        type: e.type ?? (e.region ? 'region' : null),
        count: ctx.mentionCount.get(e.name) ?? 0,
      }))
      .filter((e) => e.count > 0)
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1))
    entityCache.set(index, entities)
  }
  return entities
}

/** Up to `limit` suggestions for the query being typed. */
export function suggest(index: LoadedIndex, q: string, limit = 8): Suggestion[] {
  const match = /([\p{L}\p{N}'’-]+)$/u.exec(q)
  if (!match) return []
  const typed = match[1]!
  const prefix = normaliseTerm(typed)
  if (!prefix) return []
  const head = q.slice(0, q.length - typed.length)
  const entities = suggestableEntities(index)
  const out: Suggestion[] = []
  for (const e of entities) {
    if (out.length >= Math.ceil(limit / 2)) break
    if (e.words.some((w) => w.startsWith(prefix))) out.push({ text: head + e.name, kind: 'entity', value: e.name, type: e.type, count: e.count })
  }
  const words = topWithPrefix(index.vocabulary, prefix, limit * 2)
  const taken = new Set(out.map((s) => s.text.toLowerCase()))
  for (const w of words) {
    if (out.length >= limit) break
    const text = head + w.term
    if (taken.has(text.toLowerCase())) continue
    taken.add(text.toLowerCase())
    out.push({ text, kind: 'word', value: w.term, type: null, count: w.df })
  }
  return out
}
