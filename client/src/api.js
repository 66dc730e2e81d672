// @ts-check
// Talks to the JSON API: fetch with errors that say what failed, and a requester that drops answers a newer request has overtaken.

/** An API failure: the message says which request and why. */
export class ApiError extends Error {
  /**
   * @param {string} message
   * @param {number} status HTTP status, or 0 when the server was not reached.
   */
  constructor(message, status) {
    super(message)
    this.name = 'ApiError'
    this.status = status
  }
}

/**
 * GETs JSON from the API.
 * @param {string} path
 * @param {AbortSignal} [signal]
 * @param {typeof fetch} [fetcher]
 * @returns {Promise<any>}
 */
export async function getJson(path, signal, fetcher = fetch) {
  let res
  try {
    res = await fetcher(path, { signal, headers: { Accept: 'application/json' } })
  } catch (err) {
    if (/** @type {Error} */ (err).name === 'AbortError') throw err
    throw new ApiError('The server could not be reached.', 0)
  }
  if (!res.ok) {
    let detail = res.statusText
    try {
      detail = (await res.json()).detail ?? detail
    } catch {}
    throw new ApiError(`The server answered ${res.status}: ${detail}`, res.status)
  }
  return res.json()
}

/**
 * A requester for one kind of request: each call aborts the one before, and an answer only
 * reaches `onAnswer` if no newer call was made meanwhile (stale answers are dropped).
 * @template T
 * @param {(path: string, signal: AbortSignal) => Promise<T>} load
 * @returns {(path: string) => Promise<{ stale: true } | { stale: false, value: T }>}
 */
export function latestOnly(load) {
  let counter = 0
  /** @type {AbortController | null} */
  let running = null
  return async (path) => {
    const id = ++counter
    running?.abort()
    const controller = new AbortController()
    running = controller
    try {
      const value = await load(path, controller.signal)
      return id === counter ? { stale: false, value } : { stale: true }
    } catch (err) {
      if (id !== counter) return { stale: true }
      throw err
    }
  }
}
