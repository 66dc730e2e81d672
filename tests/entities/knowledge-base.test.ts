import { describe, expect, it } from 'vitest'
import { KNOWN_ENTITIES, parentChain, parseKnowledgeBase, phraseLookup } from '../../index-build/entities/knowledge-base'

describe('parseKnowledgeBase', () => {
  it('applies defaults and indexes names and aliases by first token, longest first', () => {
    const kb = parseKnowledgeBase([{ name: 'Harbour League', type: 'organisation', aliases: ['HL', 'Harbour League of Ports'] }], 'test.json')
    expect(kb.byName.get('Harbour League')).toEqual({ name: 'Harbour League', type: 'organisation', region: false, parent: null, aliases: ['HL', 'Harbour League of Ports'] })
    expect(kb.phrases.get('Harbour')!.map((p) => p.surface)).toEqual(['Harbour League of Ports', 'Harbour League'])
  })

  it('looks phrases up as the map does, whatever letter they start with', () => {
    const kb = parseKnowledgeBase(
      [
        { name: 'Harbour League', type: 'organisation', aliases: ['HL'] },
        { name: 'Jan de Vries', type: 'person', aliases: ['de Vries'] },
        { name: 'Émile Varn', type: 'person' },
        { name: '東京', region: true },
      ],
      'test.json',
    )
    const lookup = phraseLookup(kb)
    expect(phraseLookup(kb)).toBe(lookup)
    for (const first of kb.phrases.keys()) expect(lookup(first)).toBe(kb.phrases.get(first))
    expect([...kb.phrases.keys()].sort()).toEqual(['de', 'HL', 'Harbour', 'Jan', 'Émile', '東京'].sort())
    for (const other of ['Harb', 'Harbours', 'd', 'vries', 'E', 'Emile', 'É', '東', 'the', '', '1990']) expect(lookup(other)).toBeUndefined()
  })

  it('names the file, the entry and the field of a bad entry', () => {
    expect(() => parseKnowledgeBase([{ name: 'A', type: 'planet' }], 'kb.json')).toThrow(/kb.json: entry 0 "A": field "type"/)
    expect(() => parseKnowledgeBase([{ name: 'A', type: 'state', colour: 'red' }], 'kb.json')).toThrow(/kb.json: entry 0 "A"/)
    expect(() => parseKnowledgeBase([{ name: 'Nowhere' }], 'kb.json')).toThrow(/needs a "type".*or "region": true/)
    expect(() => parseKnowledgeBase({}, 'kb.json')).toThrow(/kb.json: expected a JSON array/)
  })

  it('refuses unknown parents, loops, duplicates and shared aliases', () => {
    expect(() => parseKnowledgeBase([{ name: 'Port Town', region: true, parent: 'Atlantis' }], 'kb.json')).toThrow(/"Port Town": field "parent": "Atlantis" is not an entity/)
    expect(() => parseKnowledgeBase([{ name: 'A', region: true, parent: 'B' }, { name: 'B', region: true, parent: 'A' }], 'kb.json')).toThrow(/loops back/)
    expect(() => parseKnowledgeBase([{ name: 'A', region: true }, { name: 'A', region: true }], 'kb.json')).toThrow(/"A" is listed twice/)
    expect(() => parseKnowledgeBase([{ name: 'A', region: true, aliases: ['X'] }, { name: 'B', region: true, aliases: ['X'] }], 'kb.json')).toThrow(/alias "X" is already a name of "A"/)
  })

  it('loads the project data file with region chains', () => {
    expect(parentChain(KNOWN_ENTITIES, 'Second Thomas Shoal').map((e) => e.name)).toEqual(['South China Sea', 'Southeast Asia', 'Asia'])
    expect(parentChain(KNOWN_ENTITIES, 'Vientiane').map((e) => e.name)).toEqual(['Laos', 'Southeast Asia', 'Asia'])
    expect(KNOWN_ENTITIES.byName.get('Russia')).toMatchObject({ type: 'state', region: true })
  })
})
