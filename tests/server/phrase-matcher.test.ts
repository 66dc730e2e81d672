import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normaliseTerm, tokenize } from '../../index-build/index-options'
import { phraseMatcher } from '../../server/search'

/** The definition: the phrase's normalised terms occur adjacent, in order, among the text's normalised terms. */
function reference(text: string, words: string[]): boolean {
  const terms = (t: string) => tokenize(t).map((w) => normaliseTerm(w)).filter((w): w is string => !!w)
  const phrase = terms(words.join(' '))
  const all = terms(text)
  if (phrase.length === 0) return false
  return all.some((_, i) => phrase.every((p, k) => all[i + k] === p))
}

const WORDS = ['the', 'defence', 'defense', 'Defence', 'traveller', 'fellow', 'traveler', 'U.S.', 'US', 'Lavrov', "Lavrov's", 'Lavrov’s', 'it', "it's", 'talks', 'TALKS', 'café', 'cafe', 'stable', 'mature', 's']
const SEPARATORS = [' ', ', ', ' – ', '“', '” ', '. ', ' (', ') ', '-', '\u00a0', '—']

describe('phraseMatcher', () => {
  it('finds phrases in order, across punctuation, spellings and possessives', () => {
    expect(phraseMatcher(['fellow', 'traveler'])('always be a fellow traveller and a partner')).toBe(true)
    expect(phraseMatcher(['mature', 'stable'])('“mature, stable, resilient”')).toBe(true)
    expect(phraseMatcher(['stable', 'mature'])('“mature, stable, resilient”')).toBe(false)
    expect(phraseMatcher(['Lavrov', 'said'])("Lavrov's aide said… Lavrov’s said")).toBe(true)
    expect(phraseMatcher(['defense', 'ties'])('Défense ties')).toBe(true)
  })

  it('agrees with comparing normalised tokens on any text', () => {
    const text = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 14 }).map((parts) => parts.map(([w, s]) => w + s).join(''))
    const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
    fc.assert(
      fc.property(text, phrase, (t, words) => {
        expect(phraseMatcher(words)(t)).toBe(reference(t, words))
      }),
      { numRuns: 2000 },
    )
  })
})
