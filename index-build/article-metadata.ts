// Decides an article's metadata from sources.json and what the page's own text states: never guesses.
import type { Article } from './types'
import type { SourceEntry } from './sources'

/** What the page's own text says about itself (from the cleaner). */
export interface PageStatedMetadata {
  /** Title line of the page, if any. */
  title: string | null
  /** Publication day stated in the text, YYYY-MM-DD. */
  date: string | null
  /** "This article originally appeared in the X" → X. */
  originalOutlet: string | null
  /** "Copyright © 2024 X Ltd." → X. */
  copyrightHolder: string | null
}

/** The metadata fields of an article. */
export type ArticleMetadata = Pick<Article, 'title' | 'outlet' | 'originalOutlet' | 'date' | 'url' | 'note'>

const sameOutlet = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0

/**
 * Merges sources.json (wins where it states a value) with the page's own statements (fill the gaps).
 * A copyright holder is taken as the outlet only when the page does not credit it as the original
 * publisher of a syndicated copy; an original outlet equal to the outlet is not kept (not syndicated).
 */
export function articleMetadata(source: SourceEntry | undefined, page: PageStatedMetadata): ArticleMetadata {
  const originalOutlet = source?.originalOutlet ?? page.originalOutlet
  const holderIsOriginal = sameOutlet(page.copyrightHolder, page.originalOutlet) || sameOutlet(page.copyrightHolder, originalOutlet)
  const outlet = source?.outlet ?? (holderIsOriginal ? null : page.copyrightHolder)
  return {
    title: source?.title ?? page.title,
    outlet,
    originalOutlet: sameOutlet(originalOutlet, outlet) ? null : originalOutlet,
    date: source?.published ?? page.date,
    url: source?.url ?? null,
    note: source?.note ?? null,
  }
}
