import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Under CI a missing browser fails the run; elsewhere the e2e tests are skipped with a hint. */
export function browserAvailability(): { run: boolean; reason?: string } {
  if (HAS_CHROMIUM) return { run: true };
  const hint = `e2e skipped: ${CHROMIUM} not found. Install it with: apt-get install -y chromium`;
  if (process.env.CI === 'true') throw new Error(hint);
  console.warn(hint);
  return { run: false, reason: hint };
}

/**
 * Debian's Chromium with a fresh profile, flags from STACK.md. With `signedInTo`, the
 * context holds that runtime's owner session cookie, as a browser after signing in.
 */
export async function launchBrowser(signedInTo?: {
  url: string;
  cookie: string;
}): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'conveyor-e2e-profile-')),
    {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1500, height: 950 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  );
  if (signedInTo !== undefined) {
    const [name = '', value = ''] = signedInTo.cookie.split('=');
    await context.addCookies([
      { name, value, url: signedInTo.url, httpOnly: true, sameSite: 'Lax' },
    ]);
  }
  return context;
}
