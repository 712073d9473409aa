import { mkdirSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { HAS_CHROMIUM, launchBrowser } from '../../tests/e2e/support/browser.js';
import { startRuntime, type RunningRuntime } from '../../tests/e2e/support/runtime-server.js';
import { ensureDesignerBuilt } from '../../tests/support/ensure-built.js';

/**
 * Runs a browser bench: skipped (said so) without Debian's Chromium; otherwise builds
 * the designer unless `BENCH_SKIP_BUILD=1`, starts a runtime and Chromium (signed in as
 * the owner when `signedIn`), and always closes both. Answers whether it ran.
 *
 * @example await withChromium('board-render', { signedIn: true }, async (server, context) => { ... });
 */
export async function withChromium(
  name: string,
  options: { signedIn: boolean },
  run: (server: RunningRuntime, context: BrowserContext) => Promise<void>,
): Promise<boolean> {
  if (!HAS_CHROMIUM) {
    console.log(`${name}: skipped, /usr/bin/chromium not found`);
    return false;
  }
  if (process.env.BENCH_SKIP_BUILD !== '1') await ensureDesignerBuilt();
  mkdirSync('test-results/bench', { recursive: true });
  const server = await startRuntime();
  const context = await launchBrowser(options.signedIn ? server : undefined);
  try {
    await run(server, context);
  } finally {
    await context.close();
    server.stop();
  }
  return true;
}
