// Tags one article's paragraphs with the actors and regions they mention, one canonical name each: known names and aliases, in-article references and misspellings, and NLP finds.
import type { Entity, Mention } from '../types'
import { type KnowledgeBase, type KnownEntity, parentChain, phraseLookup } from './knowledge-base'
import { lookupByFirst, matchPhrases, type Phrase, type PhraseMatch } from './match-phrases'
import { findMisspellings, misspellingIndex } from './misspellings'
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

/** Entities by name in UTF-16 code unit order; lists of names use the default sort, which is that order without a call back per comparison (1.2–1.7× faster on lists of a few names). */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** One run of capitalised words in a text that the data file does not explain: the NLP step's input. */
export interface NameCandidate {
  /** The run as written. */
  surface: string
  /** Start offset in its text. */
  start: number
  /** End offset (exclusive). */
  end: number
  /** What a cue alone says it is (a titled person, a suffixed organisation); null when the NLP library must classify it. */
  cued: NlpEntity | null
}

/** An article split into the texts tagged (title first, if any), their tokens and known-name matches, and the name candidates left for NLP. */
export interface TaggingInput {
  /** The title (when `titled`) and the paragraphs. */
  texts: string[]
  /** True when texts[0] is the title. */
  titled: boolean
  /** Each text's tokens. */
  tokens: Token[][]
  /** Each text's matches of names and aliases from the data file. */
  knownMatches: PhraseMatch[][]
  /** Per text, its candidates in text order; empty lists when NLP is off. */
  candidates: NameCandidate[][]
}

/** The first step of tagging: tokens, known names and, when `nlp` is on, the candidates NLP is asked about. Pure; does not use NLP. */
export function prepareTagging(paragraphs: string[], kb: KnowledgeBase, title: string | null, nlp: boolean): TaggingInput {
  const texts = title ? [title, ...paragraphs] : paragraphs
  const tokens = texts.map(tokensOf)
  const known = phraseLookup(kb)
  const knownMatches = tokens.map((t) => matchPhrases(t, known))
  const candidates = texts.map((text, i) => {
    if (!nlp) return []
    const t = tokens[i]!
    return candidateRuns(text, t, coverage(t, knownMatches[i]!)).map((r) => {
      const start = t[r.from]!.start
      const end = t[r.to - 1]!.end
      const surface = text.slice(start, end)
      return { surface, start, end, cued: suffixedOrganisation(surface) ?? titledPerson(text, start, surface) }
    })
  })
  return { texts, titled: title !== null && title !== '', tokens, knownMatches, candidates }
}

/** The candidates of one text that the NLP library classifies (those no cue explains). */
export function uncuedCandidates(candidates: NameCandidate[]): NameCandidate[] {
  return candidates.filter((c) => c.cued === null)
}

/** Tags an article's paragraphs; the title helps resolve references but gets no tags of its own. */
export function tagArticle(paragraphs: string[], kb: KnowledgeBase, title: string | null, options: TagOptions = {}): { paragraphs: ParagraphTags[]; entities: Entity[] } {
  return tagPrepared(prepareTagging(paragraphs, kb, title, options.nlp ?? true), kb, options.nlpCache ?? new Map())
}

/** tagArticle on an article prepared by prepareTagging: asks NLP about the candidates the cache has no answer for, text by text, then tags. */
export function tagPrepared(input: TaggingInput, kb: KnowledgeBase, cache: NlpCache): { paragraphs: ParagraphTags[]; entities: Entity[] } {
  input.texts.forEach((text, i) => classifyCandidates(text, uncuedCandidates(input.candidates[i]!), cache))
  return finishTagging(input, kb, cache)
}

