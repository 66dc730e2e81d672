// Within one article, the short ways a person is referred to after being named in full: surname, given name, title + name ("Mr Lavrov", "Foreign Minister Yi").
import type { Phrase } from './match-phrases'

/** Name parts that are not a way of referring to someone on their own. */
const NOT_A_REFERENCE = new Set(['Jr', 'Jnr', 'Sr', 'Snr', 'II', 'III', 'IV', 'de', 'da', 'von', 'van', 'der', 'bin', 'al', 'el', 'la', 'le'])

/** Single-token phrases for the parts of each person's names; a part two people share is left out (ambiguous). */
export function personReferences(persons: { name: string; spellings: string[][] }[], taken: (token: string) => boolean): Phrase[] {
  const owners = new Map<string, Set<string>>()
  for (const person of persons) {
    for (const spelling of person.spellings) {
      if (spelling.length < 2) continue
      for (const part of spelling) {
        if (part.length < 2 || NOT_A_REFERENCE.has(part.replace(/\.$/, '')) || !/^\p{Lu}/u.test(part)) continue
        const set = owners.get(part) ?? new Set()
        set.add(person.name)
        owners.set(part, set)
      }
    }
  }
  const phrases: Phrase[] = []
  for (const [part, names] of owners) {
    if (names.size === 1 && !taken(part)) phrases.push({ tokens: [part], name: [...names][0]! })
  }
  return phrases
}
