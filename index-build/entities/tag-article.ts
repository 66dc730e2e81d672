// Tags one article's paragraphs with the actors and regions they mention, one canonical name each: known names and aliases, in-article references and misspellings, and NLP finds.
import type { Entity, Mention } from '../types'
import { type KnowledgeBase, parentChain } from './knowledge-base'
import { matchPhrases, type Phrase, type PhraseMatch } from './match-phrases'
import { findMisspellings } from './misspellings'
import { type Token, tokensOf } from './name-tokens'
import { candidateRuns, classifyCandidates, type NlpCache, type NlpEntity, suffixedOrganisation, titledPerson } from './nlp-entities'
import { personReferences } from './person-references'

/** What one paragraph mentions. */
export interface ParagraphTags {
  /** Canonical names of actors (people, states, organisations), sorted. */
  actors: string[]
  /** Canonical names of regions (places, areas), sorted; their parents are not added here. */
  regions: string[]
  /** Each reference in text order: canonical name and [start, end) offsets. */
  mentions: Mention[]
}

/** Options of tagArticle. */
export interface TagOptions {
  /** Find entities the data file does not list with the NLP library (default true). */
  nlp?: boolean
  /** Answers of the NLP library shared across a build's articles (default: a fresh one). */
  nlpCache?: NlpCache
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Tags an article's paragraphs; the title helps resolve references but gets no tags of its own. */
export function tagArticle(paragraphs: string[], kb: KnowledgeBase, title: string | null, options: TagOptions = {}): { paragraphs: ParagraphTags[]; entities: Entity[] } {
  const texts = title ? [title, ...paragraphs] : paragraphs
  const tokens = texts.map(tokensOf)
  const known = (first: string) => kb.phrases.get(first)

  // 1. Names and aliases from the data file.
  const knownMatches = tokens.map((t) => matchPhrases(t, known))

  // 2. Names the data file does not list, classified by NLP where capitalised words are left unexplained.
  const nlpFound = new Map<string, NlpEntity>()
  if (options.nlp ?? true) {
    const cache = options.nlpCache ?? new Map()
    texts.forEach((text, i) => {
      const covered = coverage(tokens[i]!, knownMatches[i]!)
      const candidates = candidateRuns(text, tokens[i]!, covered).map((r) => ({
        surface: text.slice(tokens[i]![r.from]!.start, tokens[i]![r.to - 1]!.end),
        start: tokens[i]![r.from]!.start,
        end: tokens[i]![r.to - 1]!.end,
      }))
      const untitled = candidates.filter((c) => {
        const known = suffixedOrganisation(c.surface) ?? titledPerson(text, c.start, c.surface)
        if (known && !kb.byName.has(known.name)) nlpFound.set(known.name, known)
        return known === null
      })
      classifyCandidates(text, untitled, cache)
      for (const c of untitled) {
        for (const e of cache.get(c.surface) ?? []) if (!kb.byName.has(e.name)) nlpFound.set(e.name, e)
      }
    })
  }
  const nlpPhrases = new Map<string, Phrase[]>()
  for (const e of nlpFound.values()) {
    const phrase = { tokens: tokensOf(e.name).map((t) => t.text), name: e.name }
    if (phrase.tokens.length === 0) continue
    nlpPhrases.set(phrase.tokens[0]!, [...(nlpPhrases.get(phrase.tokens[0]!) ?? []), phrase].sort((a, b) => b.tokens.length - a.tokens.length))
  }
  const full = (first: string) => {
    const a = known(first)
    const b = nlpPhrases.get(first)
    return a && b ? [...a, ...b].sort((x, y) => y.tokens.length - x.tokens.length) : (a ?? b)
  }
  const fullMatches = tokens.map((t) => matchPhrases(t, full))

  // 3. People named in full in this article, and the short ways of referring to them.
  const personNames = new Set<string>()
  for (const list of fullMatches) for (const m of list) if ((kb.byName.get(m.name)?.type ?? nlpFound.get(m.name)?.type) === 'person') personNames.add(m.name)
  const persons = [...personNames].sort(byCodePoint).map((name) => ({
    name,
    spellings: [name, ...(kb.byName.get(name)?.aliases ?? [])].map((s) => tokensOf(s).map((t) => t.text)),
  }))
  const seenSurfaces = new Map<string, Set<string>>()
  const noteSurface = (name: string, surface: string) => {
    if (surface === name) return
    const set = seenSurfaces.get(name) ?? new Set()
    set.add(surface)
    seenSurfaces.set(name, set)
  }
  const references = personReferences(persons, (token) => known(token)?.some((p) => p.tokens.length === 1) ?? false)
  const referenceByToken = new Map(references.map((p) => [p.tokens[0]!, [p]]))

  const tagged = tokens.map((t, i) => {
    const matches = [...fullMatches[i]!]
    const misspelt = findMisspellings(t, coverage(t, matches), persons)
    for (const m of misspelt) noteSurface(m.name, m.surface)
    matches.push(...misspelt)
    const covered = coverage(t, matches)
    for (const m of matchPhrases(t, (first) => referenceByToken.get(first))) {
      if (!covered[m.from]) matches.push(m)
    }
    for (const m of fullMatches[i]!) noteSurface(m.name, texts[i]!.slice(m.start, m.end))
    return matches.sort((a, b) => a.start - b.start)
  })

  // 4. Tags per paragraph (the title, if any, is tagged[0]) and the entities referred to.
  const mentioned = new Set<string>()
  const out: ParagraphTags[] = tagged.slice(title ? 1 : 0).map((matches) => {
    const actors = new Set<string>()
    const regions = new Set<string>()
    for (const m of matches) {
      mentioned.add(m.name)
      const e = kb.byName.get(m.name) ?? nlpFound.get(m.name)
      if (e?.type) actors.add(m.name)
      if (e?.region) regions.add(m.name)
    }
    return {
      actors: [...actors].sort(byCodePoint),
      regions: [...regions].sort(byCodePoint),
      mentions: matches.map((m: PhraseMatch) => ({ name: m.name, start: m.start, end: m.end })),
    }
  })
  return { paragraphs: out, entities: entitiesFor(mentioned, kb, nlpFound, seenSurfaces) }
}

/** Which tokens the matches cover. */
function coverage(tokens: Token[], matches: PhraseMatch[]): boolean[] {
  const covered = new Array<boolean>(tokens.length).fill(false)
  for (const m of matches) for (let k = m.from; k < m.to; k++) covered[k] = true
  return covered
}

/** The Entity records for the names mentioned, plus every broader region of the regions among them. */
function entitiesFor(mentioned: Set<string>, kb: KnowledgeBase, nlpFound: Map<string, NlpEntity>, surfaces: Map<string, Set<string>>): Entity[] {
  const result = new Map<string, Entity>()
  const addKnown = (name: string) => {
    const e = kb.byName.get(name)
    if (!e || result.has(name)) return
    const aliases = new Set([...e.aliases, ...(surfaces.get(name) ?? [])])
    result.set(name, { name, type: e.type, region: e.region, parent: e.parent, aliases: [...aliases].sort(byCodePoint), source: 'known' })
    for (const p of parentChain(kb, name)) addKnown(p.name)
  }
  for (const name of mentioned) {
    if (kb.byName.has(name)) addKnown(name)
    else {
      const e = nlpFound.get(name)
      if (e) result.set(name, { name, type: e.type, region: e.region, parent: null, aliases: [...(surfaces.get(name) ?? [])].sort(byCodePoint), source: 'nlp' })
    }
  }
  return [...result.values()].sort((a, b) => byCodePoint(a.name, b.name))
}
