// Validates seeds/sources.json: what is known about each page beyond its text.
import { z } from 'zod'

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/** A YYYY-MM-DD string naming a real calendar day. */
export function isCalendarDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

const nullableText = z.string().trim().min(1, 'must not be empty (use null for unknown)').nullable().default(null)

const SourceEntrySchema = z.strictObject({
  outlet: nullableText,
  originalOutlet: nullableText,
  url: nullableText,
  title: nullableText,
  published: z
    .string()
    .refine(isCalendarDay, 'must be a calendar day written YYYY-MM-DD')
    .nullable()
    .default(null),
  note: nullableText,
})

/** What sources.json says about one page; every field null when unknown. */
export type SourceEntry = z.infer<typeof SourceEntrySchema>

/** sources.json: page file name → what is known about it. */
export type Sources = Record<string, SourceEntry>

const SourcesSchema = z.record(z.string().min(1), SourceEntrySchema)

/** Error for an invalid sources file; always fails the build. */
export class SourcesError extends Error {
  override name = 'SourcesError'
}

/** Validates parsed sources.json content. Throws SourcesError naming the file, the entry and the field. */
export function parseSources(json: unknown, file: string): Sources {
  const result = SourcesSchema.safeParse(json)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  if (!issue) throw new SourcesError(`index-build: ${file}: invalid`)
  const [entry, field] = issue.path
  if (entry === undefined) throw new SourcesError(`index-build: ${file}: ${issue.message}`)
  const where = field === undefined ? `entry "${String(entry)}"` : `entry "${String(entry)}": field "${String(field)}"`
  const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message
  throw new SourcesError(`index-build: ${file}: ${where}: ${message}`)
}

/** Parses sources.json text; a syntax error names the file. */
export function parseSourcesText(text: string, file: string): Sources {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new SourcesError(`index-build: ${file}: not valid JSON (${(err as Error).message})`)
  }
  return parseSources(json, file)
}
