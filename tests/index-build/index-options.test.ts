import { describe, expect, it } from 'vitest'
import MiniSearch from 'minisearch'
import { INDEX_OPTIONS, normaliseTerm, tokenize, type IndexDocument } from '../../index-build/index-options'
import { americanSpelling, expandVariants } from '../../index-build/spelling'

describe('tokenize', () => {
  it('drops possessive s and splits on punctuation and hyphens', () => {
    expect(tokenize('China’s Asia-Pacific role, Russia\'s "ties"')).toEqual(['China', 'Asia', 'Pacific', 'role', 'Russia', 'ties'])
  })
})

describe('normaliseTerm', () => {
  it('keeps short tokens like US and Xi', () => {
    expect(normaliseTerm('US')).toBe('us')
    expect(normaliseTerm('Xi')).toBe('xi')
  })
  it('folds accents and British spelling', () => {
    expect(normaliseTerm('Défence')).toBe('defense')
    expect(normaliseTerm('Manoeuvres')).toBe('maneuvers')
  })
})

describe('expandVariants', () => {
  it('expands each spelling pattern into its inflections', () => {
    const map = expandVariants({ our: ['colour'], re: ['centre'], ce: ['defence'], ll: ['travel'], ise: ['organise'], yse: ['analyse'], ogue: ['dialogue'], pairs: { grey: 'gray' } })
    expect(map.get('colours')).toBe('colors')
    expect(map.get('centred')).toBe('centered')
    expect(map.get('defences')).toBe('defenses')
    expect(map.get('travellers')).toBe('travelers')
    expect(map.get('organisation')).toBe('organization')
    expect(map.get('analysing')).toBe('analyzing')
    expect(map.get('dialogues')).toBe('dialogs')
    expect(map.get('grey')).toBe('gray')
  })
  it('leaves ordinary words alone', () => {
    for (const w of ['four', 'hour', 'rise', 'wise', 'centre-left', 'level']) expect(americanSpelling(w)).toBe(w)
  })
})

describe('INDEX_OPTIONS', () => {
  it('lets British and American spellings find each other', () => {
    const ms = new MiniSearch<IndexDocument>(INDEX_OPTIONS)
    ms.addAll([
      { id: 1, text: 'Dangerous manoeuvres near the shoal', title: '', section: '', entities: '' },
      { id: 2, text: 'The defense ministry said', title: '', section: '', entities: '' },
    ])
    expect(ms.search('maneuvers').map((r) => r.id)).toEqual([1])
    expect(ms.search('defence').map((r) => r.id)).toEqual([2])
  })
})
