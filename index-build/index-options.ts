// The one definition of how paragraphs are tokenised and indexed; the build and the server both import it.
import type { Options } from 'minisearch'
import { americanSpelling } from './spelling'
import { CodeUnits } from './code-units'
import { isAsciiLetterOrDigit, wordUnitsAt } from './word-characters'

/** The document MiniSearch indexes for one paragraph. */
export interface IndexDocument {
  /** The paragraph's ordinal: its position in the index file's paragraph list (search results map straight back to it). */
  id: number
  /** Paragraph text. */
  text: string
  /** Article title ('' when unknown). */
  title: string
  /** Section heading ('' when none). */
  section: string
  /** Canonical names of the actors and regions the paragraph mentions, space-joined. */
  entities: string
}

/** Fields searched, in the order MiniSearch stores them. */
export const SEARCH_FIELDS = ['text', 'title', 'section', 'entities'] as const

const POSSESSIVE = /['’]s\b/giu
const NON_WORD = /[^\p{L}\p{N}]+/u
/** Plain ASCII needs no accent folding (the common case, so it skips Unicode normalisation). */
const ASCII = /^[\x00-\x7f]*$/

/** The definition of tokenize, by regular expressions; `tokenize` is this, scanned by hand where it can be. */
export function tokenizeByPattern(text: string): string[] {
  return text.replace(POSSESSIVE, '').split(NON_WORD).filter((t) => t.length > 0)
}

const APOSTROPHE = 0x27
const RIGHT_SINGLE_QUOTE = 0x2019
const UNDERSCORE = 0x5f
/** "ſ", which case-folds to "s". */
const LONG_S = 0x17f

/**
 * tokenize's tokens of a text given as its code units `units[0 … n - 1]`, scanned by hand: their
 * [start, end) offsets go to `bounds` (two entries a token; it needs n + 1), and the count is
 * returned; or -1 for the rare text only the regular expressions get right. tokenize removes every
 * "'s" ("’s", either case) before a \b, then splits on what is neither letter nor digit.
 */
export function tokenBounds(units: Uint16Array, n: number, bounds: Int32Array): number {
  let count = 0
  let start = -1
  for (let i = 0; i < n; i++) {
    const w = wordUnitsAt(units, i, n)
    if (w > 0) {
      if (start < 0) start = i
      i += w - 1
      continue
    }
    if (start >= 0) {
      bounds[count * 2] = start
      bounds[count * 2 + 1] = i
      count++
      start = -1
    }
    const c = units[i]!
    if ((c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE) && i + 1 < n) {
      const next = units[i + 1]!
      // "'ſ": "ſ" case-folds to "s".
      if (next === LONG_S) return -1
      if ((next | 32) !== 115) continue
      if (i + 2 >= n) {
        i++
        continue
      }
      // The "s" is dropped when what follows is no word character for \b (ASCII letters, digits, "_").
      const after = units[i + 2]!
      if (after < 0x80) {
        if (!(isAsciiLetterOrDigit(after) || after === UNDERSCORE)) i++
        continue
      }
      // A letter or digit beyond ASCII: whether the "'s" goes depends on \b's own word characters ("ſ" and the Kelvin sign count), and where it goes the letters either side join (as do the halves of a surrogate pair).
      if (wordUnitsAt(units, i + 2, n) > 0 || (after >= 0xdc00 && after <= 0xdfff)) return -1
      i++
    }
  }
  if (start >= 0) {
    bounds[count * 2] = start
    bounds[count * 2 + 1] = n
    count++
  }
  return count
}

/** The text being tokenised, as code units, and its tokens' bounds. */
const scratch = new CodeUnits()
let scratchBounds = new Int32Array(1024)

/**
 * Splits text into raw word tokens: letters and digits, possessive 's dropped, all else a
 * separator. Scanned by hand (tokenBounds, the index's hot path); the rare text it cannot scan goes
 * through the regular expressions. The two agree on every input (a property test holds them to it).
 */
export function tokenize(text: string): string[] {
  if (scratchBounds.length < text.length + 1) scratchBounds = new Int32Array(text.length + 1)
  const count = tokenBounds(scratch.of(text), text.length, scratchBounds)
  if (count < 0) return tokenizeByPattern(text)
  const out = new Array<string>(count)
  for (let t = 0; t < count; t++) out[t] = text.slice(scratchBounds[t * 2]!, scratchBounds[t * 2 + 1]!)
  return out
}

/** Normalises a token for indexing and querying: lowercase, accents folded, British → American spelling. */
export function normaliseTerm(term: string): string | null {
  const folded = ASCII.test(term) ? term.toLowerCase() : term.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
  if (folded.length === 0) return null
  return americanSpelling(folded)
}

/** The index terms of a text, in order: its tokens normalised, those that normalise to nothing left out (what the index holds for it, and what a query's words match). */
export function indexTerms(text: string): string[] {
  const out: string[] = []
  for (const token of tokenize(text)) {
    const term = normaliseTerm(token)
    if (term) out.push(term)
  }
  return out
}

/** MiniSearch options shared by index-build (construct) and the server (loadJS). No stop words: `US`, `Xi` stay searchable. */
export const INDEX_OPTIONS: Options<IndexDocument> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize,
  processTerm: normaliseTerm,
}