/** Tags the prepared article, taking every NLP answer from the cache (which must hold an answer for each uncued candidate). */
export function finishTagging(input: TaggingInput, kb: KnowledgeBase, cache: NlpCache): { paragraphs: ParagraphTags[]; entities: Entity[] } {
  const { texts, tokens } = input
  const known = phraseLookup(kb)

  // 2. Names the data file does not list: cued runs, and what NLP found inside the others.
  const nlpFound = new Map<string, NlpEntity>()
  for (const candidates of input.candidates) {
    for (const c of candidates) if (c.cued && !kb.byName.has(c.cued.name)) nlpFound.set(c.cued.name, c.cued)
    for (const c of candidates) {
      if (c.cued) continue
      for (const e of cache.get(c.surface) ?? []) if (!kb.byName.has(e.name)) nlpFound.set(e.name, e)
    }
  }
  const nlpPhrases = new Map<string, Phrase[]>()
  for (const e of nlpFound.values()) {
    const phrase = { tokens: tokensOf(e.name).map((t) => t.text), name: e.name }
    if (phrase.tokens.length === 0) continue
    nlpPhrases.set(phrase.tokens[0]!, [...(nlpPhrases.get(phrase.tokens[0]!) ?? []), phrase].sort((a, b) => b.tokens.length - a.tokens.length))
  }
  const nlpFirst = lookupByFirst(nlpPhrases)
  const withNlp = nlpPhrases.size === 0 ? null : withNlpPhrases(known, nlpPhrases, nlpFirst)
  // withNlp differs from the known lookup only at the NLP phrases' first tokens: a text with none of them keeps its known matches.
  const fullMatches = withNlp === null ? input.knownMatches : tokens.map((t, i) => (t.some((token) => nlpFirst(token.text) !== undefined) ? matchPhrases(t, withNlp) : input.knownMatches[i]!))

  // 3. People named in full in this article, and the short ways of referring to them.
  const personNames = new Set<string>()
  for (const list of fullMatches) for (const m of list) if ((kb.byName.get(m.name)?.type ?? nlpFound.get(m.name)?.type) === 'person') personNames.add(m.name)
  const persons = [...personNames].sort().map((name) => ({
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
  const referenceOf = lookupByFirst(new Map(references.map((p) => [p.tokens[0]!, [p]])))
  const misspellings = misspellingIndex(persons)

  const tagged = tokens.map((t, i) => {
    const matches = [...fullMatches[i]!]
    const misspelt = findMisspellings(t, coverage(t, matches), misspellings)
    for (const m of misspelt) noteSurface(m.name, m.surface)
    matches.push(...misspelt)
    const covered = coverage(t, matches)
    for (const m of matchPhrases(t, referenceOf)) {
      if (!covered[m.from]) matches.push(m)
    }
    for (const m of fullMatches[i]!) noteSurface(m.name, texts[i]!.slice(m.start, m.end))
    return matches.sort((a, b) => a.start - b.start)
  })

  // 4. Tags per paragraph (the title, if any, is tagged[0]) and the entities referred to.
  const mentioned = new Set<string>()
  const out: ParagraphTags[] = tagged.slice(input.titled ? 1 : 0).map((matches) => {
    const actors = new Set<string>()
    const regions = new Set<string>()
    for (const m of matches) {
      mentioned.add(m.name)
      const e = kb.byName.get(m.name) ?? nlpFound.get(m.name)
      if (e?.type) actors.add(m.name)
      if (e?.region) regions.add(m.name)
    }
    return {
      actors: [...actors].sort(),
      regions: [...regions].sort(),
      mentions: matches.map((m: PhraseMatch) => ({ name: m.name, start: m.start, end: m.end })),
    }
  })
  return { paragraphs: out, entities: entitiesFor(mentioned, kb, nlpFound, seenSurfaces) }
}

/** The lookup of known phrases with the NLP finds added, each list longest first (a known phrase before an NLP one of the same length); `nlpFirst` is lookupByFirst(nlpPhrases), whose keys the merged lists have. */
function withNlpPhrases(
  known: (first: string) => Phrase[] | undefined,
  nlpPhrases: Map<string, Phrase[]>,
  nlpFirst: (first: string) => Phrase[] | undefined,
): (first: string) => Phrase[] | undefined {
  const merged = new Map<string, Phrase[]>()
  for (const [first, b] of nlpPhrases) {
    const a = known(first)
    merged.set(first, a ? [...a, ...b].sort((x, y) => y.tokens.length - x.tokens.length) : b)
  }
  return (first) => (nlpFirst(first) === undefined ? known(first) : merged.get(first))
}

/** Which tokens the matches cover. */
function coverage(tokens: Token[], matches: PhraseMatch[]): boolean[] {
  const covered = new Array<boolean>(tokens.length).fill(false)
  for (const m of matches) for (let k = m.from; k < m.to; k++) covered[k] = true
  return covered
}

/** The Entity record of a known entity with the other spellings seen of it: its aliases and those, sorted. */
function knownEntity(e: KnownEntity, seen: Iterable<string> = []): Entity {
  const aliases = new Set([...e.aliases, ...seen])
  return { name: e.name, type: e.type, region: e.region, parent: e.parent, aliases: [...aliases].sort(), source: 'known' }
}

/** Per knowledge base, each known entity's record with no other spelling seen, made once and shared by every article (never changed: frozen). */
const knownRecords = new WeakMap<KnowledgeBase, Map<string, Readonly<Entity>>>()

/** knownEntity(e), the same object every time for the same knowledge base: an article that sees only the listed spellings of an entity (44% of entity records on the generated corpus) makes no record of its own. */
function knownRecord(kb: KnowledgeBase, e: KnownEntity): Entity {
  let records = knownRecords.get(kb)
  if (!records) knownRecords.set(kb, (records = new Map()))
  let record = records.get(e.name)
  if (!record) {
    const made = knownEntity(e)
    Object.freeze(made.aliases)
    records.set(e.name, (record = Object.freeze(made)))
  }
  return record as Entity
}

/** The Entity records for the names mentioned, plus every broader region of the regions among them. */
function entitiesFor(mentioned: Set<string>, kb: KnowledgeBase, nlpFound: Map<string, NlpEntity>, surfaces: Map<string, Set<string>>): Entity[] {
  const result = new Map<string, Entity>()
  const addKnown = (name: string) => {
    const e = kb.byName.get(name)
    if (!e || result.has(name)) return
    const seen = surfaces.get(name)
    result.set(name, seen ? knownEntity(e, seen) : knownRecord(kb, e))
    for (const p of parentChain(kb, name)) addKnown(p.name)
  }
  for (const name of mentioned) {
    if (kb.byName.has(name)) addKnown(name)
    else {
      const e = nlpFound.get(name)
      if (e) result.set(name, { name, type: e.type, region: e.region, parent: null, aliases: [...(surfaces.get(name) ?? [])].sort(), source: 'nlp' })
    }
  }
  return [...result.values()].sort((a, b) => byCodePoint(a.name, b.name))
}
