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

/** Debian's Chromium with a fresh profile, flags from STACK.md. */
export async function launchBrowser(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'conveyor-e2e-profile-')), {
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
  });
}
