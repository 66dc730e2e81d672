// Repairs text garbled by decoding with the wrong character set: UTF-8 read as Windows-1252/Latin-1 ("â€™" → "’"), and curly quotes read as Thai ("โ").
import iconv from 'iconv-lite'

/** Characters Windows-1252 (or Latin-1) shows for UTF-8 continuation bytes 80–BF. */
const C = '[\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122]'
/** A run that may be one UTF-8 character shown as Windows-1252: a lead character (bytes C2–F4) and as many continuation characters as it announces. */
const CP1252_RUN = new RegExp(`[\\u00C2-\\u00DF]${C}|[\\u00E0-\\u00EF]${C}{2}|[\\u00F0-\\u00F4]${C}{3}`, 'g')
const UTF8 = new TextDecoder('utf-8', { fatal: true })

/** The byte Windows-1252 (or Latin-1, for C1 controls) shows as this character. */
function byteOf(ch: string): number {
  const code = ch.codePointAt(0)!
  if (code < 0x100) return code
  const encoded = iconv.encode(ch, 'windows-1252')
  return encoded.length === 1 ? encoded[0]! : -1
}

/** Re-reads one run as the UTF-8 it was; the run unchanged when that gives no valid character. */
function repairRun(run: string): string {
  const bytes = [...run].map(byteOf)
  if (bytes.includes(-1)) return run
  try {
    const fixed = UTF8.decode(Uint8Array.from(bytes))
    return [...fixed].length === 1 ? fixed : run
  } catch {
    return run
  }
}

/** Thai letters other than the one (U+0E42) a curly quote becomes when read as Windows-874. */
const THAI_LETTERS = /[\u0E01-\u0E41\u0E43-\u0E5B]/g
const THAI_QUOTE = /\u0E42/g

/** Replaces stray U+0E42 in non-Thai text by the curly quote it stood for, opening or closing by position. */
function repairThaiQuotes(text: string): string {
  if (!text.includes('\u0E42')) return text
  const quotes = text.match(THAI_QUOTE)?.length ?? 0
  const thai = text.match(THAI_LETTERS)?.length ?? 0
  if (thai > quotes) return text
  return text.replace(THAI_QUOTE, (_, offset: number) => {
    const before = offset > 0 ? text[offset - 1]! : ' '
    return /[\s([{\u2014\u2013-]/.test(before) ? '\u201C' : '\u201D'
  })
}

/** "â€" left alone: the closing quote ” (E2 80 9D) whose last byte Windows-1252 cannot show and the scraper dropped. */
const ORPHAN_CLOSING_QUOTE = /\u00E2\u20AC(?![\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122])/g

/** Repairs both kinds of mojibake; clean text comes back unchanged. */
export function repairMojibake(text: string): string {
  const latin = /[\u00C2-\u00F4]/.test(text) ? text.replace(CP1252_RUN, repairRun).replace(ORPHAN_CLOSING_QUOTE, '\u201D') : text
  return repairThaiQuotes(latin)
}
