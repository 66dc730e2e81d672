import { describe, expect, it } from 'vitest'
import { normaliseTerm } from '../../index-build/index-options'
import { escapeHtml, highlight, markRanges } from '../../server/highlight'

/** The definition of the word ranges marked: every letter-and-digit run whose normalised term is matched. */
function wordRangesByPattern(text: string, matched: ReadonlySet<string>): [number, number][] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].filter((m) => matched.has(normaliseTerm(m[0]) ?? '')).map((m) => [m.index, m.index + m[0].length])
}

describe('markRanges', () => {
  it('marks British spellings, other cases and digits of matched terms, and only whole words', () => {
    const text = 'The COLOUR of Defence: 2024 colours, colourful recolor; defense-minded.'
    expect(highlight(text, new Set(['color', 'defense', '2024']), [])).toBe(
      'The <mark>COLOUR</mark> of <mark>Defence</mark>: <mark>2024</mark> colours, colourful recolor; <mark>defense</mark>-minded.',
    )
  })

  it('agrees with matching every word by pattern, on ASCII and other text', () => {
    const words = ['colour', 'Colours', 'color', 'defence', 'DEFENSE', 'centre', 'center', 'Lavrov', "Lavrov's", 'Wang', 'Yi', '2024', 'a1', 'it', 'of', 'Café', 'cafe', 'Zürich', 'zurich', 'naïve', 'Ｌavrov', '𝐀bc', 'x😀y', 'ǅemal']
    const gaps = [' ', ', ', '. ', '-', "'", '’', ' (', ') ', '\n', '—', '_']
    let seed = 11
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
    for (let round = 0; round < 400; round++) {
      let text = ''
      for (let k = 0, n = 1 + Math.floor(rand() * 14); k < n; k++) text += pick(words) + pick(gaps)
      const matched = new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => normaliseTerm(pick(words).match(/[\p{L}\p{N}]+/u)![0])!))
      expect(markRanges(text, matched, [])).toEqual(wordRangesByPattern(text, matched))
    }
  })
})

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters and keeps every other', () => {
    const definition = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
    expect(escapeHtml('<a href="x">Tom & Jerry\'s</a>')).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;')
    expect(escapeHtml('plain text, 2024; = ? @ [ ]')).toBe('plain text, 2024; = ? @ [ ]')
    let seed = 5
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
    for (let round = 0; round < 300; round++) {
      const text = String.fromCharCode(...Array.from({ length: Math.floor(rand() * 30) }, () => 30 + Math.floor(rand() * 40)))
      expect(escapeHtml(text)).toBe(definition(text))
    }
  })
})
