// Cleans one decoded page: repairs mojibake, splits it into paragraphs, drops furniture, and reads the title, sections and metadata it states.
import type { DropReason } from '../types'
import { furnitureReason } from './furniture'
import { copyrightHolderIn, datelineDate, originalOutletIn, parseDate } from './page-metadata'
import { decodeHtmlEntities } from './html-entities'
import { repairMojibake } from './repair-mojibake'

/** A cleaned page. */
export interface CleanPage {
  /** The page's own title line; null when it states none. */
  title: string | null
  /** Publication day the page states (YYYY-MM-DD); null when none. Never derived from relative times. */
  date: string | null
  /** Publisher credited as the original of a syndicated copy ("originally appeared in the X"); null when none. */
  originalOutlet: string | null
  /** Holder named by a copyright line, legal suffixes removed; null when none. */
  copyrightHolder: string | null
  /** Section headings that have paragraphs under them, in reading order. */
  sections: string[]
  /** The article's paragraphs, whole, with the heading they stand under. */
  paragraphs: { text: string; section: string | null }[]
  /** Every other piece of text on the page, with the reason it was dropped. */
  dropped: { text: string; reason: DropReason }[]
}

/** A candidate paragraph: one or more joined lines, and why it is dropped (null while it may be text). */
interface Unit {
  text: string
  reason: DropReason | null
  /** Index of the blank-line-separated block it came from. */
  block: number
  /** True for one item of a list of short statements ("Key points" bullets without bullets). */
  listItem: boolean
}

