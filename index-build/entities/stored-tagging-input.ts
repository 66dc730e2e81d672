// Tagging inputs held compactly between a build's rounds (a page worker cleans every page before it may tag any): numbers in typed arrays where prepareTagging made objects.
import type { PhraseMatch } from './match-phrases'
import type { Token } from './name-tokens'
import type { NlpEntity } from './nlp-entities'
import type { NameCandidate, TaggingInput } from './tag-article'

/**
 * A TaggingInput with its tokens, known-name matches and candidates as numbers: those objects
 * were most of its memory (tokens about 7 KB a paragraph; then matches and candidates about 1 KB
 * of the 2 KB a generated paragraph held), and every object held between the rounds is copied by
 * the young generation's collections and marked by each full one.
 */
export interface StoredTaggingInput {
  /** The title (when `titled`) and the paragraphs. */
  texts: string[]
  /** True when texts[0] is the title. */
  titled: boolean
  /** Per text, its token count, then each token's start and end. */
  tokenOffsets: Uint16Array | Uint32Array
  /** Per text, its known matches' count, then each match's name (by position in `names`), token range and character range. */
  matchNumbers: Uint16Array | Uint32Array
  /** The names the matches give, each once. */
  names: string[]
  /** Per text, its candidates' count, then each one's start, end and cue (0 for none, k for cues[k - 1]); its surface is its text from start to end. */
  candidateNumbers: Uint16Array | Uint32Array
  /** The cues' answers. */
  cues: NlpEntity[]
}

/** The numbers in the smallest unsigned array that holds them all: term-index's `narrowest` for a plain list (a Uint32Array made first would be one more array outside the heap per list, three a page; and lists passed to narrowest made its loop over a term index's 30M values 2.3 times slower). */
function packed(values: number[]): Uint16Array | Uint32Array {
  let max = 0
  for (const v of values) if (v > max) max = v
  return max < 0x1_0000 ? Uint16Array.from(values) : Uint32Array.from(values)
}

/**
 * The input to keep between rounds. Making 50,000 paragraphs' tokens from their offsets took
 * ~80 ms where tokenising them again took ~235 ms, and keeping the token objects themselves cost
 * a 200k build more in garbage collection than either.
 */
export function storedTaggingInput(input: TaggingInput): StoredTaggingInput {
  const tokenOffsets: number[] = []
  for (const list of input.tokens) {
    tokenOffsets.push(list.length)
    for (const token of list) tokenOffsets.push(token.start, token.end)
  }
  const nameNumbers = new Map<string, number>()
  const matchNumbers: number[] = []
  for (const list of input.knownMatches) {
    matchNumbers.push(list.length)
    for (const m of list) {
      let name = nameNumbers.get(m.name)
      if (name === undefined) nameNumbers.set(m.name, (name = nameNumbers.size))
      matchNumbers.push(name, m.from, m.to, m.start, m.end)
    }
  }
  const cues: NlpEntity[] = []
  const candidateNumbers: number[] = []
  for (const list of input.candidates) {
    candidateNumbers.push(list.length)
    // A candidate's surface is its text from start to end (prepareTagging slices it so).
    for (const c of list) candidateNumbers.push(c.start, c.end, c.cued ? cues.push(c.cued) : 0)
  }
  return {
    texts: input.texts,
    titled: input.titled,
    tokenOffsets: packed(tokenOffsets),
    matchNumbers: packed(matchNumbers),
    names: [...nameNumbers.keys()],
    candidateNumbers: packed(candidateNumbers),
    cues,
  }
}

/** The candidates of a stored input, per text, as prepareTagging gave them. */
export function storedCandidates({ texts, candidateNumbers, cues }: StoredTaggingInput): NameCandidate[][] {
  let at = 0
  return texts.map((text) => {
    const list: NameCandidate[] = new Array(candidateNumbers[at++]!)
    for (let i = 0; i < list.length; i++) {
      const start = candidateNumbers[at++]!
      const end = candidateNumbers[at++]!
      const cue = candidateNumbers[at++]!
      list[i] = { surface: text.slice(start, end), start, end, cued: cue === 0 ? null : cues[cue - 1]! }
    }
    return list
  })
}

/** A stored input made whole again: the TaggingInput prepareTagging gave. */
export function restoredTaggingInput(stored: StoredTaggingInput): TaggingInput {
  const { texts, titled, tokenOffsets, matchNumbers, names } = stored
  let at = 0
  const tokens = texts.map((text) => {
    const list: Token[] = new Array(tokenOffsets[at++]!)
    for (let i = 0; i < list.length; i++) {
      const start = tokenOffsets[at++]!
      const end = tokenOffsets[at++]!
      list[i] = { text: text.slice(start, end), start, end }
    }
    return list
  })
  at = 0
  const knownMatches = texts.map(() => {
    const list: PhraseMatch[] = new Array(matchNumbers[at++]!)
    for (let i = 0; i < list.length; i++) {
      list[i] = { name: names[matchNumbers[at]!]!, from: matchNumbers[at + 1]!, to: matchNumbers[at + 2]!, start: matchNumbers[at + 3]!, end: matchNumbers[at + 4]! }
      at += 5
    }
    return list
  })
  return { texts, titled, tokens, knownMatches, candidates: storedCandidates(stored) }
}
