// The one definition of how paragraphs are tokenised and indexed; the build and the server both import it.
import type { Options } from 'minisearch'
import { americanSpelling } from './spelling'
import { isAsciiLetterOrDigit } from './word-characters'

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

/** The definition of tokenize, by regular expressions; `tokenize` is this, faster on ASCII text. */
export function tokenizeByPattern(text: string): string[] {
  return text.replace(POSSESSIVE, '').split(NON_WORD).filter((t) => t.length > 0)
}

/**
 * Splits text into raw word tokens: letters and digits, possessive 's dropped, all else a
 * separator. ASCII text is scanned by hand (the index's hot path); other text goes through the
 * regular expressions. The two agree on every input (a property test holds them to it).
 */
export function tokenize(text: string): string[] {
  if (!ASCII.test(text)) return tokenizeByPattern(text)
  const out: string[] = []
  let start = -1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (isAsciiLetterOrDigit(c)) {
      if (start < 0) start = i
      continue
    }
    if (start >= 0) {
      out.push(text.slice(start, i))
      start = -1
    }
    // "'s" or "'S" before a non-word character (\b: "_" is a word character there) or the end is dropped.
    if (c === 39 && (text.charCodeAt(i + 1) | 32) === 115) {
      const after = text.charCodeAt(i + 2)
      if (i + 2 >= text.length || !(isAsciiLetterOrDigit(after) || after === 95)) i++
    }
  }
  if (start >= 0) out.push(text.slice(start))
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
