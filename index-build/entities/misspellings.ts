// Finds a misspelt full name: a run of capitalised words one or two letters off a person named in the same article ("Sun Woedong" → Sun Weidong).
import { distance } from 'fastest-levenshtein'
import type { PhraseMatch } from './match-phrases'
import type { Token } from './name-tokens'

/** Most letters a misspelling may differ by. */
const MAX_EDITS = 2

/** Misspelt mentions of the given people among tokens no other match covers. */
export function findMisspellings(tokens: Token[], covered: boolean[], persons: { name: string; spellings: string[][] }[]): (PhraseMatch & { surface: string })[] {
  const found: (PhraseMatch & { surface: string })[] = []
  const initials = new Set(persons.flatMap((p) => p.spellings.map((s) => s[0]?.[0])))
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!.text
    if (covered[i] || !initials.has(first[0]) || !/^\p{Lu}/u.test(first)) continue
    for (const person of persons) {
      const hit = person.spellings.find((spelling) => {
        if (spelling.length < 2 || spelling[0]![0] !== first[0]) return false
        const window = tokens.slice(i, i + spelling.length)
        if (window.length !== spelling.length || window.some((_, k) => covered[i + k])) return false
        if (window.every((t, k) => t.text === spelling[k])) return false
        if (!window.every((t) => /^\p{Lu}/u.test(t.text))) return false
        const edits = window.reduce((sum, t, k) => sum + distance(t.text, spelling[k]!), 0)
        const letters = spelling.join('').length
        return edits <= MAX_EDITS && edits * 4 <= letters && window.every((t, k) => t.text[0] === spelling[k]![0])
      })
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
