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

const pad = (n: number, width: number) => String(n).padStart(width, '0')
const dayString = (key: number) => `${pad(Math.floor(key / 10000), 4)}-${pad(Math.floor(key / 100) % 100, 2)}-${pad(key % 100, 2)}`
const monthString = (month: number) => `${pad(Math.floor(month / 100), 4)}-${pad(month % 100, 2)}`

/**
 * Buckets hit counts by day: `counts[0]` is the undated hits, `counts[k]` those dated `days[k - 1]`
 * (a YYYYMMDD key; `days` ascending). One pass in date order, a label made once per bucket.
 */
export function timeline(days: ArrayLike<number>, counts: ArrayLike<number>): Timeline {
  let first = 0
  let last = 0
  for (let k = 1; k < counts.length; k++) {
    if (counts[k]! === 0) continue
    if (first === 0) first = k
    last = k
  }
  const undated = counts[0] ?? 0
  if (first === 0) return { buckets: [], unit: 'day', undated }
  const span = (Date.parse(dayString(days[last - 1]!)) - Date.parse(dayString(days[first - 1]!))) / 86_400_000
  const unit = span > DAILY_SPAN_DAYS ? 'month' : 'day'
  const buckets: { date: string; count: number }[] = []
  let bucketKey = -1
  for (let k = first; k <= last; k++) {
    const count = counts[k]!
    if (count === 0) continue
    const key = unit === 'day' ? days[k - 1]! : Math.floor(days[k - 1]! / 100)
    if (key === bucketKey) buckets[buckets.length - 1]!.count += count
    else {
      buckets.push({ date: unit === 'day' ? dayString(key) : monthString(key), count })
      bucketKey = key
    }
  }
  return { buckets, unit, undated }
}
