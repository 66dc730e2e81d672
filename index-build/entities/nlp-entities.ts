// Finds people, organisations and places the data file does not list, with the NLP library compromise, only where capitalised words are left unexplained.
import nlp from 'compromise'
import type { ActorType } from '../types'
import type { Token } from './name-tokens'
import { startsUppercase } from '../word-characters'

/** An entity found by NLP, by its own name. */
export interface NlpEntity {
  /** The name as written (titles and possessives removed). */
  name: string
  /** person or organisation; null for a place. */
  type: ActorType | null
  /** True for a place. */
  region: boolean
}

/** What NLP found inside each candidate run of capitalised words, shared across a build's articles: compromise runs once per new run. */
export type NlpCache = Map<string, NlpEntity[]>

/** Capitalised words that start sentences or label roles, not names. */
const NOT_NAMES = new Set(
  (
    'The A An In On At As By For From To Of And But Or If It Its This That These Those Their There Then Than When While Where Who What Why How ' +
    'He She They We You I His Her Our Your My Mr Mrs Ms Dr Sir Madam President Prime Minister Foreign Vice Deputy Secretary State Chancellor King Queen Premier Chairman General Senator Governor Ambassador Spokesperson Spokesman Spokeswoman Leader Chief ' +
    'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday ' +
    'Earlier Later Meanwhile However Since During After Before Although Instead Among Such Both Last Next Top Other Another Many Some Most Several Each One Two Three Western Eastern Northern Southern ' +
    'Chinese Russian American British European Asian African Indian Japanese Korean Philippine Vietnamese Ukrainian Laotian Soviet Communist Democratic Republican'
  ).split(' '),
)
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'de', 'von', 'van', 'al', 'bin'])

