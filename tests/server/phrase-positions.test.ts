import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normaliseTerm, tokenize } from '../../index-build/index-options'
import { commonPairs } from '../../index-build/common-pairs'
import { buildTermIndex } from '../../index-build/term-index'
import { phraseTest } from '../../server/phrase-positions'
import { indexTerms } from '../../index-build/index-options'

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

/** Tests each phrase against texts indexed as paragraphs 0, 1, 2, … (titles carry words too, which must not count). */
function phraseAnswers(texts: string[], words: string[]): boolean[] {
  const index = buildTermIndex(texts.map((text, id) => ({ id, text, title: 'fellow traveler talks', section: 'the defence', entities: '' })))
  const test = phraseTest(index, indexTerms(words.join(' ')))
  return texts.map((_, ordinal) => test(ordinal))
}

describe('phraseTest', () => {
  it('refuses ordinals asked out of order', () => {
    const test = phraseTest(buildTermIndex(['a b', 'a b'].map((text, id) => ({ id, text, title: '', section: '', entities: '' }))), ['a', 'b'])
    expect(test(1)).toBe(true)
    expect(() => test(0)).toThrow(RangeError)
  })

  it('finds phrases in order, across punctuation, spellings and possessives, in the text only', () => {
    const texts = ['always be a fellow traveller and a partner', '“mature, stable, resilient”', "Lavrov's aide said… Lavrov’s said", 'Défense ties', 'no such words here']
    expect(phraseAnswers(texts, ['fellow', 'traveler'])).toEqual([true, false, false, false, false])
    expect(phraseAnswers(texts, ['mature', 'stable'])).toEqual([false, true, false, false, false])
    expect(phraseAnswers(texts, ['stable', 'mature'])).toEqual([false, false, false, false, false])
    expect(phraseAnswers(texts, ['Lavrov', 'said'])).toEqual([false, false, true, false, false])
    expect(phraseAnswers(texts, ['defense', 'ties'])).toEqual([false, false, false, true, false])
    expect(phraseAnswers(texts, ['traveler', 'talks'])).toEqual([false, false, false, false, false])
  })

  it('agrees with comparing normalised tokens on any texts', () => {
    const text = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 14 }).map((parts) => parts.map(([w, s]) => w + s).join(''))
    const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 60 }), phrase, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (texts, words, asked) => {
        const index = buildTermIndex(texts.map((t, id) => ({ id, text: t, title: '', section: '', entities: '' })))
        const test = phraseTest(index, indexTerms(words.join(' ')))
        // Skipping paragraphs (near and far apart) must not disturb the positions read for later ones.
        texts.forEach((t, ordinal) => asked[ordinal] && expect(test(ordinal)).toBe(reference(t, words)))
      }),
      { numRuns: 1000 },
    )
  })

  it('answers the same from the lists of adjacent common terms as from positions', () => {
    const text = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 14 }).map((parts) => parts.map(([w, s]) => w + s).join(''))
    const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 })
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 60 }), phrase, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 30 }), (texts, words, minParagraphs, maxTerms) => {
        const index = buildTermIndex(texts.map((t, id) => ({ id, text: t, title: '', section: '', entities: '' })))
        const pairs = commonPairs(index, { minParagraphs, maxTerms })
        const terms = indexTerms(words.join(' '))
        const listed = phraseTest(index, terms, pairs)
        texts.forEach((t, ordinal) => expect(listed(ordinal)).toBe(reference(t, words)))
      }),
      { numRuns: 1000 },
    )
  })
})
