// Launches Debian's Chromium through playwright-core, with the flags this machine's closed network needs.
import { type Browser, chromium } from 'playwright-core'

/** Where Debian installs Chromium (`apt-get install -y chromium`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** A headless Chromium that makes no background connections. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}
