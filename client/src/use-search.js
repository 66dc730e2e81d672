// @ts-check
// The search hook: asks the API for the current state (debounced while typing), drops stale answers, and retries after a failure.
import { getJson, latestOnly } from './api.js'
import { useEffect, useMemo, useRef, useState } from './lib/preact.js'
import { apiQuery } from './url-state.js'

/** Hits per page. */
export const PAGE_SIZE = 20
/** Wait after a keystroke before searching. */
export const TYPING_DELAY_MS = 150
/** Wait before retrying a failed search. */
export const RETRY_MS = 4000

/**
 * @typedef {import('./url-state.js').SearchState} SearchState
 * @typedef {{ answer: any, loading: boolean, error: string | null, retry: () => void }} SearchResult
 */

/**
 * @param {SearchState | null} state null when the search page is not shown
 * @returns {SearchResult}
 */
export function useSearch(state) {
  const request = useMemo(() => latestOnly((/** @type {string} */ path, /** @type {AbortSignal} */ signal) => getJson(path, signal)), [])
  const [answer, setAnswer] = useState(/** @type {any} */ (null))
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState(/** @type {string | null} */ (null))
  const [attempt, setAttempt] = useState(0)
  const lastQ = useRef(/** @type {string | null} */ (null))
  const key = state ? apiQuery(state, PAGE_SIZE) : null

  useEffect(() => {
    if (key === null || !state) return
    const typing = lastQ.current !== null && lastQ.current !== state.q
    lastQ.current = state.q
    setLoading(true)
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let retryTimer
    const timer = setTimeout(
      async () => {
        try {
          const outcome = await request(`/api/search?${key}`)
          if (outcome.stale) return
          setAnswer(outcome.value)
          setError(null)
          setLoading(false)
        } catch (err) {
          if (/** @type {Error} */ (err).name === 'AbortError') return
          setError(/** @type {Error} */ (err).message)
          setLoading(false)
          retryTimer = setTimeout(() => setAttempt((n) => n + 1), RETRY_MS)
        }
      },
      typing ? TYPING_DELAY_MS : 0,
    )
    return () => {
      clearTimeout(timer)
      clearTimeout(retryTimer)
    }
  }, [key, attempt])

  return { answer, loading, error, retry: () => setAttempt((n) => n + 1) }
}

/** The articles of a page of hits' near-duplicates, each once. */
export function duplicateArticles(/** @type {{ duplicates: string[] }[]} */ hits) {
  return [...new Set(hits.flatMap((hit) => hit.duplicates.map((id) => id.slice(0, id.lastIndexOf(':')))))]
}

/**
 * Metadata of the articles the shown hits' near-duplicates come from (for "also reported by"),
 * fetched as pages arrive and kept: a page needs a few articles, not all of a large corpus. An
 * id the server does not know maps to null.
 * @param {any} answer the current search answer, or null
 * @returns {Map<string, any>}
 */
export function useArticles(answer) {
  const [articles, setArticles] = useState(/** @type {Map<string, any>} */ (new Map()))
  const missing = answer ? duplicateArticles(answer.hits).filter((id) => !articles.has(id)).slice(0, 100) : []
  const key = missing.join('\n')
  useEffect(() => {
    if (missing.length === 0) return
    const controller = new AbortController()
    getJson(`/api/articles?${missing.map((id) => `id=${encodeURIComponent(id)}`).join('&')}`, controller.signal)
      .then((/** @type {{ articles: any[] }} */ body) =>
        setArticles((known) => {
          const next = new Map(known)
          for (const id of missing) next.set(id, null)
          for (const a of body.articles) next.set(a.id, a)
          return next
        }),
      )
      .catch(() => {})
    return () => controller.abort()
  }, [key])
  return articles
}
