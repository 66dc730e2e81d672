// Merges the entity lists of many articles into one table: one entry per canonical name, aliases unioned, the data file's facts winning over NLP guesses.
import type { Entity } from '../types'

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** One entry per name, sorted by name; aliases unioned and sorted; a 'known' entry wins over an 'nlp' one. */
export function mergeEntities(lists: Entity[][]): Entity[] {
  const merged = new Map<string, Entity>()
  for (const list of lists) {
    for (const e of list) {
      const prior = merged.get(e.name)
      if (!prior) {
        merged.set(e.name, { ...e, aliases: [...e.aliases] })
        continue
      }
      const base = prior.source === 'nlp' && e.source === 'known' ? { ...e } : prior
      base.aliases = [...new Set([...prior.aliases, ...e.aliases])].sort(byCodePoint)
      merged.set(e.name, base)
    }
  }
  return [...merged.values()].sort((a, b) => byCodePoint(a.name, b.name))
}
