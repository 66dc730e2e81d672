// Formats exported hits as CSV (RFC 4180, spreadsheet-formula safe) or JSON Lines.

/** One exported row. */
export interface ExportRow {
  id: string
  articleId: string
  title: string | null
  outlet: string | null
  originalOutlet: string | null
  date: string | null
  url: string | null
  position: number
  section: string | null
  text: string
  actors: string[]
  regions: string[]
  score: number
}

export const EXPORT_COLUMNS = ['id', 'articleId', 'title', 'outlet', 'originalOutlet', 'date', 'url', 'position', 'section', 'text', 'actors', 'regions', 'score'] as const

/** A CSV cell: quoted when needed; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

/** The CSV header line. */
export function csvHeader(): string {
  return EXPORT_COLUMNS.join(',') + '\r\n'
}

/** One CSV line (lists joined with "; "). */
export function csvLine(row: ExportRow): string {
  return (
    EXPORT_COLUMNS.map((c) => {
      const v = row[c]
      return csvCell(Array.isArray(v) ? v.join('; ') : v)
    }).join(',') + '\r\n'
  )
}

/** One JSON Lines line. */
export function jsonLine(row: ExportRow): string {
  return JSON.stringify(row) + '\n'
}
