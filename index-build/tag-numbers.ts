// Paragraph tags as numbers, the way page workers send them: the build makes the index columns from them without one object per paragraph.
import type { Growable } from './growable'
import { browseOrder, type EntityColumn, type IndexColumns } from './index-columns'
import type { Article, Entity, Paragraph } from './types'

/** Appends each paragraph's tags to `out`: the number of actors, their numbers, the number of regions, theirs; `numberOf` gives a name's number. */
export function encodeTagNumbers(paragraphs: readonly Pick<Paragraph, 'actors' | 'regions'>[], numberOf: (name: string) => number, out: Growable<Uint32Array>): void {
  for (const p of paragraphs) {
    for (const row of [p.actors, p.regions]) {
      out.reserve(row.length + 1)
      out.push(row.length)
      for (const name of row) out.push(numberOf(name))
    }
  }
}

/** A tagged page as the build holds it: its article (null when skipped), its paragraphs' count and their tags as encodeTagNumbers wrote them, numbering the names of the worker that tagged it. */
export interface TaggedPage {
  article: Article | null
  paragraphs: number
  tags: Uint32Array
  worker: number
}

/** A column being filled row by row. */
class ColumnWriter {
  readonly offsets: Uint32Array
  values: Uint32Array
  length = 0

  constructor(rows: number, values: number) {
    this.offsets = new Uint32Array(rows + 1)
    this.values = new Uint32Array(values)
  }

  /** Copies the row at `at` in `tags` (its length, then its numbers, mapped by `global`) as row `p`; returns where the next row starts. */
  copyRow(p: number, tags: Uint32Array, at: number, global: Uint32Array): number {
    this.offsets[p] = this.length
    const end = at + 1 + tags[at]!
    if (end > tags.length) throw new Error('index-build: paragraph tags end inside a row')
    for (let k = at + 1; k < end; k++) {
      const i = global[tags[k]!]
      if (i === undefined) throw new Error(`index-build: paragraph tag number ${tags[k]} names no entity`)
      this.values[this.length++] = i
    }
    return end
  }

  finish(rows: number): EntityColumn {
    this.offsets[rows] = this.length
    return { offsets: this.offsets, values: this.values.slice(0, this.length) }
  }
}

/**
 * The index columns of tagged pages' paragraphs, in page order: what indexColumns gives for
 * their paragraphs (every article and tag must be in the lists given), and the paragraphs' ids
 * (`article id:position`). `names[w]` lists by number the names worker w's tags refer to.
 */
export function tagNumberColumns(pages: readonly TaggedPage[], names: readonly (readonly string[])[], articles: Article[], entities: Entity[]): { columns: IndexColumns; ids: string[] } {
  const articleIndex = new Map(articles.map((a, i) => [a.id, i]))
  const entityIndex = new Map(entities.map((e, i) => [e.name, i]))
  // Each worker's numbers as entity indexes.
  const globals = names.map((list) =>
    Uint32Array.from(list, (name) => {
      const i = entityIndex.get(name)
      if (i === undefined) throw new Error(`index-build: paragraph tag "${name}" names no entity`)
      return i
    }),
  )
  let rows = 0
  let numbers = 0
  for (const page of pages) {
    rows += page.paragraphs
    numbers += page.tags.length
  }
  const article = new Uint32Array(rows)
  const ids = new Array<string>(rows)
  // Each row of either column has at most the page's numbers less its two counts a paragraph.
  const actors = new ColumnWriter(rows, numbers)
  const regions = new ColumnWriter(rows, numbers)
  let p = 0
  for (const page of pages) {
    if (page.paragraphs === 0) continue
    if (!page.article) throw new Error('index-build: a page without an article has paragraphs')
    const { id } = page.article
    const a = articleIndex.get(id)
    if (a === undefined) throw new Error(`index-build: paragraph ${id}:0 names no article`)
    const global = globals[page.worker]
    if (!global) throw new Error(`index-build: article ${id} was tagged by worker ${page.worker}, which gave no names`)
    let at = 0
    for (let position = 0; position < page.paragraphs; position++, p++) {
      article[p] = a
      ids[p] = `${id}:${position}`
      at = actors.copyRow(p, page.tags, at, global)
      at = regions.copyRow(p, page.tags, at, global)
    }
    if (at !== page.tags.length) throw new Error(`index-build: the tags of article ${id} do not fit its ${page.paragraphs} paragraphs`)
  }
  return { columns: { article, actors: actors.finish(rows), regions: regions.finish(rows), byDate: browseOrder(articles, article, ids) }, ids }
}
