// The known entities from the editable data file (index-build/data/entities.json): schema, checks and the lookup table the tagger uses.
//
// The data file is a JSON array; each entry is { "name", "type"?, "region"?, "parent"?, "aliases"? }:
// name is the canonical name shown in facets; type is person | state | organisation for actors (omit
// for a place that only is a region); region: true for places and areas; parent names the broader
// region it lies in (which must itself be an entry); aliases are other spellings matched exactly
// (case-sensitive, so list "Asean" beside "ASEAN"). A country is both a state and a region.
import { z } from 'zod'
import rawEntities from '../data/entities.json' with { type: 'json' }
import type { ActorType } from '../types'
import { lookupByFirst } from './match-phrases'
import { nameTokens } from './name-tokens'

/** One entity of the data file, with defaults applied. */
export interface KnownEntity {
  /** Canonical name. */
  name: string
  /** Actor type; null for a place that is only a region. */
  type: ActorType | null
  /** True for places and areas. */
  region: boolean
  /** Broader region, or null. */
  parent: string | null
  /** Other spellings, matched exactly. */
  aliases: string[]
}

/** The known entities and the lookup table built from them. */
export interface KnowledgeBase {
  /** Entities in file order. */
  entities: KnownEntity[]
  /** Entities by canonical name. */
  byName: Map<string, KnownEntity>
  /** Every name and alias as tokens, grouped by first token, longest first: spelling → entity name. */
  phrases: Map<string, { tokens: string[]; name: string; surface: string }[]>
}

const ENTRY = z.strictObject({
  name: z.string().trim().min(1),
  type: z.enum(['person', 'state', 'organisation']).optional(),
  region: z.boolean().optional(),
  parent: z.string().min(1).optional(),
  aliases: z.array(z.string().trim().min(1)).optional(),
})

/** A data file that cannot be used; the message names the file, the entry and the field. */
export class KnowledgeBaseError extends Error {
  override name = 'KnowledgeBaseError'
}

/** Validates the data file's content and builds the lookup table. Throws KnowledgeBaseError naming the problem. */
export function parseKnowledgeBase(json: unknown, file: string): KnowledgeBase {
  if (!Array.isArray(json)) throw new KnowledgeBaseError(`${file}: expected a JSON array of entities`)
  const entities: KnownEntity[] = json.map((raw, i) => {
    const parsed = ENTRY.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const label = typeof (raw as { name?: unknown })?.name === 'string' ? ` "${(raw as { name: string }).name}"` : ''
      throw new KnowledgeBaseError(`${file}: entry ${i}${label}: field "${issue.path.join('.') || '(entry)'}": ${issue.message}`)
    }
    const e = parsed.data
    if (!e.type && !e.region) throw new KnowledgeBaseError(`${file}: entry ${i} "${e.name}": needs a "type" (an actor) or "region": true (a place)`)
    return { name: e.name, type: e.type ?? null, region: e.region ?? false, parent: e.parent ?? null, aliases: e.aliases ?? [] }
  })
  const byName = new Map<string, KnownEntity>()
  const claimed = new Map<string, string>()
  for (const e of entities) {
    if (byName.has(e.name)) throw new KnowledgeBaseError(`${file}: "${e.name}" is listed twice`)
    byName.set(e.name, e)
  }
  for (const e of entities) {
    for (const spelling of [e.name, ...e.aliases]) {
      const other = claimed.get(spelling)
      if (other !== undefined && other !== e.name) throw new KnowledgeBaseError(`${file}: "${e.name}": alias "${spelling}" is already a name of "${other}"`)
      claimed.set(spelling, e.name)
    }
    if (e.parent === null) continue
    if (!byName.has(e.parent)) throw new KnowledgeBaseError(`${file}: "${e.name}": field "parent": "${e.parent}" is not an entity in the file`)
    const seen = new Set([e.name])
    for (let p: string | null = e.parent; p !== null; p = byName.get(p)?.parent ?? null) {
      if (seen.has(p)) throw new KnowledgeBaseError(`${file}: "${e.name}": field "parent": the chain of parents loops back to "${p}"`)
      seen.add(p)
    }
  }
  const phrases: KnowledgeBase['phrases'] = new Map()
  for (const [surface, name] of claimed) {
    const tokens = nameTokens(surface)
    if (tokens.length === 0) continue
    const list = phrases.get(tokens[0]!) ?? []
    list.push({ tokens, name, surface })
    phrases.set(tokens[0]!, list)
  }
  for (const list of phrases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length)
  return { entities, byName, phrases }
}

/** What a knowledge base's phrases are looked up with, by first token. */
export type PhraseLookup = (first: string) => ReturnType<KnowledgeBase['phrases']['get']>

const lookups = new WeakMap<KnowledgeBase, PhraseLookup>()

/** `kb.phrases.get` as lookupByFirst makes it (skipping tokens whose first letter starts no phrase: most words of a text), made once per knowledge base. */
export function phraseLookup(kb: KnowledgeBase): PhraseLookup {
  let lookup = lookups.get(kb)
  if (!lookup) lookups.set(kb, (lookup = lookupByFirst(kb.phrases)))
  return lookup
}

/** The project's known entities. */
export const KNOWN_ENTITIES: KnowledgeBase = parseKnowledgeBase(rawEntities, 'index-build/data/entities.json')

/** The entity and its broader regions, nearest first (Vientiane → Laos → Southeast Asia → Asia). */
export function parentChain(kb: KnowledgeBase, name: string): KnownEntity[] {
  const chain: KnownEntity[] = []
  for (let p = kb.byName.get(name)?.parent ?? null; p !== null; p = kb.byName.get(p)?.parent ?? null) chain.push(kb.byName.get(p)!)
  return chain
}
