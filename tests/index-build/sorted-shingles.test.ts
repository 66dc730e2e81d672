import { describe, expect, it } from 'vitest'
import { concatShingleKeys, shingleKeys } from '../../index-build/near-duplicates'
import { mergeSortedShingles, sortShingles } from '../../index-build/sorted-shingles'
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

describe('mergeSortedShingles', () => {
  const texts = generateCorpus({ paragraphs: 600, seed: 9 }).pages.flatMap((p) => p.text.split('\n\n'))
  const all = shingleKeys(texts)

  it.each([2, 3])('merges %i parts dealt in runs of 5 paragraphs into the sort over all of them', (parts) => {
    const owner = (p: number) => Math.floor(p / 5) % parts
    const shares = Array.from({ length: parts }, (_, w) => texts.map((_, p) => p).filter((p) => owner(p) === w))
    const merged = mergeSortedShingles(
      shares.map((share) => ({ sorted: sortShingles(concatShingleKeys(share.map((p) => shingleKeys([texts[p]!])))), ordinals: Uint32Array.from(share) })),
    )
    expect(all.keys.length).toBeGreaterThan(1000)
    expect(asPairs(merged)).toEqual(plainSort(all.keys, all.ends))
  })
})
