// Finds a misspelt full name: a run of capitalised words one or two letters off a person named in the same article ("Sun Woedong" → Sun Weidong).
import { distance } from 'fastest-levenshtein'
import type { PhraseMatch } from './match-phrases'
import type { Token } from './name-tokens'
import { startsUppercase } from '../word-characters'

/** Most letters a misspelling may differ by. */
const MAX_EDITS = 2

/** True when the tokens from i on spell `spelling` (two words or more) with one or two letters wrong, every word capitalised, uncovered and with the right first letter. Cheap checks first. */
function nearMiss(tokens: Token[], covered: boolean[], i: number, spelling: string[]): boolean {
  const n = spelling.length
  if (n < 2 || i + n > tokens.length) return false
  let same = true
  for (let k = 0; k < n; k++) {
    const text = tokens[i + k]!.text
    if (covered[i + k] || text[0] !== spelling[k]![0]) return false
    if (text !== spelling[k]) same = false
  }
  if (same) return false
  let edits = 0
  let letters = 0
  for (let k = 0; k < n; k++) {
    if (!startsUppercase(tokens[i + k]!.text)) return false
    edits += distance(tokens[i + k]!.text, spelling[k]!)
    letters += spelling[k]!.length
  }
  return edits <= MAX_EDITS && edits * 4 <= letters
}

/** A person's spellings of two words or more, grouped by initial; within a group, people in the order given, each person's spellings in order. */
export type MisspellingIndex = Map<string, { name: string; spelling: string[] }[]>

/** The index findMisspellings looks people up in: made once per article, used for each of its texts. */
export function misspellingIndex(persons: { name: string; spellings: string[][] }[]): MisspellingIndex {
  const index: MisspellingIndex = new Map()
  for (const person of persons) {
    for (const spelling of person.spellings) {
      // nearMiss needs two words or more, the first starting with the token's initial.
      if (spelling.length < 2) continue
      const initial = spelling[0]![0]!
      const group = index.get(initial)
      if (group) group.push({ name: person.name, spelling })
      else index.set(initial, [{ name: person.name, spelling }])
    }
  }
  return index
}

/** Misspelt mentions of the indexed people among tokens no other match covers: at each token, the first person (in the order indexed) one of whose spellings it nearly spells. */
export function findMisspellings(tokens: Token[], covered: boolean[], index: MisspellingIndex): (PhraseMatch & { surface: string })[] {
  const found: (PhraseMatch & { surface: string })[] = []
  if (index.size === 0) return found
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!.text
    if (covered[i]) continue
    if (!startsUppercase(first)) continue
    const group = index.get(first[0]!)
    if (!group) continue
    const hit = group.find((entry) => nearMiss(tokens, covered, i, entry.spelling))
    if (hit) {
      const to = i + hit.spelling.length
      found.push({ name: hit.name, from: i, to, start: tokens[i]!.start, end: tokens[to - 1]!.end, surface: tokens.slice(i, to).map((t) => t.text).join(' ') })
      i = to - 1
    }
  }
  return found
}
