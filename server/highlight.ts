// Builds a paragraph's highlight: the text HTML-escaped, with every matched word (exact, fuzzy, prefix or alias match) wrapped in <mark>, and no other markup.
import { normaliseTerm } from '../index-build/index-options'
import type { Mention } from '../index-build/types'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)
}

const WORD = /[\p{L}\p{N}]+/gu

/** The normalised index terms of a piece of text. */
function termsOf(text: string): string[] {
  return [...text.replace(/['’]s\b/giu, '').matchAll(WORD)].map((m) => normaliseTerm(m[0]) ?? '')
}

/** Character ranges to mark: words whose index term matched, and whole entity mentions written differently from their canonical name (aliases, misspellings, short references) when that name matched. */
export function markRanges(text: string, matched: ReadonlySet<string>, mentions: readonly Mention[]): [number, number][] {
  const ranges: [number, number][] = []
  if (matched.size === 0) return ranges
  for (const m of text.matchAll(WORD)) {
    const term = normaliseTerm(m[0])
    if (term && matched.has(term)) ranges.push([m.index, m.index + m[0].length])
  }
  for (const mention of mentions) {
    if (mention.start < 0 || mention.end > text.length || mention.start >= mention.end) continue
    const surface = text.slice(mention.start, mention.end)
    if (surface !== mention.name && termsOf(mention.name).some((t) => matched.has(t))) ranges.push([mention.start, mention.end])
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
