import { describe, expect, it } from 'vitest'
import { DAILY_SPAN_DAYS, timeline } from '../../server/timeline'

/** The definition, on a map of YYYYMMDD keys to hits: sort the dated keys, pick days or months by their span, sum per label. */
function timelineByMap(dates: Map<number, number>, undated: number) {
  const dayString = (key: number) => `${String(Math.floor(key / 10000)).padStart(4, '0')}-${String(Math.floor(key / 100) % 100).padStart(2, '0')}-${String(key % 100).padStart(2, '0')}`
  const keys = [...dates.keys()].sort((a, b) => a - b)
  if (keys.length === 0) return { buckets: [], unit: 'day', undated }
  const days = (Date.parse(dayString(keys[keys.length - 1]!)) - Date.parse(dayString(keys[0]!))) / 86_400_000
  const unit = days > DAILY_SPAN_DAYS ? 'month' : 'day'
  const buckets = new Map<string, number>()
  for (const key of keys) {
    const label = unit === 'day' ? dayString(key) : dayString(key).slice(0, 7)
    buckets.set(label, (buckets.get(label) ?? 0) + dates.get(key)!)
  }
  return { buckets: [...buckets].map(([date, count]) => ({ date, count })), unit, undated }
}

describe('timeline', () => {
  it('buckets by day over a short span and by month over a long one, undated apart', () => {
    const days = Uint32Array.from([20240101, 20240102, 20240301, 20241231])
    expect(timeline(days, Uint32Array.from([4, 1, 2, 3, 0]))).toEqual({ buckets: [{ date: '2024-01-01', count: 1 }, { date: '2024-01-02', count: 2 }, { date: '2024-03-01', count: 3 }], unit: 'day', undated: 4 })
    expect(timeline(days, Uint32Array.from([0, 1, 2, 0, 5]))).toEqual({ buckets: [{ date: '2024-01', count: 3 }, { date: '2024-12', count: 5 }], unit: 'month', undated: 0 })
    expect(timeline(days, Uint32Array.from([7, 0, 0, 0, 0]))).toEqual({ buckets: [], unit: 'day', undated: 7 })
    // 1 January to 30 April 2024 spans exactly DAILY_SPAN_DAYS days (days); to 1 May, one more (months).
    expect(timeline(Uint32Array.from([20240101, 20240430, 20240501]), Uint32Array.from([0, 1, 1, 0])).unit).toBe('day')
    expect(timeline(Uint32Array.from([20240101, 20240430, 20240501]), Uint32Array.from([0, 1, 0, 1])).unit).toBe('month')
  })

  it('agrees with bucketing a map of dates, on random days and counts', () => {
    let seed = 3
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
    for (let round = 0; round < 200; round++) {
      const keys = new Set<number>()
      for (let k = 0, n = Math.floor(rand() * 40); k < n; k++) {
        const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(rand() * [60, 122, 140, 900][Math.floor(rand() * 4)]!) * 86_400_000)
        keys.add(day.getUTCFullYear() * 10000 + (day.getUTCMonth() + 1) * 100 + day.getUTCDate())
      }
      const days = Uint32Array.from(keys).sort()
      const counts = Uint32Array.from({ length: days.length + 1 }, () => (rand() < 0.4 ? 0 : Math.floor(rand() * 20)))
      const dates = new Map<number, number>()
      days.forEach((key, k) => counts[k + 1]! > 0 && dates.set(key, counts[k + 1]!))
      expect(timeline(days, counts)).toEqual(timelineByMap(dates, counts[0]!))
    }
  })
})
