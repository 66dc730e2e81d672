// Builds a paragraph's highlight: the text HTML-escaped, with every matched word (exact, fuzzy, prefix or alias match) wrapped in <mark>, and no other markup.
import { wordCharAt } from '../index-build/word-characters'
import { normaliseTerm } from '../index-build/index-options'
import { britishSpellings } from '../index-build/spelling'
import type { Mention } from '../index-build/types'

/** Escapes text for HTML element content and attribute values (one native pass a character: faster than one pass calling back for each match). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

const WORD = /[\p{L}\p{N}]+/gu

/** The normalised index terms of a piece of text. */
function termsOf(text: string): string[] {
  return [...text.replace(/['’]s\b/giu, '').matchAll(WORD)].map((m) => normaliseTerm(m[0]) ?? '')
}

/** The lengths an ASCII word can have and normalise to one of `terms` (lowercasing keeps its length, so it is a term's or a British spelling's of it). */
function asciiWordLengths(terms: ReadonlySet<string>): Set<number> {
  const lengths = new Set<number>()
  for (const term of terms) {
    lengths.add(term.length)
    for (const british of britishSpellings(term)) lengths.add(british.length)
  }
  return lengths
}

/**
 * Ranges of the words of `text` (WORD's matches) whose index term is in `matched`, scanned by
 * hand: an all-ASCII word is normalised only when its length can match (most words of a paragraph
 * cannot), a word with other characters always (folding accents can change its length).
 */
function matchedWords(text: string, matched: ReadonlySet<string>, ranges: [number, number][]): void {
  const lengths = asciiWordLengths(matched)
  let start = -1
  let ascii = true
  for (let i = 0; i <= text.length; ) {
    const width = wordCharAt(text, i)
    if (width > 0) {
      if (start < 0) {
        start = i
        ascii = true
      }
      if (text.charCodeAt(i) >= 128) ascii = false
      i += width
      continue
    }
    if (start >= 0) {
      if (!ascii || lengths.has(i - start)) {
        const term = normaliseTerm(text.slice(start, i))
        if (term && matched.has(term)) ranges.push([start, i])
      }
      start = -1
    }
    i++
  }
}

/** Index terms of entity names, kept between calls (names come from the index, so they are finitely many; the cache is emptied at its limit all the same). */
const nameTerms = new Map<string, string[]>()
const NAME_TERMS_LIMIT = 50_000

function termsOfName(name: string): string[] {
  let terms = nameTerms.get(name)
  if (terms === undefined) {
    if (nameTerms.size >= NAME_TERMS_LIMIT) nameTerms.clear()
    terms = termsOf(name)
    nameTerms.set(name, terms)
  }
  return terms
}

/** Character ranges to mark: words whose index term matched, and whole entity mentions written differently from their canonical name (aliases, misspellings, short references) when that name matched. */
export function markRanges(text: string, matched: ReadonlySet<string>, mentions: readonly Mention[]): [number, number][] {
  const ranges: [number, number][] = []
  if (matched.size === 0) return ranges
  matchedWords(text, matched, ranges)
  for (const mention of mentions) {
    if (mention.start < 0 || mention.end > text.length || mention.start >= mention.end) continue
    const surface = text.slice(mention.start, mention.end)
    if (surface !== mention.name && termsOfName(mention.name).some((t) => matched.has(t))) ranges.push([mention.start, mention.end])
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: [number, number][] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

/** The highlight string: escaped text with the ranges in <mark>. */
export function highlight(text: string, matched: ReadonlySet<string>, mentions: readonly Mention[]): string {
  let out = ''
  let at = 0
  for (const [start, end] of markRanges(text, matched, mentions)) {
    out += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>'
    at = end
  }
  return out + escapeHtml(text.slice(at))
}
