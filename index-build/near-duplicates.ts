// Links paragraphs of different articles that carry the same statement (a shared run of words).
import { normaliseTerm, tokenize } from './index-options'
import { PairSet } from './pair-set'
import { type SortedShingles, sortShingles } from './sorted-shingles'

/** Words in a run that makes two paragraphs carry "the same statement". */
export const SHINGLE_WORDS = 8

/** A run shared by more articles than this is boilerplate, not a statement, and links nothing. */
export const MAX_ARTICLES_PER_SHINGLE = 25

/** One paragraph as seen by the linker. */
export interface LinkableParagraph {
  /** Paragraph id. */
  id: string
  /** Its article's id: paragraphs of the same article are never linked. */
  articleId: string
  /** Paragraph text. */
  text: string
}

/** Most paragraphs nearDuplicatePairs (and so nearDuplicateLinks) takes: PairSet's limit. */
const MAX_PARAGRAPHS = 2 ** 26

/** Maps an index term to its 32-bit hash (FNV-1a), the unit shingle keys are made of. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Each paragraph's distinct runs of SHINGLE_WORDS words as 53-bit keys: paragraph i's keys are `keys[ends[i - 1] ?? 0 .. ends[i])`. */
export interface ShingleKeys {
  /** Keys of every paragraph, one after the other, each paragraph's in first-seen order. */
  keys: Float64Array
  /** End offset in `keys` of each paragraph's keys. */
  ends: Uint32Array
}

/** Most raw tokens whose word hash is remembered; past it the memory starts afresh (a build's vocabulary is far smaller). */
const WORD_HASH_MEMORY = 1 << 20

/** Hash of each raw token's normalised word, or -1 when it normalises to nothing: most tokens repeat, so each is normalised once. */
const wordHashOf = new Map<string, number>()

/** The word hashes of a text's index terms, in order (indexTerms, hashed; each raw token normalised once). */
function wordHashes(text: string): number[] {
  const hashes: number[] = []
  for (const token of tokenize(text)) {
    let h = wordHashOf.get(token)
    if (h === undefined) {
      const term = normaliseTerm(token)
      h = term ? hashWord(term) : -1
      if (wordHashOf.size >= WORD_HASH_MEMORY) wordHashOf.clear()
      wordHashOf.set(token, h)
    }
    if (h >= 0) hashes.push(h)
  }
  return hashes
}

/** Open-addressing table of the keys already taken from the paragraph being keyed (-1: free), reused; at least twice its windows. */
let seenKeys = new Float64Array(1024).fill(-1)
/** The slots of seenKeys in use, to free them afterwards. */
let takenSlots = new Uint32Array(512)

/**
 * The shingle keys of some paragraphs. A run of words is keyed by two independent 32-bit
 * polynomial hashes (a 53-bit key), so no run of words is ever built as a string.
 */
export function shingleKeys(texts: string[]): ShingleKeys {
  return shingleKeysOfWords(texts.map(wordHashes))
}

/** shingleKeys of paragraphs given as the hashes (hashWord) of their index terms, in order. */
export function shingleKeysOfWords(hashesOf: readonly (readonly number[])[]): ShingleKeys {
  const ends = new Uint32Array(hashesOf.length)
  const windows = hashesOf.reduce((n, h) => n + Math.max(0, h.length - SHINGLE_WORDS + 1), 0)
  const keys = new Float64Array(windows)
  let total = 0
  hashesOf.forEach((hashes, t) => {
    const count = hashes.length - SHINGLE_WORDS + 1
    if (count > 0) {
      if (seenKeys.length < count * 2) {
        seenKeys = new Float64Array(2 ** Math.ceil(Math.log2(count * 2))).fill(-1)
        takenSlots = new Uint32Array(seenKeys.length / 2)
      }
      const mask = seenKeys.length - 1
      let taken = 0
      for (let i = 0; i < count; i++) {
        let h1 = 0
        let h2 = 0
        for (let k = i; k < i + SHINGLE_WORDS; k++) {
          h1 = (Math.imul(h1, 31) + hashes[k]!) | 0
          h2 = (Math.imul(h2, 1_000_003) ^ hashes[k]!) | 0
        }
        const key = (h1 >>> 0) * 2_097_152 + (h2 >>> 11)
        // Each distinct key once, in first-seen order.
        let slot = (h1 ^ h2) & mask
        while (seenKeys[slot] !== -1 && seenKeys[slot] !== key) slot = (slot + 1) & mask
        if (seenKeys[slot] === -1) {
          seenKeys[slot] = key
          takenSlots[taken++] = slot
          keys[total++] = key
        }
      }
      for (let k = 0; k < taken; k++) seenKeys[takenSlots[k]!] = -1
    }
    ends[t] = total
  })
  return { keys: total === windows ? keys : keys.slice(0, total), ends }
}

