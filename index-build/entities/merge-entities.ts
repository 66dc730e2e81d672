// Merges the entity lists of many articles into one table: one entry per canonical name, aliases unioned, the data file's facts winning over NLP guesses.
import type { Entity } from '../types'

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** What is known of one name so far: the entry that wins (and the rank of the list it came from), every alias met, and how many entries were met. */
export interface EntityTally {
  entity: Entity
  rank: number
  aliases: string[]
  seen: number
}

/** A tally wins over another when it is 'known' and the other is not, or, of the same source, when its rank is lower (met first). */
const wins = (a: Pick<EntityTally, 'entity' | 'rank'>, b: Pick<EntityTally, 'entity' | 'rank'>) =>
  a.entity.source !== b.entity.source ? a.entity.source === 'known' : a.rank < b.rank

/**
 * mergeEntities taken in steps, so that parts of a build can merge their own articles' lists and
 * the parts' tallies be merged after: lists are added with a rank (their position among all
 * lists; one rank per list), in rank order within one merger, and the result is mergeEntities of
 * all the lists in rank order however they were split.
 */
export class EntityMerger {
  readonly #byName = new Map<string, { entity: Entity; rank: number; aliases: Set<string>; seen: number; number: number }>()

  /** Adds one tally (an article's entry is a tally of one: its rank, its own aliases, seen once). */
  addTally({ entity, rank, aliases, seen }: EntityTally): void {
    const prior = this.#byName.get(entity.name)
    if (!prior) {
      this.#byName.set(entity.name, { entity, rank, aliases: new Set(aliases), seen, number: this.#byName.size })
      return
    }
    if (wins({ entity, rank }, prior)) {
      prior.entity = entity
      prior.rank = rank
    }
    for (const alias of aliases) prior.aliases.add(alias)
    prior.seen += seen
  }

  /** Adds the entities of one list, of rank `rank`. */
  add(list: readonly Entity[], rank: number): void {
    for (const entity of list) this.addTally({ entity, rank, aliases: entity.aliases, seen: 1 })
  }

  /** The number each name got when first added (0, 1, …), for referring to names by number. */
  numberOf(name: string): number | undefined {
    return this.#byName.get(name)?.number
  }

  /** The tallies, in the order numberOf numbers them. */
  tallies(): EntityTally[] {
    return [...this.#byName.values()].map(({ entity, rank, aliases, seen }) => ({ entity, rank, aliases: [...aliases], seen }))
  }

  /** One entry per name, sorted by name: the winning entry, with the sorted union of aliases when met more than once (an entry met once keeps its own). */
  entities(): Entity[] {
    const entities = [...this.#byName.values()].map(({ entity, aliases, seen }) => ({ ...entity, aliases: seen === 1 ? [...entity.aliases] : [...aliases].sort(byCodePoint) }))
    return entities.sort((a, b) => byCodePoint(a.name, b.name))
  }
}

/** One entry per name, sorted by name; aliases unioned and sorted (an entry met once keeps its own); a 'known' entry wins over an 'nlp' one, else the first met. */
export function mergeEntities(lists: Entity[][]): Entity[] {
  const merger = new EntityMerger()
  lists.forEach((list, rank) => merger.add(list, rank))
  return merger.entities()
}
