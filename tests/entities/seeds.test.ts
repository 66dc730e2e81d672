import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanPage } from '../../index-build/clean/clean-page'
import { decodePage } from '../../index-build/clean/decode-page'
import { KNOWN_ENTITIES } from '../../index-build/entities/knowledge-base'
import { mergeEntities } from '../../index-build/entities/merge-entities'
import { tagArticle } from '../../index-build/entities/tag-article'

const SEEDS = join(import.meta.dirname, '../../seeds')

/** Every seed page cleaned and tagged. */
const articles = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((file) => {
    const decoded = decodePage(readFileSync(join(SEEDS, file)))
    if (!decoded.ok) throw new Error(decoded.problem)
    const page = cleanPage(decoded.text)
    const texts = page.paragraphs.map((p) => p.text)
    return { file, texts, tags: tagArticle(texts, KNOWN_ENTITIES, page.title) }
  })
const entities = mergeEntities(articles.map((a) => a.tags.entities))
const byName = new Map(entities.map((e) => [e.name, e]))

/** Canonical names tagged on the paragraph of `file` that contains `phrase`. */
function tagsWhere(file: string, phrase: string) {
  const a = articles.find((x) => x.file.startsWith(file))!
  const i = a.texts.findIndex((t) => t.includes(phrase))
  if (i < 0) throw new Error(`${file}: no paragraph contains ${phrase}`)
  return a.tags.paragraphs[i]!
}

describe('entity tagging on the seed pages', () => {
  it('merges the spellings of Lavrov into one actor', () => {
    expect(byName.get('Sergei Lavrov')!.aliases).toContain('Sergey Lavrov')
    expect(tagsWhere('001', 'Lavrov thanked Wang').actors).toContain('Sergei Lavrov')
    expect(tagsWhere('002', 'Lavrov hailed Russia').actors).toContain('Sergei Lavrov')
  })

  it('resolves "Foreign Minister Yi" and a bare "Wang" to Wang Yi', () => {
    expect(tagsWhere('000', 'Foreign Minister Yi').actors).toContain('Wang Yi')
    expect(tagsWhere('001', 'Wang hailed ties').actors).toContain('Wang Yi')
  })

  it('resolves "Sun Woedong" and "Sun’s visit" to Sun Weidong', () => {
    expect(tagsWhere('004', 'Sun Woedong').actors).toContain('Sun Weidong')
    expect(tagsWhere('004', "Sun's visit").actors).toContain('Sun Weidong')
    expect(byName.get('Sun Weidong')!.aliases).toContain('Sun Woedong')
  })

  it('merges Marcos Jr and Marcos Jnr., Asean and ASEAN, Asia Pacific and Asia-Pacific', () => {
    expect(tagsWhere('001', 'Marcos Jr').actors).toContain('Ferdinand Marcos Jr')
    expect(tagsWhere('002', 'Marcos Jnr.').actors).toContain('Ferdinand Marcos Jr')
    expect(tagsWhere('001', 'Asean-centric').actors).toContain('ASEAN')
    expect(tagsWhere('002', 'central role of ASEAN').actors).toContain('ASEAN')
    expect(tagsWhere('004', "Asia-Pacific region's").regions).toContain('Asia-Pacific')
  })

  it('places Second Thomas Shoal in the South China Sea in Southeast Asia', () => {
    expect(tagsWhere('002', 'Second Thomas Shoal').regions).toContain('Second Thomas Shoal')
    expect(byName.get('Second Thomas Shoal')!.parent).toBe('South China Sea')
    expect(byName.get('South China Sea')!.parent).toBe('Southeast Asia')
    expect(byName.get('Vientiane')!.parent).toBe('Laos')
  })
})
