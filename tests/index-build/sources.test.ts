import { describe, expect, it } from 'vitest'
import { isCalendarDay, parseSources, parseSourcesText } from '../../index-build/sources'

describe('parseSources', () => {
  it('fills missing fields with null (unknown)', () => {
    const sources = parseSources({ 'a.txt': { outlet: 'The Daily Example' } }, 'seeds/sources.json')
    expect(sources['a.txt']).toEqual({ outlet: 'The Daily Example', originalOutlet: null, url: null, title: null, published: null, note: null })
  })

  it('names the file, entry and field of a malformed date', () => {
    expect(() => parseSources({ 'a.txt': { published: '28 February 2024' } }, 'seeds/sources.json')).toThrow(
      'index-build: seeds/sources.json: entry "a.txt": field "published": must be a calendar day written YYYY-MM-DD',
    )
  })

  it('refuses a date that is not on the calendar', () => {
    expect(() => parseSources({ 'a.txt': { published: '2024-02-30' } }, 's.json')).toThrow(/field "published"/)
  })

  it('refuses unknown fields, naming them', () => {
    expect(() => parseSources({ 'a.txt': { outlett: 'X' } }, 's.json')).toThrow('entry "a.txt": unknown field(s) "outlett"')
  })

  it('refuses an empty string where null means unknown', () => {
    expect(() => parseSources({ 'b.txt': { title: '  ' } }, 's.json')).toThrow(/entry "b.txt": field "title": must not be empty/)
  })

  it('refuses a list or a non-object entry', () => {
    expect(() => parseSources([], 's.json')).toThrow(/^index-build: s.json: /)
    expect(() => parseSources({ 'c.txt': 3 }, 's.json')).toThrow(/entry "c.txt"/)
  })

  it('names the file when the JSON does not parse', () => {
    expect(() => parseSourcesText('{"a.txt": ', 'seeds/sources.json')).toThrow(/^index-build: seeds\/sources.json: not valid JSON/)
  })
})

describe('isCalendarDay', () => {
  it('accepts real days and refuses the rest', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true)
    expect(isCalendarDay('2023-02-29')).toBe(false)
    expect(isCalendarDay('2024-7-27')).toBe(false)
  })
})
