// GET /api/export: every hit of a search (up to a cap) as CSV or JSON Lines.
import { Hono } from 'hono'
import { type ExportRow, csvHeader, csvLine, jsonLine } from '../export-format'
import { badParameter } from '../problem'
import { EXPORT_PARAMS, MAX_EXPORT_HITS, parseParams } from '../schemas'
import { searchAnswer } from '../search-answer'
import { searchContext } from '../search-context'
import type { IndexEnv } from './index-env'

export const exportHits = new Hono<IndexEnv>().get('/', (c) => {
  const parsed = parseParams(EXPORT_PARAMS, new URL(c.req.url).searchParams)
  if (!parsed.ok) return badParameter(c, parsed.problem.parameter, parsed.problem.rule)
  const { format, ...params } = parsed.value
  const index = c.get('index')
  const ctx = searchContext(index)
  const { outcome } = searchAnswer(index, { ...params, page: 1, size: 1 }, performance.now(), { orderAll: true, countHelper: c.get('countHelper') })
  const count = Math.min(outcome.ordinals.length, MAX_EXPORT_HITS)
  const lines: string[] = format === 'csv' ? [csvHeader()] : []
  for (let i = 0; i < count; i++) {
    const p = index.paragraphs.get(outcome.ordinals[i]!)
    const a = ctx.articleOf(outcome.ordinals[i]!)
    const row: ExportRow = {
      id: p.id,
      articleId: a.id,
      title: a.title,
      outlet: a.outlet,
      originalOutlet: a.originalOutlet,
      date: a.date,
      url: a.url,
      position: p.position,
      section: p.section,
      text: p.text,
      actors: p.actors,
      regions: p.regions,
      score: Math.round(outcome.scores[i]! * 1000) / 1000,
    }
    lines.push(format === 'csv' ? csvLine(row) : jsonLine(row))
  }
  c.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
  c.header('Content-Disposition', `attachment; filename="readout-export.${format}"`)
  c.header('X-Total-Hits', String(outcome.total))
  c.header('X-Exported-Hits', String(count))
  return c.body(lines.join(''))
})