const JOINER = /^-?$/
const SENTENCE_END = /[.!?:;"“”]$/

/** The text between token k-1 and token k, trimmed. */
function gapBefore(text: string, tokens: Token[], k: number): string {
  return text.slice(tokens[k - 1]!.end, tokens[k]!.start).trim()
}

/** True when token k may be part of a name: capitalised, not covered by another match, not a known non-name. */
function nameAt(tokens: Token[], covered: boolean[], k: number): boolean {
  return !covered[k] && startsUppercase(tokens[k]!.text) && !NOT_NAMES.has(tokens[k]!.text)
}

/** True when token k follows the previous one across only spaces or a hyphen. */
function joinedAt(text: string, tokens: Token[], k: number): boolean {
  return JOINER.test(gapBefore(text, tokens, k))
}

/** Runs of capitalised tokens separated only by spaces or hyphens that nothing else explains (they may contain connectors like "of"); a lone capitalised word opening a sentence is not a name candidate. */
export function candidateRuns(text: string, tokens: Token[], covered: boolean[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = []
  let i = 0
  while (i < tokens.length) {
    if (!nameAt(tokens, covered, i)) {
      i++
      continue
    }
    let to = i + 1
    while (
      to < tokens.length &&
      joinedAt(text, tokens, to) &&
      (nameAt(tokens, covered, to) || (CONNECTORS.has(tokens[to]!.text) && to + 1 < tokens.length && joinedAt(text, tokens, to + 1) && nameAt(tokens, covered, to + 1)))
    ) {
      to += CONNECTORS.has(tokens[to]!.text) ? 2 : 1
    }
    const sentenceStart = i === 0 || SENTENCE_END.test(gapBefore(text, tokens, i))
    if (!(sentenceStart && to === i + 1)) runs.push({ from: i, to })
    i = to
  }
  return runs
}

/** Sentence containing the offset: from the previous sentence end to the next. */
function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(0, text.lastIndexOf('. ', start) + 1)
  const next = text.indexOf('. ', end)
  return text.slice(from, next < 0 ? text.length : next + 1).trim()
}

/** Strips titles, possessives and punctuation around a name compromise returned. */
function cleanName(raw: string): string {
  return raw
    .replace(/['’]s\b/gu, '')
    .replace(/[^\p{L}\p{N}.'’\- ]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter((w, i, all) => !(NOT_NAMES.has(w) && (i === 0 || i === all.length - 1)))
    .join(' ')
    .replace(/\.$/, '')
}

/** Classifies every not-yet-seen candidate name with compromise (on the sentences they occur in) and records the answers in the cache. */
export function classifyCandidates(text: string, candidates: { surface: string; start: number; end: number }[], cache: NlpCache): void {
  const fresh = candidates.filter((c) => !cache.has(c.surface))
  if (fresh.length === 0) return
  const sentences = [...new Set(fresh.map((c) => sentenceAround(text, c.start, c.end)))]
  const doc = nlp(sentences.join('\n'))
  const found = new Map<string, NlpEntity>()
  const record = (list: { text: string }[], type: ActorType | null, region: boolean) => {
    for (const item of list) {
      const name = cleanName(item.text)
      const words = name.split(' ')
      if (name.length < 3 || words.some((w) => !/^\p{Lu}/u.test(w) && !CONNECTORS.has(w))) continue
      if (type === 'person' && words.length < 2) continue
      if (!found.has(name)) found.set(name, { name, type, region })
    }
  }
  record(doc.people().json() as { text: string }[], 'person', false)
  record(doc.organizations().json() as { text: string }[], 'organisation', false)
  record(doc.places().json() as { text: string }[], null, true)
  for (const e of found.values()) if (e.type === 'person' && ORGANISATION_WORD.test(e.name.split(' ').pop()!)) e.type = 'organisation'
  for (const c of fresh) {
    const inside = [...found.values()].filter((e) => containsWords(c.surface, e.name))
    cache.set(c.surface, inside.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)))
  }
}

/** Words that introduce a person's name: "Foreign Minister …", "his counterpart …", "Ms …". */
const PERSON_CUE = /(?:^|[^\p{L}])(?:minister|president|secretary|counterpart|mr|mrs|ms|dr|ambassador|envoy|spokes(?:man|woman|person)|senator|governor|chancellor|premier|chair(?:man|woman)?|general|admiral|judge|mayor|king|queen|prince|princess|lawmaker|leader|diplomat|official)\.?\s+$/iu

/** Last words that make a name an organisation's: "… Institute", "… Commission", "… Party". */
const ORGANISATION_WORD = /^(?:institute|group|council|authority|commission|ministry|agency|party|bank|university|company|corporation|corp|inc|ltd|association|organi[sz]ation|forum|committee|department|office|union|court|army|navy|police|foundation|fund|cent(?:re|er)|alliance|federation|coalition|network|board|bureau|service|services|times|post|news|press|tribune|herald|television|radio)$/i

/** A capitalised run ending in an organisation word ("Mekong River Commission") is an organisation, whatever the NLP library knows of it. */
export function suffixedOrganisation(surface: string): NlpEntity | null {
  const words = surface.split(/\s+/)
  if (words.length < 2 || !ORGANISATION_WORD.test(words[words.length - 1]!)) return null
  return { name: surface, type: 'organisation', region: false }
}

/** A run of two to four capitalised words right after a person cue is a person's name, whatever the NLP library knows of it. */
export function titledPerson(text: string, start: number, surface: string): NlpEntity | null {
  const words = surface.split(/\s+/)
  if (words.length < 2 || words.length > 4 || !words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w))) return null
  if (ORGANISATION_WORD.test(words[words.length - 1]!)) return null
  return PERSON_CUE.test(text.slice(Math.max(0, start - 40), start)) ? { name: surface, type: 'person', region: false } : null
}

/** True when `name` occurs in `surface` as whole words. */
function containsWords(surface: string, name: string): boolean {
  const at = surface.indexOf(name)
  if (at < 0) return false
  const before = surface[at - 1]
  const after = surface[at + name.length]
  return (before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))
}
