// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import FacetPanel from '../../client/src/facet-panel.js'
import { html, render } from '../../client/src/lib/preact.js'
import { markText, queryWords } from '../../client/src/mark-text.js'
import RegionTree, { regionTree } from '../../client/src/region-tree.js'
import { groupHits } from '../../client/src/group-hits.js'
import ResultItem, { alsoReportedBy } from '../../client/src/result-item.js'
import { duplicateArticles } from '../../client/src/use-search.js'
import ResultList from '../../client/src/result-list.js'
import { emptyState } from '../../client/src/url-state.js'

let root: HTMLElement
afterEach(() => {
  render(null, root)
  root.remove()
})
/** Renders into a fresh element attached to the document. */
function mount(vnode: unknown): HTMLElement {
  root = document.createElement('div')
  document.body.append(root)
  render(vnode as never, root)
  return root
}

const outlets = [
  { value: 'South China Morning Post', count: 21 },
  { value: '(unknown)', count: 5 },
  { value: 'CNN', count: 0 },
]

describe('FacetPanel', () => {
  it('renders labelled checkboxes with counts, checking the selected values', () => {
    const el = mount(html`<${FacetPanel} title="Outlet" name="outlet" values=${outlets} selected=${['CNN']} onToggle=${() => {}} />`)
    const labels = [...el.querySelectorAll('label')].map((l) => [l.querySelector('.facet-name')!.textContent, l.querySelector('.count')!.textContent])
    expect(labels).toEqual([['South China Morning Post', '21'], ['Outlet unknown', '5'], ['CNN', '0']])
    const checked = [...el.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((i) => i.checked).map((i) => i.value)
    expect(checked).toEqual(['CNN'])
    expect(el.querySelector('legend')!.textContent).toBe('Outlet')
  })

  it('calls onToggle with the value when a box changes', () => {
    const toggled: string[] = []
    const el = mount(html`<${FacetPanel} title="Outlet" name="outlet" values=${outlets} selected=${[]} onToggle=${(v: string) => toggled.push(v)} />`)
    el.querySelectorAll<HTMLInputElement>('input[type=checkbox]')[1]!.click()
    expect(toggled).toEqual(['(unknown)'])
  })

  it('shows a filter box and "show all" for long lists, and keeps selected values visible', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ value: `Actor ${String.fromCharCode(65 + i)}`, count: 12 - i, type: 'person' }))
    const el = mount(html`<${FacetPanel} title="Actor" name="actor" values=${many} selected=${['Actor L']} onToggle=${() => {}} groupByType=${true} />`)
    expect(el.querySelectorAll('input[type=checkbox]')).toHaveLength(9)
    expect(el.querySelector('h3')!.textContent).toBe('People')
    expect(el.querySelector('button.more')!.textContent!.trim()).toBe('Show all 12')
    const filter = el.querySelector<HTMLInputElement>('input.facet-filter')!
    filter.value = 'actor c'
    filter.dispatchEvent(new Event('input', { bubbles: true }))
    await new Promise((r) => setTimeout(r, 0))
    expect([...el.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((i) => i.value)).toEqual(['Actor C'])
  })
})

describe('RegionTree', () => {
  const regions = [
    { value: 'Southeast Asia', count: 9, parent: 'Asia' },
    { value: 'South China Sea', count: 4, parent: 'Southeast Asia' },
    { value: 'Second Thomas Shoal', count: 2, parent: 'South China Sea' },
    { value: 'Laos', count: 5, parent: 'Southeast Asia' },
    { value: 'Russia', count: 7, parent: null },
  ]

  it('nests regions under their parents, roots for unlisted parents', () => {
    const tree = regionTree(regions)
    expect(tree.map((n) => n.value.value)).toEqual(['Southeast Asia', 'Russia'])
    expect(tree[0]!.children.map((n) => n.value.value)).toEqual(['Laos', 'South China Sea'])
    expect(tree[0]!.children[1]!.children[0]!.value.value).toBe('Second Thomas Shoal')
  })

  it('renders the tree as nested lists of checkboxes', () => {
    const el = mount(html`<${RegionTree} values=${regions} selected=${['Laos']} onToggle=${() => {}} />`)
    const shoal = el.querySelector<HTMLInputElement>('input[value="Second Thomas Shoal"]')!
    expect(shoal.closest('ul')!.parentElement!.closest('li')!.querySelector('input')!.value).toBe('South China Sea')
    expect(el.querySelector<HTMLInputElement>('input[value="Laos"]')!.checked).toBe(true)
  })
})

