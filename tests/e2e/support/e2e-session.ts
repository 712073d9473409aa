import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { api, builtDesigner, startRuntime, type RunningRuntime } from './runtime-server.js';

/** Where e2e screenshots go (looked at in both languages). */
export const SHOTS = 'test-results/e2e';

/** A runtime with its owner signed in, and a page of Chromium signed in to it. */
export interface E2eSession {
  readonly server: RunningRuntime;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * The usual e2e set-up: today's designer build checked, a runtime on a free port with
 * a temp data folder, Chromium signed in as the owner, one page open.
 *
 * @example const s = await openE2eSession(); ... await s.close();
 */
export async function openE2eSession(): Promise<E2eSession> {
  mkdirSync(SHOTS, { recursive: true });
  builtDesigner();
  const server = await startRuntime();
  const context = await launchBrowser(server);
  const page = await context.newPage();
  return {
    server,
    context,
    page,
    close: async () => {
      await context.close();
      server.stop();
    },
  };
}

/** Creates a model through the API and publishes its first version; answers its id. */
export async function publishModel(server: RunningRuntime, model: { id: string }): Promise<string> {
  await api(server.url, 'POST', '/models', model);
  await api(server.url, 'POST', `/models/${encodeURIComponent(model.id)}/publish`, {});
  return model.id;
}
