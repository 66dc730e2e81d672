import { describe, expect, it } from 'vitest'
import { parseKnowledgeBase } from '../../index-build/entities/knowledge-base'
import { restoredTaggingInput, storedTaggingInput } from '../../index-build/entities/stored-tagging-input'
import { prepareTagging, tagArticle } from '../../index-build/entities/tag-article'

/** A made-up knowledge base: invented people, a state, an organisation and nested places. */
const KB = parseKnowledgeBase(
  [
    { name: 'Oskar Vedrin', type: 'person', aliases: ['Oscar Vedrin'] },
    { name: 'Mira Vedrin', type: 'person' },
    { name: 'Lin Haobo', type: 'person' },
    { name: 'Northland', type: 'state', region: true, parent: 'Cold Coast' },
    { name: 'Cold Coast', region: true },
    { name: 'Port Ilse', region: true, parent: 'Northland' },
    { name: 'Harbour League', type: 'organisation', aliases: ['HL', 'Harbour league'] },
  ],
  'test.json',
)
const tag = (paragraphs: string[], title: string | null = null) => tagArticle(paragraphs, KB, title, { nlp: false })

describe('tagArticle', () => {
  it('maps names and aliases to one canonical name, with offsets', () => {
    const { paragraphs } = tag(['Oscar Vedrin’s team met the HL in Port Ilse.'])
    expect(paragraphs[0]).toEqual({
      actors: ['Harbour League', 'Oskar Vedrin'],
      regions: ['Port Ilse'],
      mentions: [
        { name: 'Oskar Vedrin', start: 0, end: 12 },
        { name: 'Harbour League', start: 28, end: 30 },
        { name: 'Port Ilse', start: 34, end: 43 },
      ],
    })
  })

  it('tags a state as both actor and region, and returns the parent chain of regions', () => {
    const { paragraphs, entities } = tag(['Northland protested.', 'Ships left Port Ilse.'])
    expect(paragraphs[0]).toMatchObject({ actors: ['Northland'], regions: ['Northland'] })
    expect(entities.map((e) => e.name)).toEqual(['Cold Coast', 'Northland', 'Port Ilse'])
  })

  it('resolves surname, title + name and given-name references to a person named in the article', () => {
    const { paragraphs } = tag(['Lin Haobo arrived on Monday.', 'Minister Haobo spoke first.', 'Lin’s speech was short.'])
    expect(paragraphs.map((p) => p.actors)).toEqual([['Lin Haobo'], ['Lin Haobo'], ['Lin Haobo']])
  })

  it('uses the title to resolve references', () => {
    expect(tag(['Haobo spoke first.'], 'Lin Haobo visits Northland').paragraphs[0]!.actors).toEqual(['Lin Haobo'])
  })

  it('does not resolve a short reference the article never introduced', () => {
    expect(tag(['Haobo spoke first.']).paragraphs[0]!.actors).toEqual([])
  })

  it('leaves a surname two people share unresolved', () => {
    const { paragraphs } = tag(['Oskar Vedrin and Mira Vedrin arrived.', 'Vedrin spoke first.'])
    expect(paragraphs[1]!.actors).toEqual([])
  })

  it('resolves a misspelling one or two letters off a person named in the same article, and records it as an alias', () => {
    const { paragraphs, entities } = tag(['Lin Haobo arrived.', 'Lin Haoba then left for Port Ilse.'])
    expect(paragraphs[1]!.actors).toEqual(['Lin Haobo'])
    expect(entities.find((e) => e.name === 'Lin Haobo')!.aliases).toContain('Lin Haoba')
    expect(tag(['Lin Haoba then left.']).paragraphs[0]!.actors).toEqual([])
  })

  it('finds people and organisations the data file does not list with NLP, under their own name', () => {
    const { paragraphs, entities } = tagArticle(['Finance Minister Helena Varkonyi met officials of the Baltic Rail Authority in Port Ilse.'], KB, null)
    expect(paragraphs[0]!.actors).toContain('Helena Varkonyi')
    expect(entities.find((e) => e.name === 'Helena Varkonyi')).toMatchObject({ type: 'person', source: 'nlp' })
  })
})

