// The benchmark's query workload, drawn deterministically from the built index by frequency band: one list of queries per kind.
import type { LoadedIndex } from '../../index-build/index-file'
import { prng } from './generate'

/** Query kinds measured. */
export const KINDS = ['common', 'twoWords', 'or', 'rare', 'phrase', 'prefix', 'typo', 'browse'] as const
export type QueryKind = (typeof KINDS)[number]

/** One query: the search box text and extra URL parameters (filters). */
export interface BenchQuery {
  q: string
  filters: string
}

/** Builds `perKind` queries of each kind from the index's vocabulary, paragraphs and facets. */
export function buildWorkload(index: LoadedIndex, perKind: number, seed = 11): Record<QueryKind, BenchQuery[]> {
  const rand = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const { terms, docFreq } = index.vocabulary
  const n = index.paragraphs.count
  const sample = Array.from({ length: Math.min(n, 5000) }, (_, ordinal) => index.paragraphs.get(ordinal))
  const words = terms.map((t, i) => ({ t, df: docFreq[i]! })).filter((w) => /^[a-z]{4,}$/.test(w.t))
  const byDf = [...words].sort((a, b) => b.df - a.df || (a.t < b.t ? -1 : 1))
  const common = byDf.slice(0, 40).map((w) => w.t)
  const mid = byDf.filter((w) => w.df >= Math.max(3, n / 2000) && w.df <= Math.max(10, n / 50)).map((w) => w.t)
  const midPool = mid.length > 0 ? mid : byDf.slice(40, 400).map((w) => w.t)
  const rare = byDf.filter((w) => w.df <= 3).map((w) => w.t)
  const typo = (w: string) => {
    const i = 1 + Math.floor(rand() * (w.length - 2))
    return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2)
  }
  const actors = [...new Set(sample.flatMap((p) => p.actors))]
  const regions = [...new Set(sample.flatMap((p) => p.regions))]
  const list = (make: () => BenchQuery) => Array.from({ length: perKind }, make)
  return {
    common: list(() => ({ q: pick(common), filters: '' })),
    twoWords: list(() => ({ q: `${pick(midPool)} ${pick(common)}`, filters: '' })),
    or: list(() => ({ q: `${pick(midPool)} OR ${pick(midPool)}`, filters: '' })),
    rare: list(() => ({ q: pick(rare.length ? rare : midPool), filters: '' })),
    phrase: list(() => {
      const words = index.paragraphs.get(Math.floor(rand() * n)).text.split(/\s+/).filter((w) => /^[a-z]{3,}$/.test(w))
      const at = Math.floor(rand() * Math.max(1, words.length - 2))
      return { q: `"${words.slice(at, at + 2).join(' ')}"`, filters: '' }
    }),
    prefix: list(() => ({ q: pick(midPool).slice(0, 3), filters: '' })),
    typo: list(() => ({ q: typo(pick(midPool.filter((w) => w.length >= 6).length ? midPool.filter((w) => w.length >= 6) : midPool)), filters: '' })),
    browse: list(() => ({ q: '', filters: rand() < 0.5 && actors.length ? `&actor=${encodeURIComponent(pick(actors))}` : regions.length ? `&region=${encodeURIComponent(pick(regions))}` : '' })),
  }
}
