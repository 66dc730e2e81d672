// The one definition of how paragraphs are tokenised and indexed; the build and the server both import it.
import type { Options } from 'minisearch'
import { americanSpelling } from './spelling'

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

/** Splits text into raw word tokens: letters and digits, possessive 's dropped, all else a separator. */
export function tokenize(text: string): string[] {
  return text.replace(POSSESSIVE, '').split(NON_WORD).filter((t) => t.length > 0)
}

/** Normalises a token for indexing and querying: lowercase, accents folded, British → American spelling. */
export function normaliseTerm(term: string): string | null {
  const folded = ASCII.test(term) ? term.toLowerCase() : term.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
  if (folded.length === 0) return null
  return americanSpelling(folded)
}

/** MiniSearch options shared by index-build (construct) and the server (loadJS). No stop words: `US`, `Xi` stay searchable. */
export const INDEX_OPTIONS: Options<IndexDocument> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize,
  processTerm: normaliseTerm,
}
