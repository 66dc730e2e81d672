// Groups hit counts by publication day, or by month when the dates span more than a few months.

/** The timeline of a search answer. */
export interface Timeline {
  /** Buckets in date order: a day (YYYY-MM-DD) or a month (YYYY-MM). */
  buckets: { date: string; count: number }[]
  /** Whether buckets are days or months. */
  unit: 'day' | 'month'
  /** Hits whose article date is unknown. */
  undated: number
}

/** Spans longer than this many days are shown per month. */
export const DAILY_SPAN_DAYS = 120

const dayString = (key: number) => `${String(Math.floor(key / 10000)).padStart(4, '0')}-${String(Math.floor(key / 100) % 100).padStart(2, '0')}-${String(key % 100).padStart(2, '0')}`

/** Buckets hit counts keyed by YYYYMMDD. */
export function timeline(dates: Map<number, number>, undated: number): Timeline {
  const keys = [...dates.keys()].sort((a, b) => a - b)
  if (keys.length === 0) return { buckets: [], unit: 'day', undated }
  const first = Date.parse(dayString(keys[0]!))
  const last = Date.parse(dayString(keys[keys.length - 1]!))
  const unit = (last - first) / 86_400_000 > DAILY_SPAN_DAYS ? 'month' : 'day'
  const buckets = new Map<string, number>()
  for (const key of keys) {
    const label = unit === 'day' ? dayString(key) : dayString(key).slice(0, 7)
    buckets.set(label, (buckets.get(label) ?? 0) + dates.get(key)!)
  }
  return { buckets: [...buckets].map(([date, count]) => ({ date, count })), unit, undated }
}
