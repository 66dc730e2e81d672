// Reads what a page states about itself from single lines: publication date, original outlet of a syndicated copy, copyright holder.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** YYYY-MM-DD when the parts make a real calendar day, else null. */
function calendarDay(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Month number (1–12) of an English month name or its three-letter abbreviation. */
function monthNumber(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, '')
  const i = MONTHS.findIndex((m) => m === lower || (lower.length >= 3 && m.startsWith(lower) && lower.length <= m.length))
  return i < 0 ? null : i + 1
}

const ISO_DATE = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/
const MONTH_DAY_YEAR = /\b([A-Z][a-z]{2,8}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]{2,8}\.?),?\s+(\d{4})\b/

/** The first calendar date written in the text (ISO, "February 28, 2024" or "28 February 2024"), as YYYY-MM-DD. */
export function parseDate(text: string): string | null {
  const iso = ISO_DATE.exec(text)
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const mdy = MONTH_DAY_YEAR.exec(text)
  if (mdy) {
    const month = monthNumber(mdy[1]!)
    if (month) return calendarDay(Number(mdy[3]), month, Number(mdy[2]))
  }
  const dmy = DAY_MONTH_YEAR.exec(text)
  if (dmy) {
    const month = monthNumber(dmy[2]!)
    if (month) return calendarDay(Number(dmy[3]), month, Number(dmy[1]))
  }
  return null
}

/** "Published: …", "Updated …", "Posted on …" lines: the label and what follows. */
const DATELINE = /^(?:first\s+)?(?:published|posted|updated|last updated|date)(?:\s+on)?\s*[:：]?\s*[`'"]?(.{4,60}?)[`'"]?\s*$/i

/** The date a dateline states ("Published February 28, 2024", "Published :`2024-07-27 14:13:15`"); null for other lines. */
export function datelineDate(line: string): string | null {
  const m = DATELINE.exec(line.trim())
  return m ? parseDate(m[1]!) : null
}

/** True for a line that is only a dateline (label and date), which is page furniture. */
export function isDateline(line: string): boolean {
  return datelineDate(line) !== null
}

const ORIGINALLY = /\b(?:originally|first)\s+(?:appeared|published|ran|posted)\s+(?:in|on|by|at)\s+(?:the\s+)?([A-Z][\p{L}\p{N}&.'’ -]*?[\p{L}\p{N}])(?=\s*[(,.;:]|\s+and\b|\s+on\b|\s*$)/u

/** "This article originally appeared in the X (…)" → X. */
export function originalOutletIn(line: string): string | null {
  return ORIGINALLY.exec(line)?.[1]?.trim() ?? null
}

const COPYRIGHT = /^(?:copyright\b|©|\(c\))/i
const LEGAL_SUFFIX = /(?:[\s,]+(?:publishers?|publishing|ltd|limited|inc|llc|plc|corp|corporation|co|gmbh|s\.a|group holdings)\.?)+$/i

/** "Copyright (c) 2024. X Publishers Ltd. All rights reserved." → X; null for other lines. */
export function copyrightHolderIn(line: string): string | null {
  const trimmed = line.trim()
  if (!COPYRIGHT.test(trimmed)) return null
  const holder = trimmed
    .replace(/^(?:copyright\b|©|\(c\))\s*/i, '')
    .replace(/^(?:©|\(c\))\s*/i, '')
    .replace(/^\d{4}(?:\s*[-–]\s*\d{4})?\s*[.,]?\s*/, '')
    .replace(/\s*all rights reserved\.?.*$/i, '')
    .replace(/\.\s+\p{Lu}.*$/u, '')
    .replace(/[.,;\s]+$/, '')
    .replace(LEGAL_SUFFIX, '')
    .trim()
  return holder.length > 0 && holder.length <= 80 ? holder : null
}
