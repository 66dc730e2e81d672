import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { type Service, startService } from '../support/service'

const SCREENSHOTS = join(import.meta.dirname, 'screenshots')
/** A seed page carrying markup and script that must show as text and never run. */
const HOSTILE_PAGE = [
  'Ministers met in Quorvale to discuss a <script>window.__pwned = 1</script> proposal on fishing rights, officials said.',
  '',
  'A second paragraph about Quorvale quotes <img src=x onerror="window.__pwned = 2"> verbatim from the scraped page.',
  '',
].join('\n')

let service: Service
let browser: Browser
let page: Page
let consoleErrors: string[]
let foreignRequests: string[]

beforeAll(async () => {
  service = await startService({ 'zz-hostile.txt': HOSTILE_PAGE })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await service?.stop()
})
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  consoleErrors = []
  foreignRequests = []
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()))
  page.on('pageerror', (e) => consoleErrors.push(String(e)))
  page.on('request', (r) => !r.url().startsWith(service.url) && !r.url().startsWith('data:') && foreignRequests.push(r.url()))
})

/** The number in the result count line. */
async function resultCount(p: Page): Promise<number> {
  await p.waitForFunction(() => /^\d[\d,]* paragraph/.test(document.querySelector('.status')?.textContent ?? ''))
  return Number((await p.textContent('.status'))!.replace(/,/g, '').match(/\d+/)![0])
}

/** Waits until the results reflect the URL's query (the status line is not "updating"). */
async function settled(p: Page): Promise<void> {
  await p.waitForFunction(() => !(document.querySelector('.status')?.textContent ?? '').includes('updating') && document.querySelector('.results')?.getAttribute('aria-busy') === 'false')
}

describe('the search page in Chromium', () => {
  it('searches as you type and marks the matches', async () => {
    await page.goto(service.url)
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('q')
    const all = await resultCount(page)
    await page.keyboard.type('Lavrov', { delay: 30 })
    await expect.poll(() => page.url()).toContain('q=Lavrov')
    await expect.poll(() => resultCount(page)).toBeLessThan(all)
    await settled(page)
    expect(await resultCount(page)).toBeGreaterThan(0)
    const marks = () => page.$$eval('.hit-text mark', (ms) => ms.map((m) => m.textContent ?? ''))
    await expect.poll(async () => (await marks()).length > 0 && (await marks()).every((m) => /lavrov/i.test(m))).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop.png') })
    expect(consoleErrors).toEqual([])
    expect(foreignRequests).toEqual([])
  })

  it('names the other outlets of a repeated statement, fetching only the articles it needs', async () => {
    const articleRequests: string[] = []
    page.on('request', (r) => r.url().includes('/api/articles') && articleRequests.push(r.url()))
    await page.goto(`${service.url}/?q=${encodeURIComponent('"firmly support each other"')}`)
    await settled(page)
    await expect.poll(() => page.$$eval('.also', (els) => els.map((e) => e.textContent ?? '').join(' | '))).toMatch(/^Also reported by [^|]*\w/)
    expect(await page.$$eval('.also', (els) => els.map((e) => e.textContent ?? '').join(' | '))).not.toContain('another article')
    expect(articleRequests.length).toBeGreaterThan(0)
    for (const url of articleRequests) expect(new URL(url).searchParams.getAll('id').length).toBeGreaterThan(0)
    expect(consoleErrors).toEqual([])
  })

  it('filters by an actor, updates the URL and counts, and Back restores', async () => {
    await page.goto(`${service.url}/?q=China`)
    await settled(page)
    const before = await resultCount(page)
    await page.check('input[name=actor][value="Sergei Lavrov"]')
    await expect.poll(() => page.url()).toContain('actor=Sergei+Lavrov')
    await expect.poll(() => resultCount(page)).toBeLessThan(before)
    expect(await page.textContent('.chips')).toContain('Sergei Lavrov')
    await page.goBack()
    await expect.poll(() => page.url()).not.toContain('actor=')
    await expect.poll(() => resultCount(page)).toBe(before)
    expect(await page.isChecked('input[name=actor][value="Sergei Lavrov"]')).toBe(false)
    expect(consoleErrors).toEqual([])
  })

  it('opens the article around a hit, highlighted and scrolled into view', async () => {
    await page.goto(`${service.url}/?q=%22fellow%20traveller%22`)
    await settled(page)
    await page.focus('.hit')
    await page.keyboard.press('Enter')
    await page.waitForSelector('.reader .hit-para')
    expect(page.url()).toMatch(/\/article\/[^?]+\?q=/)
    expect(await page.$$eval('.reader .para', (ps) => ps.length)).toBeGreaterThan(5)
    expect(await page.textContent('.reader .hit-para mark')).toMatch(/fellow/i)
    const visible = await page.$eval('.reader .hit-para', (el) => {
      const r = el.getBoundingClientRect()
      return r.top >= 0 && r.bottom <= window.innerHeight
    })
    expect(visible).toBe(true)
    await page.goBack()
    await page.waitForSelector('.hit')
    expect(consoleErrors).toEqual([])
  })

  it('fits a 390 px phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${service.url}/?q=South%20China%20Sea`)
    await settled(page)
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.scrollingElement!.scrollWidth, window.innerWidth])
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth)
    await page.screenshot({ path: join(SCREENSHOTS, 'phone.png') })
    await page.goto(`${service.url}/article/002_23769f7bf8b1e3fa?p=3`)
    await page.waitForSelector('.reader .para')
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true)
  })

  it('shows markup from a scraped page as text and never runs it', async () => {
    await page.goto(`${service.url}/?q=Quorvale`)
    await settled(page)
    expect(await resultCount(page)).toBe(2)
    expect(await page.textContent('.results')).toContain('<script>window.__pwned = 1</script>')
    await page.click('.hit-title')
    await page.waitForSelector('.reader .para')
    expect(await page.textContent('.reader')).toContain('<img src=x onerror="window.__pwned = 2">')
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.$$('.results img, .reader img')).toHaveLength(0)
    expect(consoleErrors).toEqual([])
  })
})