/**
 * For each paragraph, the sorted ids of paragraphs in other articles that share a run of
 * SHINGLE_WORDS normalised words with it. Deterministic; symmetric.
 */
export function linkNearDuplicates(paragraphs: LinkableParagraph[]): Map<string, string[]> {
  return linkSortedShingles(paragraphs, sortShingles(shingleKeys(paragraphs.map((p) => p.text))))
}

/** linkNearDuplicates over the paragraphs' shingle keys sorted by key (paragraphs by position in `paragraphs`). */
export function linkSortedShingles(paragraphs: Pick<LinkableParagraph, 'id' | 'articleId'>[], sorted: SortedShingles): Map<string, string[]> {
  const links = nearDuplicateLinks(paragraphs, [{ sorted }])
  const result = new Map<string, string[]>()
  for (const p of paragraphs) result.set(p.id, [...(links.get(p.id) ?? [])])
  return result
}

/** Sorted shingle keys of some of the paragraphs (a page worker's): `ordinals[p]` is the part's paragraph p among all, ascending; without ordinals the part's paragraphs are all of them. */
export interface ShinglePart {
  sorted: SortedShingles
  ordinals?: Uint32Array
}

/**
 * linkSortedShingles for the paragraphs that have near-duplicates only (the others have none):
 * each paragraph id with the sorted ids of the paragraphs it shares a key with, the keys given
 * in sorted parts (read together in key order, never merged into one list). Two paragraphs that
 * share one run of words share many, so each pair is found as numbers and kept once before any
 * id is looked at.
 */
export function nearDuplicateLinks(paragraphs: Pick<LinkableParagraph, 'id' | 'articleId'>[], parts: ShinglePart[]): Map<string, string[]> {
  // Each paragraph's article, numbered.
  const articleNumbers = new Map<string, number>()
  const articleOf = new Int32Array(paragraphs.length)
  paragraphs.forEach((p, i) => {
    let a = articleNumbers.get(p.articleId)
    if (a === undefined) articleNumbers.set(p.articleId, (a = articleNumbers.size))
    articleOf[i] = a
  })
  return linksOf(nearDuplicatePairs(articleOf, parts), (i) => paragraphs[i]!.id)
}

/** Each id that is in a pair (paragraphs by number; `idOf` gives a number's id) with the sorted ids it is paired with, either way round. */
export function linksOf(pairs: PairSet, idOf: (paragraph: number) => string): Map<string, string[]> {
  // Each paragraph's partners by number, grouped by paragraph (counted, then placed): no id is looked at per pair.
  let count = 0
  pairs.forEach((a, b) => (count = Math.max(count, a + 1, b + 1)))
  const from = new Uint32Array(count + 1)
  pairs.forEach((a, b) => {
    from[a + 1]!++
    from[b + 1]!++
  })
  for (let p = 0; p < count; p++) from[p + 1]! += from[p]!
  const partners = new Uint32Array(from[count]!)
  const fill = from.slice(0, count)
  pairs.forEach((a, b) => {
    partners[fill[a]!++] = b
    partners[fill[b]!++] = a
  })
  const links = new Map<string, string[]>()
  for (let p = 0; p < count; p++) {
    if (from[p] === from[p + 1]) continue
    const id = idOf(p)
    // Paragraphs may share an id (pages "a.txt" and "a.TXT"): their partners join under it, each id once.
    const ids = [...(links.get(id) ?? [])]
    for (let i = from[p]!; i < from[p + 1]!; i++) ids.push(idOf(partners[i]!))
    ids.sort()
    links.set(id, ids.filter((other, i) => i === 0 || other !== ids[i - 1]))
  }
  return links
}

