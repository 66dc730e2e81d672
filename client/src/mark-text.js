// @ts-check
// Splits text into plain and marked pieces for the query's words, so the reader can mark them as DOM nodes without ever parsing text as HTML.

/**
 * Lowercases and strips accents, as the index does.
 * @param {string} s
 * @returns {string}
 */
export function fold(s) {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
}

/**
 * The words of a query, folded, without operators, excluded words or OR.
 * @param {string} q
 * @returns {string[]}
 */
export function queryWords(q) {
  const words = []
  for (const piece of q.replace(/"-?/g, ' ').split(/\s+/)) {
    if (!piece || piece === 'OR' || piece.startsWith('-')) continue
    for (const w of piece.split(/[^\p{L}\p{N}]+/u)) if (w) words.push(fold(w))
  }
  return words
}

/**
 * Pieces of `text`: words equal to a query word, or starting with it when it has at least 3 letters, are marked.
 * @param {string} text
 * @param {string[]} words folded query words
 * @returns {{ text: string, mark: boolean }[]}
 */
export function markText(text, words) {
  if (words.length === 0) return [{ text, mark: false }]
  /** @type {{ text: string, mark: boolean }[]} */
  const pieces = []
  let at = 0
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = fold(m[0])
    const hit = words.some((w) => word === w || (w.length >= 3 && word.startsWith(w)))
    if (!hit) continue
    const start = /** @type {number} */ (m.index)
    if (start > at) pieces.push({ text: text.slice(at, start), mark: false })
    pieces.push({ text: m[0], mark: true })
    at = start + m[0].length
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false })
  return pieces
}
