// Per-paragraph columns computed once at build time, so the server filters, counts and browses without reading paragraph records: article, actors, regions, browse order.
import type { Article, Entity, Paragraph } from './types'

/** Each paragraph's values as entity indexes, in compressed rows: paragraph p's are values[offsets[p]] … values[offsets[p + 1] - 1]. */
export interface EntityColumn {
  offsets: Uint32Array
  values: Uint32Array
}

/** The columns, indexed by paragraph ordinal. */
export interface IndexColumns {
  /** Index of each paragraph's article in the article list. */
  article: Uint32Array
  /** Actors mentioned (indexes into the entity list). */
  actors: EntityColumn
  /** Regions mentioned, without their broader regions (indexes into the entity list). */
  regions: EntityColumn
  /** Ordinals newest first (undated last), then by paragraph id: the browse order. */
  byDate: Uint32Array
}

/** Sortable YYYYMMDD of an article date; 0 when unknown. */
export const dateKeyOf = (date: string | null): number => (date ? Number(date.replaceAll('-', '')) : 0)

/** A column of entity names as entity indexes. */
function entityColumn(rows: string[][], indexOf: Map<string, number>): EntityColumn {
  const offsets = new Uint32Array(rows.length + 1)
  let total = 0
  rows.forEach((row, p) => {
    offsets[p] = total
    total += row.length
  })
  offsets[rows.length] = total
  const values = new Uint32Array(total)
  let k = 0
  for (const row of rows) {
    for (const name of row) {
      const i = indexOf.get(name)
      if (i === undefined) throw new Error(`index-build: paragraph tag "${name}" names no entity`)
      values[k++] = i
    }
  }
  return { offsets, values }
}

/** Builds the columns; every paragraph's article and tags must be in the lists given. */
export function indexColumns(articles: Article[], paragraphs: Pick<Paragraph, 'id' | 'articleId' | 'actors' | 'regions'>[], entities: Entity[]): IndexColumns {
  const articleIndex = new Map(articles.map((a, i) => [a.id, i]))
  const entityIndex = new Map(entities.map((e, i) => [e.name, i]))
  const article = Uint32Array.from(paragraphs, (p) => {
    const i = articleIndex.get(p.articleId)
    if (i === undefined) throw new Error(`index-build: paragraph ${p.id} names no article`)
    return i
  })
  return {
    article,
    actors: entityColumn(
      paragraphs.map((p) => p.actors),
      entityIndex,
    ),
    regions: entityColumn(
      paragraphs.map((p) => p.regions),
      entityIndex,
    ),
    byDate: browseOrder(
      articles,
      article,
      paragraphs.map((p) => p.id),
    ),
  }
}

/** The browse order of paragraphs given their articles (indexes into `articles`) and ids: newest first (undated last), then by id. */
export function browseOrder(articles: Article[], article: Uint32Array, ids: readonly string[]): Uint32Array {
  const dateKey = Uint32Array.from(article, (a) => dateKeyOf(articles[a]!.date))
  const order = Array.from(article, (_, i) => i)
  order.sort((a, b) => dateKey[b]! - dateKey[a]! || (ids[a]! < ids[b]! ? -1 : 1))
  return Uint32Array.from(order)
}
