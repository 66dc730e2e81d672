// @ts-check
// Starts the page.
import { html, render } from './lib/preact.js'
import App from './app.js'

const root = document.getElementById('app')
if (root) {
  root.textContent = ''
  render(html`<${App} />`, root)
}
