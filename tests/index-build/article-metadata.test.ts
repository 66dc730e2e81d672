import { describe, expect, it } from 'vitest'
import { articleMetadata, type PageStatedMetadata } from '../../index-build/article-metadata'
import { parseSources } from '../../index-build/sources'

const NOTHING: PageStatedMetadata = { title: null, date: null, originalOutlet: null, copyrightHolder: null }
const entry = (e: object) => parseSources({ 'x.txt': e }, 's.json')['x.txt']

describe('articleMetadata', () => {
  it('leaves everything unknown when nothing is stated', () => {
    expect(articleMetadata(undefined, NOTHING)).toEqual({ title: null, outlet: null, originalOutlet: null, date: null, url: null, note: null })
  })

  it('prefers sources.json and fills its gaps from the page', () => {
    const meta = articleMetadata(entry({ outlet: 'Aggregator', title: 'Known title' }), {
      title: 'Page title', date: '2024-03-01', originalOutlet: 'The Original Times', copyrightHolder: null,
    })
    expect(meta).toMatchObject({ title: 'Known title', outlet: 'Aggregator', originalOutlet: 'The Original Times', date: '2024-03-01' })
  })

  it('does not take the credited original publisher as the outlet of a syndicated copy', () => {
    const meta = articleMetadata(undefined, { ...NOTHING, originalOutlet: 'The Original Times', copyrightHolder: 'The Original Times' })
    expect(meta.outlet).toBeNull()
    expect(meta.originalOutlet).toBe('The Original Times')
  })

  it('takes a copyright holder as the outlet when no original is credited', () => {
    expect(articleMetadata(undefined, { ...NOTHING, copyrightHolder: 'Harbour Herald' }).outlet).toBe('Harbour Herald')
  })

  it('drops an original outlet that is the outlet itself', () => {
    expect(articleMetadata(entry({ outlet: 'Harbour Herald' }), { ...NOTHING, originalOutlet: 'harbour herald' }).originalOutlet).toBeNull()
  })
})
