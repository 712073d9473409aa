import { existsSync } from 'node:fs';
import { buildDesigner, RUNTIME_ENTRY } from './runtime-server.js';

/**
 * Vitest globalSetup: builds the designer once before the e2e tests. Skipped when the
 * run cannot reach the e2e tests anyway (no runtime yet, or E2E_SKIP_BUILD=1).
 */
export async function setup(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1' || !existsSync(RUNTIME_ENTRY)) return;
  await buildDesigner();
}
