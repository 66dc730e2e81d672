// A deterministic generator of realistic scraped news pages for the benchmark: Zipf vocabulary, known and invented entities, outlets, dates, syndication and page furniture.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A generated corpus: page files and their sources.json entries. */
export interface GeneratedCorpus {
  pages: { file: string; text: string }[]
  sources: Record<string, { outlet: string | null; originalOutlet: string | null; url: string | null; title: string | null; published: string | null; note: string | null }>
}

/** Paragraphs per generated page. */
export const PARAGRAPHS_PER_PAGE = 20

/** mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const COMMON = (
  'the of and to in a is that for on with as was by at from his her said it an be has have were are will its their which this but not after who they had been more also over than would about into new against year two first officials government minister talks meeting foreign security military trade economic region regional country countries president state leaders support relations cooperation policy agreement week statement sanctions forces war peace border visit summit ministry defence defense analysts told according spokesperson pressure crisis tensions interests partners strategic international global world national local power political diplomatic energy market exports imports growth investment issue issues'
).split(' ')
const SYLLABLES = 'ka ri to mun sel dar vo len pa tri gos ber an el mi ra sun wei dong lin hao bo ves qua tor nel fi zan pol cre mor dis ut ex pre sta ven lo'.split(' ')
const BRITISH = ['defence', 'manoeuvres', 'traveller', 'organisation', 'centre', 'favour', 'labour', 'programme', 'analyse', 'catalogue']
const AMERICAN = ['defense', 'maneuvers', 'traveler', 'organization', 'center', 'favor', 'labor', 'program', 'analyze', 'catalog']
const OUTLETS = ['Harbour Gazette', 'Northern Wire', 'The Daily Meridian', 'Pacific Ledger', 'Capital Courier', 'Eastern Review', 'Global Dispatch', 'Coastal Times', 'Summit Post', 'Atlas News']
const SYNDICATORS = ['Yahoo Example', 'NewsHub Mirror', 'Aggregator Daily']
const TITLES = ['Foreign Minister', 'President', 'Prime Minister', 'Defence Minister', 'Ambassador', 'Vice Foreign Minister', 'Mr', 'Ms']

/** Known entity names and aliases from the project's data file. */
function knownNames(): string[] {
  try {
    const entries = JSON.parse(readFileSync(join(import.meta.dirname, '../../index-build/data/entities.json'), 'utf8')) as { name: string; aliases?: string[] }[]
    return entries.flatMap((e) => [e.name, ...(e.aliases ?? []).filter((a) => a.length > 3)])
  } catch {
    return ['China', 'Russia', 'United States', 'ASEAN', 'Sergei Lavrov', 'Wang Yi']
  }
}

/** Picks an index from a Zipf distribution over n items (s = 1.07) by inverse CDF. */
function zipfSampler(n: number, rand: () => number): () => number {
  const weights = Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, 1.07))
  const cdf: number[] = []
  let total = 0
  for (const w of weights) cdf.push((total += w))
  return () => {
    const x = rand() * total
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cdf[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/** Generates a corpus of about `paragraphs` paragraphs (rounded up to whole pages). Same seed → same output. */
export function generateCorpus({ paragraphs, seed = 1 }: { paragraphs: number; seed?: number }): GeneratedCorpus {
  const rand = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const word = (syllables: number) => Array.from({ length: syllables }, () => pick(SYLLABLES)).join('')
  const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1)
  const vocabulary = [...COMMON, ...Array.from({ length: 6000 }, () => word(2 + Math.floor(rand() * 3)))]
  const nextWord = zipfSampler(vocabulary.length, rand)
  const known = knownNames()
  const invented = Array.from({ length: 1500 }, () => `${capital(word(2))} ${capital(word(2 + Math.floor(rand() * 2)))}`)
  const inventedOrgs = Array.from({ length: 300 }, () => `${capital(word(2))} ${pick(['Institute', 'Council', 'Authority', 'Commission', 'Group'])}`)
  const nextPerson = zipfSampler(invented.length, rand)
  const nextKnown = zipfSampler(known.length, rand)

  const sentence = (): string => {
    const n = 10 + Math.floor(rand() * 14)
    const parts: string[] = []
    for (let i = 0; i < n; i++) {
      const r = rand()
      if (r < 0.07) parts.push(known[nextKnown()]!)
      else if (r < 0.1) parts.push(`${pick(TITLES)} ${invented[nextPerson()]!}`)
      else if (r < 0.11) parts.push(pick(inventedOrgs))
      else if (r < 0.125) parts.push(rand() < 0.5 ? pick(BRITISH) : pick(AMERICAN))
      else parts.push(vocabulary[nextWord()]!)
    }
    const text = parts.join(' ')
    return capital(text) + (rand() < 0.1 ? `, ${pick(['officials said', 'he said', 'she added', 'analysts noted'])}.` : '.')
  }
  const paragraph = (): string => {
    let text = ''
    while (text.length < 420) text += (text ? ' ' : '') + sentence()
    return rand() < 0.05 ? `“${text.slice(0, -1)},” ${pick(['the minister said', 'a spokesperson said'])}.` : text
  }

  const pages: GeneratedCorpus['pages'] = []
  const sources: GeneratedCorpus['sources'] = {}
  const pageCount = Math.ceil(paragraphs / PARAGRAPHS_PER_PAGE)
  const start = Date.UTC(2023, 0, 1)
  for (let p = 0; p < pageCount; p++) {
    const file = `gen-${String(p).padStart(6, '0')}.txt`
    const outlet = pick(OUTLETS)
    const syndicated = rand() < 0.1
    const dated = rand() >= 0.05
    const date = new Date(start + Math.floor(rand() * 730) * 86_400_000).toISOString().slice(0, 10)
    const title = capital(Array.from({ length: 6 + Math.floor(rand() * 6) }, () => vocabulary[nextWord()]!).join(' '))
    const lines: string[] = []
    if (rand() < 0.3) lines.push('Skip to main content', '')
    if (rand() < 0.2) lines.push('Markets open in 25 minutes', '• Gold', '', '2,310.40', '+12.10 (+0.53%)', '')
    lines.push(title, '')
    if (rand() < 0.5) lines.push(`By ${invented[nextPerson()]!}`, '')
    if (rand() < 0.3) lines.push(`${1 + Math.floor(rand() * 11)} hours ago`, '')
    for (let k = 0; k < PARAGRAPHS_PER_PAGE; k++) {
      lines.push(paragraph(), '')
      if (k === 9 && rand() < 0.3) lines.push('Advertisement', '')
      if (k === 12 && rand() < 0.2) lines.push(`${capital(word(3))}${Math.floor(rand() * 99)}x ${capital(word(4))}`, '')
    }
    if (rand() < 0.4) lines.push('Sign up for our daily newsletter', 'Leave a Comment', 'Looks good!')
    pages.push({ file, text: lines.join('\n') + '\n' })
    sources[file] = {
      outlet: syndicated ? pick(SYNDICATORS) : outlet,
      originalOutlet: syndicated ? outlet : null,
      url: null,
      title: null,
      published: dated ? date : null,
      note: null,
    }
  }
  return { pages, sources }
}