/** Control characters and zero-width spaces, removed; vertical tab and form feed are not among them (white space, they become a space), nor tab and line feed. */
const CONTROL = /[\u0000-\u0008\u000D-\u001F\u007F-\u009F\u200B]/g
/** Unicode's line separator (a line break) and paragraph separator (a blank line): removing them glued the words either side together. */
const LINE_SEPARATOR = /\u2028/g
const PARAGRAPH_SEPARATOR = /\u2029/g
const TERMINAL = /[.!?…:;"”’)\]]$/
const MARKDOWN_HEADING = /^(#{1,6})\s+(.+?)\s*#*$/
const QUOTED_HEADING = /^[“"‘'«]([^“”"‘’'«».!?]{2,80})[”"’'»]$/
/** A line ending in a comma, dash or a word that cannot end a sentence was cut by hard wrapping. */
const CUT_MID_SENTENCE = /(?:[,\u2013\u2014-]|\b(?:the|a|an|of|to|in|on|at|for|and|or|but|with|by|from|that|as|his|her|its|their|is|was|were|are|be|has|had|have))$/
const RULE = /^(?:([-*_=~•·])\s*){3,}$/
/**
 * Runs of white space (\s holds tabs, no-break and ideographic spaces, …), each collapsed to one
 * space. It matches every single space too, so every line with two words comes out as a new
 * string: matching only the runs that change (`/\s{2,}|[^\S ]/g`) was ~3× faster here but left
 * most lines as slices of the whole page's text, which then stayed in memory (two bytes a
 * character if any character of the page needs it) while pages wait to be tagged: peak memory of
 * a 200k build 2.02–2.03 -> 2.21–2.22 GB, and no faster build.
 */
const SPACE_RUN = /\s+/g

/** Lines with control characters removed, Unicode line and paragraph separators as line breaks, spaces collapsed and ends trimmed. */
function normaliseLines(text: string): string[] {
  return decodeHtmlEntities(repairMojibake(text))
    .replace(CONTROL, '')
    .replace(LINE_SEPARATOR, '\n')
    .replace(PARAGRAPH_SEPARATOR, '\n\n')
    .split('\n')
    .map((line) => line.replace(SPACE_RUN, ' ').trim())
}

/** Groups lines into units: blank lines separate; inside a block a line continues the previous one only when that one was cut mid-sentence. */
function splitUnits(lines: string[]): Unit[] {
  const units: Unit[] = []
  let open: Unit | null = null
  let block = 0
  for (const line of lines) {
    if (line.length === 0) {
      if (open) block++
      open = null
      continue
    }
    const continues = open !== null && open.text.length >= 30 && !MARKDOWN_HEADING.test(line) && (/^\p{Ll}/u.test(line) || CUT_MID_SENTENCE.test(open.text))
    if (continues && open) open.text += ` ${line}`
    else {
      open = { text: line, reason: null, block, listItem: false }
      units.push(open)
    }
  }
  return units
}

/** The number of words of a line, text.split(' ').length, counted without splitting and only up to atMost + 1 (any more count as atMost + 1). */
function wordsUpTo(text: string, atMost: number): number {
  let words = 1
  for (let at = text.indexOf(' '); at >= 0 && words <= atMost; at = text.indexOf(' ', at + 1)) words++
  return words
}

/** True for a line shaped like a headline or heading: starts with a capital or digit, no closing sentence punctuation, within the word limits. */
function headingShaped(text: string, minWords: number, maxWords: number): boolean {
  if (text.length > 200 || TERMINAL.test(text.replace(/[”"’]$/, '')) || !/^[\p{Lu}\p{N}“"‘']/u.test(text)) return false
  const words = wordsUpTo(text, maxWords)
  return words >= minWords && words <= maxWords
}

/** Short numeric-context lines next to a ticker line are ticker labels too ("• Gold futures"). */
function extendTickers(units: Unit[]): void {
  const isTicker = (i: number) => units[i]?.reason === 'ticker'
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!
    if (u.reason === null && u.text.length <= 40 && wordsUpTo(u.text, 5) <= 5 && !TERMINAL.test(u.text) && (isTicker(i - 1) || isTicker(i + 1))) {
      u.reason = 'ticker'
    }
  }
}

/** A line shaped like a list item: a statement of 4–30 words with lowercase words, without closing punctuation. */
function itemShaped(text: string): boolean {
  const words = wordsUpTo(text, 30)
  return words >= 4 && words <= 30 && /\s\p{Ll}/u.test(text) && !TERMINAL.test(text) && /^[\p{Lu}\p{N}“"‘']/u.test(text)
}

/** Marks blocks of two or more item-shaped lines, one per line (under an optional short header line), as lists: their lines are content, not headings or menus. */
function markLists(units: Unit[]): void {
  for (let i = 0; i < units.length; ) {
    let j = i
    while (j < units.length && units[j]!.block === units[i]!.block) j++
    const members = units.slice(i, j).filter((u) => u.reason === null)
    const items = members.length > 0 && !itemShaped(members[0]!.text) && headingShaped(members[0]!.text, 1, 6) ? members.slice(1) : members
    if (items.length >= 2 && items.every((u) => itemShaped(u.text))) for (const u of items) u.listItem = true
    i = j
  }
}

/** A unit that reads as article prose: a sentence of some length. */
function isProse(text: string): boolean {
  return wordsUpTo(text, 12) >= 12 && TERMINAL.test(text)
}

/** After a bare header of a list of links ("Related topics", "Most read"), the short lines that follow are its links, up to the next prose. */
function dropLinkLists(units: Unit[]): void {
  let inList = false
  for (const u of units) {
    if (u.reason === 'related') {
      inList = !/[:|]\s*\S/.test(u.text)
      continue
    }
    if (!inList) continue
    if (u.reason === null && isProse(u.text)) inList = false
    else if (u.reason === null || u.reason === 'ticker' || u.reason === 'relative-time' || u.reason === 'timestamp') u.reason = 'related'
  }
}

/** The names a "By A and B" byline gives. */
function bylineNames(line: string): string[] {
  const m = /^[Bb][Yy]:?\s+(.+)$/.exec(line)
  if (!m) return []
  return m[1]!
    .split(/\s*(?:,|\band\b|&|\||\s[-–]\s)\s*/)
    .map((n) => n.trim())
    .filter((n) => /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}$/u.test(n))
}

/** A short note about the article's author ("Jane Roe is a senior fellow at …"), named in its byline. */
function isAuthorBio(text: string, authors: string[]): boolean {
  if (text.length > 400) return false
  return authors.some((name) => text.toLowerCase().startsWith(name.toLowerCase()) && /^[\s,]+(?:is|was|writes|covers|reports|has been)\b|^,[^,]{3,80},\s+(?:is|was)\b/i.test(text.slice(name.length)))
}

/** Cleans a decoded page. Pure and linear in the page's length. */
export function cleanPage(text: string): CleanPage {
  const units = splitUnits(normaliseLines(text))
  for (const u of units) {
    if (!/[\p{L}\p{N}]/u.test(u.text)) u.reason = RULE.test(u.text) ? 'rule' : 'empty'
    else u.reason = furnitureReason(u.text)
  }
  extendTickers(units)
  dropLinkLists(units)
  markLists(units)

  const page: CleanPage = { title: null, date: null, originalOutlet: null, copyrightHolder: null, sections: [], paragraphs: [], dropped: [] }
  let section: string | null = null
  const drop = (text: string, reason: DropReason) => page.dropped.push({ text, reason })
  const nextIsText = (from: number) => {
    for (let j = from + 1; j < units.length; j++) {
      if (units[j]!.reason === null) return units[j]!.listItem || (!MARKDOWN_HEADING.test(units[j]!.text) && !headingShaped(units[j]!.text, 1, 10))
    }
    return false
  }

  /** True when some prose paragraph comes later on the page. */
  const textFollows = (from: number) => units.some((v, j) => j > from && v.reason === null && isProse(v.text))

  const authors: string[] = []

  units.forEach((u, i) => {
    if (u.reason === null && !u.listItem && isAuthorBio(u.text, authors)) u.reason = 'byline'
    if (u.reason !== null) {
      if (u.reason === 'timestamp') page.date ??= datelineDate(u.text) ?? parseDate(u.text)
      if (u.reason === 'byline') authors.push(...bylineNames(u.text))
      if (u.reason === 'copyright') {
        page.originalOutlet ??= originalOutletIn(u.text)
        page.copyrightHolder ??= copyrightHolderIn(u.text)
      }
      drop(u.text, u.reason)
      return
    }
    if (u.listItem) {
      page.paragraphs.push({ text: u.text, section })
      return
    }
    const markdown = MARKDOWN_HEADING.exec(u.text)
    const beforeBody = page.paragraphs.length === 0
    if (markdown) {
      const heading = markdown[2]!
      if (markdown[1] === '#' && beforeBody && page.title === null) {
        page.title = heading
        drop(u.text, 'title')
      } else {
        section = heading
        drop(u.text, 'heading')
      }
      return
    }
    if (beforeBody && page.title === null && section === null && headingShaped(u.text, 4, 25) && (nextIsText(i) || (/\s\p{Ll}/u.test(u.text) && textFollows(i)))) {
      page.title = u.text
      drop(u.text, 'title')
      return
    }
    const quoted = QUOTED_HEADING.exec(u.text)
    if (((quoted && wordsUpTo(quoted[1]!, 8) <= 8) || headingShaped(u.text, 1, 10)) && u.text.length <= 80) {
      if (nextIsText(i)) {
        section = quoted ? quoted[1]!.trim() : u.text
        drop(u.text, 'heading')
      } else {
        drop(u.text, beforeBody ? 'navigation' : 'heading')
      }
      return
    }
    page.paragraphs.push({ text: u.text, section })
  })
  page.sections = [...new Set(page.paragraphs.map((p) => p.section).filter((s): s is string => s !== null))]
  return page
}
