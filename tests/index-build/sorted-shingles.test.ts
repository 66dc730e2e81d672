import { describe, expect, it } from 'vitest'
import { concatShingleKeys, nearDuplicateLinks, shingleKeys } from '../../index-build/near-duplicates'
import { sortShingles } from '../../index-build/sorted-shingles'
import { generateCorpus } from '../bench/generate'

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
      shares.map((share) => ({ sorted: sortShingles(concatShingleKeys(share.map((p) => shingleKeys([copied[p]!])))), ordinals: Uint32Array.from(share) })),
    )
    const expected = nearDuplicateLinks(paragraphs, [{ sorted: sortShingles(all) }])
    expect(expected.size).toBeGreaterThan(20)
    expect(fromParts).toEqual(expected)
  })
})
