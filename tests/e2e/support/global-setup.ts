import { existsSync } from 'node:fs';
import { ensureDesignerBuilt, ensureStorybookBuilt } from '../../support/ensure-built.js';
import { HAS_CHROMIUM } from './browser.js';
import { RUNTIME_ENTRY } from './runtime-server.js';

/**
 * Vitest globalSetup: builds the designer and Storybook once per run, before any test
 * file is collected, and only when their sources changed since the last build (a
 * content hash stamped into the output; `npm run build` and `build-storybook` stamp it
 * too, so `.ci/run` builds each once). Skipped when no browser test can run, or with
 * E2E_SKIP_BUILD=1.
 */
export async function setup(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1' || !HAS_CHROMIUM) return;
  if (existsSync(RUNTIME_ENTRY)) await ensureDesignerBuilt();
  await ensureStorybookBuilt();
}
