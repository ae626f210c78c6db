/**
 * Chromium for the browser tests and the screenshots: Debian's package at
 * /usr/bin/chromium (installed by .ci/run), driven by playwright-core.
 * Never `npx playwright install`: nothing is downloaded at test time.
 */
import fs from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. The browser tests are part of npm test and are never skipped: ` +
        'install it with `apt-get update && apt-get install -y chromium` (bash .ci/run does this), ' +
        'or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
}

/** A headless Chromium with its own profile folder, quiet: no updates, sync or background traffic. */
export async function launchChromium(
  profileDir: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  requireChromium();
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
