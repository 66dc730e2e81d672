import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { nearDuplicateLinks, shingleKeys } from '../../index-build/near-duplicates'
import { sortShingles } from '../../index-build/sorted-shingles'
import { generateCorpus } from '../bench/generate'
import { linksByDefinition } from '../support/near-duplicate-links'

/** Keys with their paragraphs, sorted by key then paragraph, the plain way. */
function plainSort(keys: Float64Array, ends: Uint32Array): [number, number][] {
  const pairs: [number, number][] = []
  for (let p = 0, k = 0; p < ends.length; p++) for (; k < ends[p]!; k++) pairs.push([keys[k]!, p])
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1])
}

const asPairs = (s: ReturnType<typeof sortShingles>) => Array.from(s.lo, (lo, i) => [s.hi[i]! * 2 ** 32 + lo, s.paragraph[i]!] as [number, number])

describe('sortShingles', () => {
  it('sorts keys across the whole 53-bit range, paragraphs ascending within a key', () => {
    const keys = Float64Array.from([2 ** 53 - 1, 5, 2 ** 32, 5, 2 ** 32 + 1, 0, 2 ** 40 + 7, 5, 2 ** 32])
    const ends = Uint32Array.from([3, 3, 6, 9])
    expect(asPairs(sortShingles({ keys, ends }))).toEqual(plainSort(keys, ends))
  })

  it('sorts no keys, and one key', () => {
    expect(asPairs(sortShingles({ keys: new Float64Array(0), ends: new Uint32Array(0) }))).toEqual([])
    expect(asPairs(sortShingles({ keys: Float64Array.of(2 ** 45 + 3), ends: Uint32Array.of(0, 1) }))).toEqual([[2 ** 45 + 3, 1]])
  })

  it('takes the keys in parts (pages), numbering their paragraphs on from one part to the next', () => {
    const parts = [
      { keys: Float64Array.of(9, 2 ** 50, 4), ends: Uint32Array.of(2, 2, 3) },
      { keys: new Float64Array(0), ends: new Uint32Array(0) },
      { keys: Float64Array.of(4, 9), ends: Uint32Array.of(0, 2) },
      { keys: Float64Array.of(2 ** 50, 1), ends: Uint32Array.of(1, 2) },
    ]
    // The same keys as one list: paragraphs 0–2, then 3–4, then 5–6.
    const keys = Float64Array.of(9, 2 ** 50, 4, 4, 9, 2 ** 50, 1)
    const ends = Uint32Array.of(2, 2, 3, 3, 5, 6, 7)
    expect(asPairs(sortShingles(parts))).toEqual(plainSort(keys, ends))
  })

  /** A seeded generator of 32-bit numbers (so a failure can be replayed). */
  const numbers = (seed: number) => () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0)

  // Keys are dealt into buckets by their top bits and each bucket sorted by the rest: sizes and
  // spreads that give empty buckets, small ones (insertion) and large ones (radix passes), keys
  // crowded into one bucket, and runs of equal keys whose paragraphs must keep their order.
  it.each([
    ['spread over the whole range', 20_000, 53],
    ['few, in small buckets', 300, 53],
    ['all in the lowest bucket', 5_000, 45],
    ['crowded into a narrow range, many equal', 8_000, 12],
  ])('sorts keys %s (%i keys of %i bits) as a plain sort does', (_, count, bits) => {
    const next = numbers(count + bits)
    const keys = Float64Array.from({ length: count }, () => {
      const key = (next() % 2 ** Math.max(0, bits - 32)) * 2 ** 32 + next()
      return key % 2 ** bits
    })
    // Every 7th key repeats an earlier one (another paragraph's).
    for (let k = 7; k < count; k += 7) keys[k] = keys[next() % k]!
    const ends = Uint32Array.from({ length: Math.ceil(count / 13) }, (_, p) => Math.min(count, (p + 1) * 13))
    expect(asPairs(sortShingles({ keys, ends }))).toEqual(plainSort(keys, ends))
  })
})

describe('nearDuplicateLinks over sorted parts', () => {
  const texts = generateCorpus({ paragraphs: 600, seed: 9 }).pages.flatMap((p) => p.text.split('\n\n'))
  // Articles of three paragraphs, and every fifth paragraph a copy of the one seven before it (another article, often another part).
  const copied = texts.map((t, p) => (p % 5 === 0 && p >= 7 ? texts[p - 7]! : t))
  const paragraphs = copied.map((_, p) => ({ id: `a${Math.floor(p / 3)}:${p % 3}`, articleId: `a${Math.floor(p / 3)}` }))
  const all = shingleKeys(copied)

  it.each([2, 3])('links from %i parts dealt in runs of 5 paragraphs what it links from the sort over all of them', (parts) => {
    const owner = (p: number) => Math.floor(p / 5) % parts
    const shares = Array.from({ length: parts }, (_, w) => copied.map((_, p) => p).filter((p) => owner(p) === w))
    const fromParts = nearDuplicateLinks(
      paragraphs,
      shares.map((share) => ({ sorted: sortShingles(share.map((p) => shingleKeys([copied[p]!]))), ordinals: Uint32Array.from(share) })),
    )
    const expected = nearDuplicateLinks(paragraphs, [{ sorted: sortShingles(all) }])
    expect(expected.size).toBeGreaterThan(20)
    expect(fromParts).toEqual(expected)
  })
})

describe('nearDuplicateLinks over sorted parts, on any keys', () => {
  /** Shingle keys of paragraphs given as lists of keys. */
  const keysOf = (lists: number[][]) => ({ keys: Float64Array.from(lists.flat()), ends: Uint32Array.from(lists, (_, i) => lists.slice(0, i + 1).flat().length) })

  it('links from any parts, dealt in runs of any length, what the definition links', () => {
    const paragraph = fc.record({ article: fc.integer({ min: 0, max: 6 }), keys: fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 5 }) })
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), (drawn, parts, run) => {
        const paragraphs = drawn.map((p, i) => ({ id: `p${i}`, articleId: `a${p.article}` }))
        // Keys of 53 bits, some above 2^32, as shingle keys are.
        const lists = drawn.map((p) => p.keys.map((k) => (k % 3) * 2 ** 40 + k))
        const shares = Array.from({ length: parts }, (_, w) => drawn.map((_, i) => i).filter((i) => Math.floor(i / run) % parts === w))
        const fromParts = nearDuplicateLinks(
          paragraphs,
          shares.map((share) => ({ sorted: sortShingles(share.map((i) => keysOf([lists[i]!]))), ordinals: Uint32Array.from(share) })),
        )
        const expected = linksByDefinition(paragraphs, sortShingles(keysOf(lists)))
        expect(fromParts).toEqual(new Map([...expected].filter(([, ids]) => ids.length > 0)))
      }),
      { numRuns: 1000 },
    )
  })
})