describe('tagArticle: names after a title', () => {
  it('takes two to four capitalised words after a title as a person, and resolves later references', () => {
    const { paragraphs, entities } = tagArticle(['Fisheries Minister Arvo Lindqvist met his counterpart Maren Oddvik in Port Ilse.', 'Ms Oddvik said the quota talks would resume.'], KB, null)
    expect(paragraphs[0]!.actors).toEqual(['Arvo Lindqvist', 'Maren Oddvik'])
    expect(paragraphs[1]!.actors).toEqual(['Maren Oddvik'])
    expect(entities.find((e) => e.name === 'Arvo Lindqvist')).toMatchObject({ type: 'person', source: 'nlp' })
  })

  it('tags a name NLP found in one paragraph wherever it appears in full, and keeps the known names of paragraphs without it', () => {
    const { paragraphs } = tagArticle(
      ['Fisheries Minister Arvo Lindqvist arrived in Port Ilse.', 'Oskar Vedrin spoke for the Harbour League.', 'Arvo Lindqvist and Oskar Vedrin then left Northland.'],
      KB,
      null,
    )
    expect(paragraphs[1]!.mentions.map((m) => m.name)).toEqual(['Oskar Vedrin', 'Harbour League'])
    // One mention for the full name, not a given-name and a surname reference.
    expect(paragraphs[2]!.mentions).toEqual([
      { name: 'Arvo Lindqvist', start: 0, end: 14 },
      { name: 'Oskar Vedrin', start: 19, end: 31 },
      { name: 'Northland', start: 42, end: 51 },
    ])
  })

  it('takes a capitalised name ending in an organisation word as an organisation, even after a title', () => {
    const { entities } = tagArticle(['Officials from the Lora Institute met Minister Tavi Group, sorry, the Varn Fisheries Commission on Monday.'], KB, null)
    const types = Object.fromEntries(entities.filter((e) => e.source === 'nlp').map((e) => [e.name, e.type]))
    expect(types['Lora Institute']).toBe('organisation')
    expect(types['Varn Fisheries Commission']).toBe('organisation')
    expect(types['Tavi Group']).toBe('organisation')
  })

  it('never joins capitalised words across a sentence end into one name', () => {
    const { entities } = tagArticle(['The talks ended with Minister Lin Haobo. According to aides, Harbour officials left early.'], KB, null)
    expect(entities.map((e) => e.name).filter((n) => n.includes('.'))).toEqual([])
  })
})

describe('storedTaggingInput', () => {
  it('keeps tokens, known matches and candidates as numbers and makes them again exactly, in short texts and in one past 65,535 characters', () => {
    const short = [
      "Oskar Vedrin's aides met the Harbour League in Port Ilse.",
      'Mr Vedrin’s visit: 3.5 days, São Paulo-style talks, 北京 and 𝐀𝐁. Minister Tamsin Orlo told reporters that Verano Holdings Ltd met Ilse Marren.',
      '',
      'Northland and Port Ilse again, with Oskar Vedrin, Kell Barrow and Ilse Marren.',
    ]
    const long = [...short, `${'Northland word '.repeat(4400)}Lin Haobo and Kell Barrow.`]
    for (const texts of [short, long]) {
      for (const nlp of [true, false]) {
        const input = prepareTagging(texts, KB, 'Talks in Northland', nlp)
        const stored = storedTaggingInput(input)
        // The input has matches, cued and uncued candidates to keep (or none at all without NLP).
        expect(input.knownMatches.flat().length).toBeGreaterThan(4)
        if (nlp) expect(new Set(input.candidates.flat().map((c) => c.cued?.type)).size).toBe(3)
        if (nlp) expect(input.candidates.flat().filter((c) => !c.cued).length).toBeGreaterThan(1)
        expect(Object.keys(stored).sort()).toEqual(['candidateNumbers', 'cues', 'matchNumbers', 'names', 'texts', 'titled', 'tokenOffsets'])
        expect(stored.names).toEqual([...new Set(input.knownMatches.flat().map((m) => m.name))])
        expect(stored.tokenOffsets).toBeInstanceOf(texts === long ? Uint32Array : Uint16Array)
        expect(restoredTaggingInput(stored)).toEqual(input)
      }
    }
  })
})
