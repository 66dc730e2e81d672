import { describe, expect, it } from 'vitest'
import { editDistance, expandTerm, MAX_PREFIX_EXPANSIONS } from '../../server/expand-terms'

/** A sorted vocabulary with document frequencies. */
function vocabulary(entries: [string, number][]) {
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1))
  return { terms: sorted.map((e) => e[0]), docFreq: Uint32Array.from(sorted.map((e) => e[1])) }
}

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit and stops past the limit', () => {
    expect(editDistance('lavorv', 'lavrov', 2)).toBe(1)
    expect(editDistance('blinkn', 'blinken', 2)).toBe(1)
    expect(editDistance('harbour', 'harbor', 2)).toBe(1)
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3)
  })
})

describe('expandTerm', () => {
  const vocab = vocabulary([
    ['lavrov', 40],
    ['lavish', 3],
    ['laos', 9],
    ['labor', 12],
    ['harbor', 20],
    ['harbors', 4],
    ...Array.from({ length: 20 }, (_, i) => [`lane${String.fromCharCode(97 + i)}`, i + 1] as [string, number]),
  ])

  it('keeps an indexed word as it is', () => {
    expect(expandTerm(vocab, 'harbor', false)).toEqual([{ term: 'harbor', distance: 0, prefix: false }])
  })

  it('corrects a typo to the nearest indexed words only', () => {
    expect(expandTerm(vocab, 'lavorv', false)).toEqual([{ term: 'lavrov', distance: 1, prefix: false }])
  })

  it('does not correct short words', () => {
    expect(expandTerm(vocab, 'lao', false)).toEqual([])
  })

  it('completes a word being typed with its most frequent completions, bounded', () => {
    const out = expandTerm(vocab, 'la', true)
    expect(out).toHaveLength(MAX_PREFIX_EXPANSIONS)
    expect(out[0]).toEqual({ term: 'lavrov', distance: 0, prefix: true })
    expect(out.every((e) => e.prefix && e.term.startsWith('la'))).toBe(true)
  })

  it('does not complete a single letter', () => {
    expect(expandTerm(vocab, 'l', true)).toEqual([])
  })
})
