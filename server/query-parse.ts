// Reads the search box's query language into a small tree: words, "phrases", -exclusions and OR; any input is read sensibly, never an error.

/** One thing to match: a word (maybe still being typed) or a phrase. */
export type QueryItem = { kind: 'word'; text: string; prefix: boolean } | { kind: 'phrase'; words: string[] }

/** A parsed query: every clause must match (AND); a clause matches if any of its items does (OR); no excluded item may match. */
export interface ParsedQuery {
  /** Clauses joined by AND. */
  clauses: QueryItem[][]
  /** Items a hit must not match. */
  excluded: QueryItem[]
}

/** Splits a phrase or word into the words search sees: letters and digits. */
function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}'’]+/u).map((w) => w.replace(/^['’]+|['’]+$/g, '')).filter((w) => /[\p{L}\p{N}]/u.test(w))
}

/** Raw pieces of the query in order: quoted or not, negated or not, and OR markers. */
function pieces(q: string): { text: string; quoted: boolean; negated: boolean }[] {
  const out: { text: string; quoted: boolean; negated: boolean }[] = []
  const normalised = q.replace(/[“”„«»]/g, '"')
  let i = 0
  while (i < normalised.length) {
    const ch = normalised[i]!
    if (/\s/.test(ch)) {
      i++
      continue
    }
    let negated = false
    let j = i
    if (ch === '-' && j + 1 < normalised.length && !/\s/.test(normalised[j + 1]!)) {
      negated = true
      j++
    }
    if (normalised[j] === '"') {
      const close = normalised.indexOf('"', j + 1)
      const end = close < 0 ? normalised.length : close
      out.push({ text: normalised.slice(j + 1, end), quoted: true, negated })
      i = end + 1
      continue
    }
    let end = j
    while (end < normalised.length && !/\s/.test(normalised[end]!) && normalised[end] !== '"') end++
    out.push({ text: normalised.slice(j, end), quoted: false, negated })
    i = end
  }
  return out
}

/** Parses a query. The last word is a prefix while typing (when the query does not end in a space or quote). */
export function parseQuery(q: string): ParsedQuery {
  const clauses: QueryItem[][] = []
  const excluded: QueryItem[] = []
  const typing = q.length > 0 && !/[\s"”]$/.test(q)
  const list = pieces(q)
  let joinNext = false
  list.forEach((piece, index) => {
    if (!piece.quoted && !piece.negated && piece.text === 'OR') {
      joinNext = clauses.length > 0
      return
    }
    const ws = words(piece.text)
    if (ws.length === 0) return
    const isLast = index === list.length - 1
    const items: QueryItem[] = piece.quoted
      ? [ws.length === 1 ? { kind: 'word', text: ws[0]!, prefix: false } : { kind: 'phrase', words: ws }]
      : ws.map((w, k) => ({ kind: 'word', text: w, prefix: typing && isLast && !piece.negated && k === ws.length - 1 }))
    if (piece.negated) {
      excluded.push(...items)
      return
    }
    items.forEach((item, k) => {
      if (k === 0 && joinNext) clauses[clauses.length - 1]!.push(item)
      else clauses.push([item])
    })
    joinNext = false
  })
  return { clauses, excluded }
}
