// @ts-check
// The search box: labelled, focused on load and by "/", searching as you type, with suggestions from /api/suggest in an accessible list.
import { getJson, latestOnly } from './api.js'
import { html, useEffect, useMemo, useRef, useState } from './lib/preact.js'

/**
 * @param {{ value: string, onChange: (q: string) => void, onSubmit: (q: string) => void }} props
 */
export default function SearchBox({ value, onChange, onSubmit }) {
  const input = useRef(/** @type {HTMLInputElement | null} */ (null))
  const [suggestions, setSuggestions] = useState(/** @type {{ text: string, kind: string, type: string | null }[]} */ ([]))
  const [active, setActive] = useState(-1)
  const [open, setOpen] = useState(false)
  const request = useMemo(() => latestOnly((/** @type {string} */ path, /** @type {AbortSignal} */ signal) => getJson(path, signal)), [])

  useEffect(() => {
    input.current?.focus()
    const onKey = (/** @type {KeyboardEvent} */ e) => {
      const target = /** @type {HTMLElement} */ (e.target)
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
        e.preventDefault()
        input.current?.focus()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    if (!open || !/[\p{L}\p{N}]$/u.test(value)) {
      setSuggestions([])
      return
    }
    const timer = setTimeout(async () => {
      try {
        const outcome = await request(`/api/suggest?size=8&q=${encodeURIComponent(value)}`)
        if (!outcome.stale) {
          setSuggestions(outcome.value.suggestions.filter((/** @type {{ text: string }} */ s) => s.text.toLowerCase() !== value.toLowerCase()))
          setActive(-1)
        }
      } catch {
        setSuggestions([])
      }
    }, 100)
    return () => clearTimeout(timer)
  }, [value, open])

  const choose = (/** @type {string} */ text) => {
    setOpen(false)
    setSuggestions([])
    onSubmit(text)
  }
  const showList = open && suggestions.length > 0
  const onKeyDown = (/** @type {KeyboardEvent} */ e) => {
    if (e.key === 'ArrowDown' && !showList) {
      const first = /** @type {HTMLElement | null} */ (document.querySelector('.hit'))
      if (first) {
        e.preventDefault()
        first.focus()
      }
    } else if (e.key === 'ArrowDown' && suggestions.length) {
      e.preventDefault()
      setActive((i) => (i + 1) % suggestions.length)
    } else if (e.key === 'ArrowUp' && suggestions.length) {
      e.preventDefault()
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const picked = suggestions[active]
      choose(picked ? picked.text : value)
    } else if (e.key === 'Escape') {
      setOpen(false)
    }
  }

  return html`
    <form class="search-box" role="search" onSubmit=${(/** @type {Event} */ e) => e.preventDefault()}>
      <label for="q">Search paragraphs</label>
      <div class="combo">
        <input
          id="q"
          ref=${input}
          type="search"
          name="q"
          autocomplete="off"
          spellcheck=${false}
          placeholder='Lavrov "South China Sea" -Blinken'
          value=${value}
          role="combobox"
          aria-expanded=${showList ? 'true' : 'false'}
          aria-controls="suggestions"
          aria-autocomplete="list"
          aria-activedescendant=${showList && active >= 0 ? `suggestion-${active}` : undefined}
          onInput=${(/** @type {InputEvent} */ e) => {
            setOpen(true)
            onChange(/** @type {HTMLInputElement} */ (e.currentTarget).value)
          }}
          onKeyDown=${onKeyDown}
          onBlur=${() => setTimeout(() => setOpen(false), 150)}
        />
        <ul id="suggestions" role="listbox" aria-label="Suggestions" class=${showList ? 'suggestions' : 'suggestions hidden'}>
          ${showList &&
          suggestions.map(
            (s, i) => html`<li
              key=${s.text}
              id=${`suggestion-${i}`}
              role="option"
              aria-selected=${i === active ? 'true' : 'false'}
              onMouseDown=${(/** @type {MouseEvent} */ e) => {
                e.preventDefault()
                choose(s.text)
              }}
            >
              <span>${s.text}</span>${s.kind === 'entity' && html`<span class="kind">${s.type}</span>`}
            </li>`,
          )}
        </ul>
      </div>
      <p class="hint">Type to search · <kbd>/</kbd> focuses · "exact phrase" · -exclude · OR</p>
    </form>
  `
}
