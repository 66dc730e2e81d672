// Merges the entity lists of many articles into one table: one entry per canonical name, aliases unioned, the data file's facts winning over NLP guesses.
import type { Entity } from '../types'

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** One entry per name, sorted by name; aliases unioned and sorted (an entry met once keeps its own); a 'known' entry wins over an 'nlp' one. */
export function mergeEntities(lists: Entity[][]): Entity[] {
  // Per name: the entry that wins so far, and the union of every alias met (sorted once, at the end).
  const merged = new Map<string, { entity: Entity; aliases: Set<string>; seen: number }>()
  for (const list of lists) {
    for (const e of list) {
      const prior = merged.get(e.name)
      if (!prior) {
        merged.set(e.name, { entity: { ...e, aliases: [...e.aliases] }, aliases: new Set(e.aliases), seen: 1 })
        continue
      }
      if (prior.entity.source === 'nlp' && e.source === 'known') prior.entity = { ...e }
      for (const alias of e.aliases) prior.aliases.add(alias)
      prior.seen++
    }
  }
  const entities = [...merged.values()].map(({ entity, aliases, seen }) => (seen === 1 ? entity : { ...entity, aliases: [...aliases].sort(byCodePoint) }))
  return entities.sort((a, b) => byCodePoint(a.name, b.name))
}
