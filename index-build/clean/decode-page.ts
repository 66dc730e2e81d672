// Turns a page's raw bytes into text: UTF-8 (or UTF-16 with a byte-order mark), Windows-1252 as a fallback; refuses empty and binary files.
import iconv from 'iconv-lite'

/** A decoded page, or why it cannot be used. */
export type DecodedPage =
  | { ok: true; text: string; warning: string | null }
  | { ok: false; problem: string }

/** Share of control characters above which a file is taken as binary. */
const BINARY_CONTROL_SHARE = 0.05
/** Bytes inspected to tell text from binary. */
const SNIFF_BYTES = 64 * 1024

/** True when the bytes look like a binary file: a NUL byte, or many control characters. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES)
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b === 0) return true
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++
  }
  return n > 0 && control / n > BINARY_CONTROL_SHARE
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/** Decodes a page. Never throws: a page that cannot be read as text gets a problem saying why. */
export function decodePage(bytes: Uint8Array): DecodedPage {
  let text: string
  let warning: string | null = null
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    text = iconv.decode(Buffer.from(bytes), bytes[0] === 0xff ? 'utf16le' : 'utf16be')
  } else {
    if (looksBinary(bytes)) return { ok: false, problem: 'binary file, not text' }
    try {
      text = UTF8.decode(bytes)
    } catch {
      text = iconv.decode(Buffer.from(bytes), 'windows-1252')
      warning = 'not UTF-8: read as Windows-1252'
    }
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC')
  if (text.trim().length === 0) return { ok: false, problem: 'empty file' }
  return { ok: true, text, warning }
}
