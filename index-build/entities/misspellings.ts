// Finds a misspelt full name: a run of capitalised words one or two letters off a person named in the same article ("Sun Woedong" → Sun Weidong).
import { distance } from 'fastest-levenshtein'
import type { PhraseMatch } from './match-phrases'
import type { Token } from './name-tokens'

/** Most letters a misspelling may differ by. */
const MAX_EDITS = 2

const CAPITALISED = /^\p{Lu}/u

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
    if (!CAPITALISED.test(tokens[i + k]!.text)) return false
    edits += distance(tokens[i + k]!.text, spelling[k]!)
    letters += spelling[k]!.length
  }
  return edits <= MAX_EDITS && edits * 4 <= letters
}

/** Misspelt mentions of the given people among tokens no other match covers. */
export function findMisspellings(tokens: Token[], covered: boolean[], persons: { name: string; spellings: string[][] }[]): (PhraseMatch & { surface: string })[] {
  const found: (PhraseMatch & { surface: string })[] = []
  const initials = new Set(persons.flatMap((p) => p.spellings.map((s) => s[0]?.[0])))
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!.text
    if (covered[i] || !initials.has(first[0]) || !CAPITALISED.test(first)) continue
    for (const person of persons) {
      const hit = person.spellings.find((spelling) => nearMiss(tokens, covered, i, spelling))
      if (hit) {
        const to = i + hit.length
        found.push({ name: person.name, from: i, to, start: tokens[i]!.start, end: tokens[to - 1]!.end, surface: tokens.slice(i, to).map((t) => t.text).join(' ') })
        i = to - 1
        break
      }
    }
  }
  return found
}
