// A small hand-made index for API tests: four articles from three outlets, with entities, regions, dates and a near-duplicate.
import { assembleIndex } from '../../index-build/assemble-index'
import { type LoadedIndex, loadIndex } from '../../index-build/index-file'
import type { Article, Entity, Paragraph } from '../../index-build/types'

const article = (id: string, fields: Partial<Article>): Article => ({
  id,
  file: `${id}.txt`,
  title: null,
  outlet: null,
  originalOutlet: null,
  date: null,
  url: null,
  note: null,
  sections: [],
  paragraphCount: 0,
  ...fields,
})

export const ARTICLES: Article[] = [
  article('a1', { title: 'Lavrov and Wang meet in Vientiane', outlet: 'Harbour Gazette', date: '2024-07-25', paragraphCount: 3 }),
  article('a2', { title: 'Blinken visits Manila', outlet: 'Yahoo Example', originalOutlet: 'Northern Wire', date: '2024-07-27', paragraphCount: 2 }),
  article('a3', { title: 'Defence ties', outlet: 'Harbour Gazette', date: '2024-02-28', paragraphCount: 2 }),
  article('a4', { title: null, outlet: null, date: null, paragraphCount: 1 }),
]

const para = (articleId: string, position: number, text: string, fields: Partial<Paragraph> = {}): Paragraph => ({
  id: `${articleId}:${position}`,
  articleId,
  position,
  section: null,
  text,
  actors: [],
  regions: [],
  mentions: [],
  duplicates: [],
  ...fields,
})

export const PARAGRAPHS: Paragraph[] = [
  para('a1', 0, 'Russian Foreign Minister Sergey Lavrov met Wang Yi in Vientiane on Thursday.', {
    actors: ['Sergei Lavrov', 'Wang Yi'],
    regions: ['Vientiane'],
    mentions: [
      { name: 'Sergei Lavrov', start: 25, end: 38 },
      { name: 'Wang Yi', start: 43, end: 50 },
      { name: 'Vientiane', start: 54, end: 63 },
    ],
  }),
  para('a1', 1, 'Lavrov said the partnership was "mature, stable, resilient and autonomous".', {
    actors: ['Sergei Lavrov'],
    mentions: [{ name: 'Sergei Lavrov', start: 0, end: 6 }],
    duplicates: ['a2:1'],
  }),
  para('a1', 2, 'Both sides criticised military manoeuvres in the South China Sea near Second Thomas Shoal.', {
    section: 'Regional tension',
    regions: ['Second Thomas Shoal', 'South China Sea'],
    mentions: [
      { name: 'South China Sea', start: 49, end: 64 },
      { name: 'Second Thomas Shoal', start: 70, end: 89 },
    ],
  }),
  para('a2', 0, 'US Secretary of State Antony Blinken arrived in Manila for talks with the Philippines.', {
    actors: ['Antony Blinken', 'Philippines', 'United States'],
    regions: ['Manila', 'Philippines', 'United States'],
    mentions: [
      { name: 'United States', start: 0, end: 2 },
      { name: 'Antony Blinken', start: 22, end: 36 },
      { name: 'Manila', start: 48, end: 54 },
      { name: 'Philippines', start: 74, end: 85 },
    ],
  }),
  para('a2', 1, 'Wang Yi called ties with Russia mature, stable, resilient and autonomous.', {
    actors: ['Russia', 'Wang Yi'],
    regions: ['Russia'],
    mentions: [
      { name: 'Wang Yi', start: 0, end: 7 },
      { name: 'Russia', start: 25, end: 31 },
    ],
    duplicates: ['a1:1'],
  }),
  para('a3', 0, 'Vice Foreign Minister Sun Weidong praised defence cooperation with Russia.', {
    actors: ['Russia', 'Sun Weidong'],
    regions: ['Russia'],
    mentions: [
      { name: 'Sun Weidong', start: 22, end: 33 },
      { name: 'Russia', start: 67, end: 73 },
    ],
  }),
  para('a3', 1, 'Sun Woedong said Xi would travel, and the traveller <script>alert(1)</script> stayed home.', {
    actors: ['Sun Weidong', 'Xi Jinping'],
    mentions: [
      { name: 'Sun Weidong', start: 0, end: 11 },
      { name: 'Xi Jinping', start: 17, end: 19 },
    ],
  }),
  para('a4', 0, 'An undated note on the Philippines and the defense of the shoal.', {
    actors: ['Philippines'],
    regions: ['Philippines'],
    mentions: [{ name: 'Philippines', start: 23, end: 34 }],
  }),
]

const entity = (name: string, fields: Partial<Entity>): Entity => ({ name, type: null, region: false, parent: null, aliases: [], source: 'known', ...fields })

export const ENTITIES: Entity[] = [
  entity('Antony Blinken', { type: 'person' }),
  entity('Asia', { region: true }),
  entity('Laos', { type: 'state', region: true, parent: 'Southeast Asia' }),
  entity('Manila', { region: true, parent: 'Philippines' }),
  entity('Philippines', { type: 'state', region: true, parent: 'Southeast Asia' }),
  entity('Russia', { type: 'state', region: true }),
  entity('Second Thomas Shoal', { region: true, parent: 'South China Sea' }),
  entity('Sergei Lavrov', { type: 'person', aliases: ['Sergey Lavrov'] }),
  entity('South China Sea', { region: true, parent: 'Southeast Asia' }),
  entity('Southeast Asia', { region: true, parent: 'Asia' }),
  entity('Sun Weidong', { type: 'person', aliases: ['Sun Woedong'] }),
  entity('United States', { type: 'state', region: true }),
  entity('Vientiane', { region: true, parent: 'Laos' }),
  entity('Wang Yi', { type: 'person' }),
  entity('Xi Jinping', { type: 'person' }),
]

/** A fresh loaded fixture index. */
export function fixtureIndex(): LoadedIndex {
  return loadIndex(assembleIndex(ARTICLES, PARAGRAPHS, ENTITIES, { articles: 4, paragraphs: PARAGRAPHS.length, dropped: {}, entities: {}, warnings: [] }))
}