/** A sorted part's key at `j` as one number (hi × 2^32 + lo: 53 bits, exact), Infinity past its end. */
const keyAt = (lo: Uint32Array, hi: Uint32Array, j: number) => (j < lo.length ? hi[j]! * 0x1_0000_0000 + lo[j]! : Infinity)

/** The pairs (a, b), a < b, of paragraphs (by position; `articleOf` numbers each one's article) of different articles that share a key of 2 … MAX_ARTICLES_PER_SHINGLE articles: nearDuplicateLinks as numbers. */
export function nearDuplicatePairs(articleOf: Int32Array | Uint32Array, parts: ShinglePart[]): PairSet {
  if (articleOf.length > MAX_PARAGRAPHS) throw new Error(`index-build: near-duplicates are linked among at most ${MAX_PARAGRAPHS} paragraphs, not ${articleOf.length}`)
  // Pairs (a, b), a < b, of paragraphs of different articles sharing a key of 2 … MAX_ARTICLES_PER_SHINGLE articles.
  const pairs = new PairSet()
  const articles: number[] = []
  const los = parts.map((p) => p.sorted.lo)
  const his = parts.map((p) => p.sorted.hi)
  const owners = parts.map((p) => p.sorted.paragraph)
  const ordinals = parts.map((p) => p.ordinals ?? null)
  const next = new Uint32Array(parts.length)
  /** Each part's next key (keyAt). */
  const heads = Float64Array.from(parts, (_, i) => keyAt(los[i]!, his[i]!, 0))
  /** Where the key at hand starts in each part (scratch). */
  const runStart = new Uint32Array(parts.length)
  /** The paragraphs sharing the key at hand (scratch). */
  let members = new Int32Array(64)
  for (;;) {
    // The least key among the parts' next entries (in part `least`), and the least of the others'.
    let key = Infinity
    let least = -1
    let others = Infinity
    for (let i = 0; i < parts.length; i++) {
      const head = heads[i]!
      if (head < key) {
        others = key
        key = head
        least = i
      } else if (head < others) others = head
    }
    if (key === Infinity) break
    // Most keys stand once: those in part `least` below every other part's next key, each unlike the one after it, pair nothing and are passed over in one tight loop.
    if (key < others) {
      const partLo = los[least]!
      const partHi = his[least]!
      const from = next[least]!
      let j = from
      let head = key
      for (;;) {
        const after = keyAt(partLo, partHi, j + 1)
        if (after === head) break
        j++
        head = after
        if (head >= others) break
      }
      next[least] = j
      heads[least] = head
      if (j > from) continue
    }
    // Every entry with the least key: its members.
    // The run's length first: most keys stand once, and their paragraphs are never looked up (a random read each).
    let count = 0
    for (let i = 0; i < parts.length; i++) {
      let j = (runStart[i] = next[i]!)
      if (heads[i] !== key) continue
      const partLo = los[i]!
      const partHi = his[i]!
      let head = key
      while (head === key) head = keyAt(partLo, partHi, ++j)
      heads[i] = head
      next[i] = j
      count += j - runStart[i]!
    }
    if (count < 2) continue
    if (count > members.length) members = new Int32Array(Math.max(count, members.length * 2))
    count = 0
    for (let i = 0; i < parts.length; i++) {
      const owner = owners[i]!
      const ordinal = ordinals[i]
      for (let j = runStart[i]!; j < next[i]!; j++) members[count++] = ordinal ? ordinal[owner[j]!]! : owner[j]!
    }
    articles.length = 0
    for (let i = 0; i < count && articles.length <= MAX_ARTICLES_PER_SHINGLE; i++) {
      const a = articleOf[members[i]!]!
      if (!articles.includes(a)) articles.push(a)
    }
    if (articles.length < 2 || articles.length > MAX_ARTICLES_PER_SHINGLE) continue
    for (let i = 0; i < count; i++) {
      for (let j = i + 1; j < count; j++) {
        const a = members[i]!
        const b = members[j]!
        if (articleOf[a] === articleOf[b]) continue
        if (a < b) pairs.add(a, b)
        else pairs.add(b, a)
      }
    }
  }
  return pairs
}
