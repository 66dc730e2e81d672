// Finds names in a token sequence: at each position the longest listed phrase that matches wins, and matches never overlap.
import type { Token } from './name-tokens'

/** A phrase that names an entity. */
export interface Phrase {
  /** Its tokens. */
  tokens: string[]
  /** Canonical name of the entity it names. */
  name: string
}

/** A phrase found in the text: token range [from, to) and character range [start, end). */
export interface PhraseMatch {
  name: string
  from: number
  to: number
  start: number
  end: number
}

/** Matches phrases, looked up by first token (each list sorted longest first), left to right. */
export function matchPhrases(tokens: Token[], lookup: (first: string) => readonly Phrase[] | undefined): PhraseMatch[] {
  const matches: PhraseMatch[] = []
  for (let i = 0; i < tokens.length; ) {
    const candidates = lookup(tokens[i]!.text)
    const hit = candidates?.find((p) => p.tokens.every((t, k) => tokens[i + k]?.text === t))
    if (hit) {
      const to = i + hit.tokens.length
      matches.push({ name: hit.name, from: i, to, start: tokens[i]!.start, end: tokens[to - 1]!.end })
      i = to
    } else {
      i++
    }
  }
  return matches
}

/** `phrases.get` as a lookup that answers undefined at once for a token whose first code unit starts no key: most tokens, found without hashing them (ASCII initials as bits, others in a set). */
export function lookupByFirst<T>(phrases: ReadonlyMap<string, T>): (first: string) => T | undefined {
  const ascii = new Uint32Array(4)
  const other = new Set<number>()
  for (const first of phrases.keys()) {
    const c = first.charCodeAt(0)
    if (c < 128) ascii[c >>> 5]! |= 1 << (c & 31)
    else other.add(c)
  }
  return (first) => {
    const c = first.charCodeAt(0)
    const maybe = c < 128 ? (ascii[c >>> 5]! >>> (c & 31)) & 1 : other.has(c) ? 1 : 0
    return maybe === 1 ? phrases.get(first) : undefined
  }
}