describe('ResultItem', () => {
  const hit = {
    id: 'a:0',
    article: { id: 'a', title: '<img src=x onerror="window.hacked=1">Title', outlet: null, originalOutlet: null, date: null },
    position: 0,
    section: '<b>bold</b>',
    text: 'x',
    highlight: 'A &lt;script&gt; and <mark>Lavrov</mark>',
    actors: [{ name: '<i>Actor</i>', type: 'person' }],
    regions: [],
    duplicates: ['b:2'],
    score: 1,
  }

  it('renders scraped text as text and only the server highlight as markup', () => {
    const el = mount(html`<${ResultItem} hit=${hit} articles=${new Map([['b', { id: 'b', outlet: 'Yahoo', originalOutlet: 'SCMP' }]])} onOpen=${() => {}} onTag=${() => {}} />`)
    expect(el.querySelector('img')).toBeNull()
    expect(el.querySelector('b')).toBeNull()
    expect(el.querySelector('i')).toBeNull()
    expect(el.querySelector('script')).toBeNull()
    expect(el.querySelector('.hit-title')!.textContent).toBe(hit.article.title)
    expect(el.querySelector('.hit-text mark')!.textContent).toBe('Lavrov')
    expect(el.querySelector('.hit-text')!.textContent).toBe('A <script> and Lavrov')
    expect(el.textContent).toContain('date unknown')
    expect(el.textContent).toContain('Outlet unknown')
    expect(el.querySelector('.also')!.textContent).toBe('Also reported by SCMP')
  })

  it('names the outlets of near-duplicates once each; an unknown article as such, one not fetched yet not at all', () => {
    const articles = new Map<string, { originalOutlet: string | null; outlet: string } | null>([
      ['b', { originalOutlet: null, outlet: 'CNN' }],
      ['c', { originalOutlet: 'CNN', outlet: 'Mirror' }],
      ['z', null],
    ])
    expect(alsoReportedBy(['b:1', 'c:0', 'z:3'], articles)).toEqual(['CNN', 'another article'])
    expect(alsoReportedBy(['b:1', 'y:0'], articles)).toEqual(['CNN'])
  })

  it('lists the articles of a page\'s near-duplicates once each', () => {
    expect(duplicateArticles([{ duplicates: ['a:1', 'b:2'] }, { duplicates: [] }, { duplicates: ['a:3', 'x:y:4'] }])).toEqual(['a', 'b', 'x:y'])
  })
})

describe('markText', () => {
  it('marks query words and completions, leaving operators and excluded words out', () => {
    const words = queryWords('"South China" -Blinken OR lav')
    expect(words).toEqual(['south', 'china', 'lav'])
    expect(markText('Lavrov met Blinken in South China.', words).filter((p) => p.mark).map((p) => p.text)).toEqual(['Lavrov', 'South', 'China'])
  })
})

describe('ResultList', () => {
  const hit = (article: string, position: number) => ({
    id: `${article}:${position}`,
    article: { id: article, title: `Story ${article}`, outlet: 'Harbour Gazette', originalOutlet: null, date: '2024-07-27' },
    position,
    section: null,
    text: 't',
    highlight: `paragraph ${position} of ${article}`,
    actors: [],
    regions: [],
    duplicates: [],
    score: 1,
  })

  it('groups hits by article in the order of each article\'s best hit', () => {
    expect(groupHits([hit('a', 3), hit('b', 0), hit('a', 1)]).map((g) => [g.articleId, g.hits.map((h) => h.position)])).toEqual([
      ['a', [3, 1]],
      ['b', [0]],
    ])
  })

  it('shows an article once with "N paragraphs in this article", and a lone hit as it is', () => {
    const opened: string[] = []
    const el = mount(
      html`<${ResultList} hits=${[hit('a', 3), hit('b', 0), hit('a', 1)]} articles=${new Map()} state=${emptyState()} navigate=${(r: { id: string; position: number }) => opened.push(`${r.id}:${r.position}`)} onTag=${() => {}} />`,
    )
    expect(el.querySelector('.hit-group .group-count')!.textContent).toBe('2 paragraphs in this article')
    expect([...el.querySelectorAll('.hit')].map((h) => (h as HTMLElement).dataset.id)).toEqual(['a:3', 'a:1', 'b:0'])
    const second = el.querySelectorAll<HTMLElement>('.hit')[1]!
    second.focus()
    second.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(opened).toEqual(['a:1'])
  })
})
