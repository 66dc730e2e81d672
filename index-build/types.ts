// The shapes shared by the index build and the server: articles, paragraphs, entities, the index file.
import type { CommonPairs } from './common-pairs'
import type { IndexColumns } from './index-columns'
import type { TermIndex } from './term-index'

/** What is known about one article. Every field that is not known is `null`: never guessed. */
export interface Article {
  /** Stable id: the seed file name without its extension. */
  id: string
  /** The seed file this article came from, relative to the seeds folder. */
  file: string
  /** Headline, from sources.json or the page's own title line; null when unknown. */
  title: string | null
  /** Publisher of this copy (e.g. "Yahoo Finance Canada"); null when unknown. */
  outlet: string | null
  /** Publisher of the original for syndicated copies (e.g. "South China Morning Post"); null when none/unknown. */
  originalOutlet: string | null
  /** Publication day, YYYY-MM-DD; null when unknown. */
  date: string | null
  /** Where the page was found; null when unknown. May lack a scheme when the source did not give one. */
  url: string | null
  /** Free-text remark on the metadata (e.g. "on or after 2024-07-27"); null when none. */
  note: string | null
  /** Section headings in reading order (paragraphs refer to them by name). */
  sections: string[]
  /** Number of paragraphs kept. */
  paragraphCount: number
}

/** One clean paragraph of an article: the unit that is indexed and returned as a hit. */
export interface Paragraph {
  /** `${articleId}:${position}`. */
  id: string
  /** Id of the article it belongs to. */
  articleId: string
  /** 0-based position among the article's kept paragraphs. */
  position: number
  /** Heading of the section it stands under; null before any heading. */
  section: string | null
  /** The clean paragraph text. */
  text: string
  /** Canonical names of the actors it mentions, sorted. */
  actors: string[]
  /** Canonical names of the regions it mentions, sorted (not their parents: the server expands those). */
  regions: string[]
  /** Every reference to an entity in `text`, in text order (used to highlight alias matches). */
  mentions: Mention[]
  /** Ids of paragraphs in other articles carrying the same statement, sorted. */
  duplicates: string[]
}

/** Kinds of actor. */
export type ActorType = 'person' | 'state' | 'organisation'

/** A canonical entity as stored in the index. A country is both an actor (a state) and a region. */
export interface Entity {
  /** Canonical name, unique among entities. */
  name: string
  /** Actor type when it acts (person, state, organisation); null for a place that is only a region. */
  type: ActorType | null
  /** True when it is a place or area that can be a region facet value. */
  region: boolean
  /** Broader region this one lies in (Vientiane → Laos); null at the top or for non-regions. */
  parent: string | null
  /** Other spellings known or seen in the text (e.g. "Sergey Lavrov", "Sun Woedong"), sorted. */
  aliases: string[]
  /** `known` when it comes from the editable entity file, `nlp` when found by the NLP library. */
  source: 'known' | 'nlp'
}

/** Where a paragraph's text refers to an entity: [start, end) character offsets into `text`. */
export interface Mention {
  /** Canonical entity name. */
  name: string
  /** Start offset (inclusive) in the paragraph text. */
  start: number
  /** End offset (exclusive) in the paragraph text. */
  end: number
}

/** Why a line of a page was not kept as a paragraph. */
export type DropReason =
  | 'navigation'
  | 'paywall'
  | 'ticker'
  | 'promo'
  | 'signup'
  | 'comment-form'
  | 'image-label'
  | 'relative-time'
  | 'byline'
  | 'timestamp'
  | 'advertisement'
  | 'copyright'
  | 'garbage'
  | 'title'
  | 'heading'
  | 'rule'
  | 'empty'
  | 'consent'
  | 'reading-time'
  | 'related'
  | 'editor-note'
  | 'disclaimer'

/** Summary of one build, stored in the index file and printed by the CLI. */
export interface BuildReport {
  /** Articles indexed. */
  articles: number
  /** Paragraphs kept. */
  paragraphs: number
  /** Lines dropped, by reason. */
  dropped: Partial<Record<DropReason, number>>
  /** Entities, by actor type or `region`. */
  entities: Record<string, number>
  /** Pages skipped, with the reason (file names relative to the seeds folder). */
  warnings: { file: string; problem: string }[]
}

/** Index file content with the paragraph records already encoded and their columns made: no paragraph object at all. */
export interface EncodedIndexFile extends Omit<IndexFile, 'paragraphs'> {
  /** Paragraphs in all. */
  paragraphCount: number
  /** Their columns, as indexColumns makes them. */
  columns: IndexColumns
  /** Their records, in (article id, position) order, as encodeParagraphBlocks writes them: each block as pieces that follow one another. */
  paragraphBlocks: Uint8Array[][]
}

/** The index file written by index-build and read by the server. */
export interface IndexFile {
  /** Format marker and version; a reader refuses any other. */
  format: 'readout-index'
  version: number
  /** Articles in id order. */
  articles: Article[]
  /** Paragraphs in (article id, position) order. */
  paragraphs: Paragraph[]
  /** Every entity referred to by a paragraph, by name order. */
  entities: Entity[]
  /** Terms, postings and statistics, as MiniSearch with INDEX_OPTIONS would record them. */
  terms: TermIndex
  /** Paragraphs where two common terms stand adjacent (commonPairs of the term index). */
  commonPairs: CommonPairs
  /** What the build did. */
  report: BuildReport
}

/** Outlet facet value for paragraphs whose article has no known outlet (shown by the page as "Outlet unknown"). */
export const UNKNOWN_OUTLET = '(unknown)'

/** The outlet facet value of an article: the original outlet for syndicated copies, else the outlet. */
export function outletFacetValue(article: Pick<Article, 'outlet' | 'originalOutlet'>): string {
  return article.originalOutlet ?? article.outlet ?? UNKNOWN_OUTLET
}
