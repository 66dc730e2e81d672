import { describe, expect, it } from 'vitest'
import { indexTerms } from '../../index-build/index-options'
import { linkNearDuplicates } from '../../index-build/near-duplicates'

const QUOTE = 'we will always defend the freedom of navigation in these waters together'

describe('indexTerms (the words paragraphs are compared by)', () => {
  it('folds case, punctuation and British spelling', () => {
    expect(indexTerms('A “Fellow-Traveller”, in Defence!')).toEqual(['a', 'fellow', 'traveler', 'in', 'defense'])
  })
})

describe('linkNearDuplicates', () => {
  it('links the same quotation reported by two articles, both ways', () => {
    const links = linkNearDuplicates([
      { id: 'a:0', articleId: 'a', text: `The minister said: “${QUOTE}.”` },
      { id: 'b:3', articleId: 'b', text: `"${QUOTE.replace('defend', 'defend')}," she told reporters on Monday.` },
      { id: 'c:1', articleId: 'c', text: 'Markets were calm on Monday as traders waited for the data.' },
    ])
    expect(links.get('a:0')).toEqual(['b:3'])
    expect(links.get('b:3')).toEqual(['a:0'])
    expect(links.get('c:1')).toEqual([])
  })

  it('meets across British and American spelling', () => {
    const links = linkNearDuplicates([
      { id: 'a:0', articleId: 'a', text: 'always be a fellow traveller and a good partner in each other’s development' },
      { id: 'b:0', articleId: 'b', text: 'always be a fellow traveler and a good partner in each others development' },
    ])
    expect(links.get('a:0')).toEqual(['b:0'])
  })

  it('never links paragraphs of the same article', () => {
    const links = linkNearDuplicates([
      { id: 'a:0', articleId: 'a', text: QUOTE },
      { id: 'a:5', articleId: 'a', text: QUOTE },
    ])
    expect(links.get('a:0')).toEqual([])
  })

  it('does not link paragraphs sharing fewer words than a statement', () => {
    const links = linkNearDuplicates([
      { id: 'a:0', articleId: 'a', text: 'the two sides agreed to meet again soon in the capital' },
      { id: 'b:0', articleId: 'b', text: 'the two sides agreed to meet next year in another city' },
    ])
    expect(links.get('a:0')).toEqual([])
  })

  it('ignores a run shared by so many articles that it is boilerplate', () => {
    const boiler = 'sign up for our newsletter to get the best stories every morning'
    const paragraphs = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}:0`, articleId: `p${i}`, text: boiler }))
    expect(linkNearDuplicates(paragraphs).get('p0:0')).toEqual([])
  })
})
