// Decodes HTML character references a scraper left in the text (&amp;, &quot;, &#8217;, &#x2014;) into the characters they stand for; tags stay text.

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', ndash: '\u2013', mdash: '\u2014',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201C', rdquo: '\u201D', hellip: '\u2026', bull: '\u2022',
  middot: '\u00B7', copy: '\u00A9', reg: '\u00AE', trade: '\u2122', euro: '\u20AC', pound: '\u00A3',
  yen: '\u00A5', deg: '\u00B0', laquo: '\u00AB', raquo: '\u00BB', shy: '', zwj: '', zwnj: '',
}

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g

/** The character a numeric reference names, or null for one that names no usable character. */
function fromCodePoint(code: number): string | null {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null
  return String.fromCodePoint(code)
}

/** Replaces every known character reference; unknown ones stay as written. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(REFERENCE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return fromCodePoint(Number(dec)) ?? whole
    if (hex !== undefined) return fromCodePoint(parseInt(hex, 16)) ?? whole
    return NAMED[name!.toLowerCase()] ?? whole
  })
}
