// @ts-check
// A link to the article reader at one paragraph: a real link for new tabs, an in-page navigation on a plain click.
import { html } from './lib/preact.js'

/**
 * @param {{ articleId: string, position: number, onOpen: () => void, className: string, children?: any }} props
 */
export default function ArticleLink({ articleId, position, onOpen, className, children }) {
  return html`<a
    class=${className}
    href=${`/article/${encodeURIComponent(articleId)}?p=${position}`}
    tabindex="-1"
    onClick=${(/** @type {MouseEvent} */ e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey) return
      e.preventDefault()
      onOpen()
    }}
  >${children}</a>`
}
