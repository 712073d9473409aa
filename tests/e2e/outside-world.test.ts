import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { outsideModel } from '../http/delivery-models.js';
import { browserAvailability, launchBrowser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';
import {
  api,
  builtDesigner,
  RUNTIME_ENTRY,
  startRuntime,
  type RunningRuntime,
} from './support/runtime-server.js';

const SHOTS = 'test-results/e2e';
const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);

describe.runIf(browser.run && runtimeReady)('the outside-world screen', () => {
  let server: RunningRuntime;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    builtDesigner();
    server = await startRuntime();
    context = await launchBrowser(server);
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    server?.stop();
  });

  it('lists a generated document with its download, and regenerates a hook address', async () => {
    await api(server.url, 'POST', '/models', outsideModel());
    await api(server.url, 'POST', '/models/outside/publish', {});
    const deal = await api<{ id: string }>(server.url, 'POST', '/records/deals', {
      model: 'outside',
      pipeline: 'orders',
      fields: { title: 'Order 42', amount: 1500, currency: 'EUR', responsible: 'ivanov' },
    });
    await api(server.url, 'POST', `/records/deals/${deal.id}/move`, { stage: 'contract' });

    await page.goto(`${server.url}/#/outside`);
    await page.getByRole('heading', { name: 'The outside world' }).waitFor();
    const docs = page.getByTestId('documents');
    await docs.waitFor();
    const link = docs.getByRole('link', { name: /^Download / });
    expect(await link.getAttribute('href')).toMatch(/^\/api\/documents\/[^/]+\/content$/);

    await page.getByRole('combobox', { name: 'Model' }).selectOption('outside');
    const address = page.getByTestId('hook-url-payment_hook');
    await address.waitFor();
    const before = await address.inputValue();
    expect(before).toMatch(/\/api\/hooks\/[A-Za-z0-9_-]{32}$/);
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/outside-world.png` });

    await page.getByTestId('regenerate-payment_hook').click();
    await expect
      .poll(() => page.getByTestId('outside-notice').textContent(), { timeout: 30_000 })
      .toContain('has a new address');
    await expect.poll(() => address.inputValue(), { timeout: 30_000 }).not.toBe(before);
    const after = await address.inputValue();
    const fire = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entity: 'deal', recordId: deal.id, payload: { amount: 150 } }),
      });
    expect((await fire(before)).status).toBe(401);
    expect((await fire(after)).status).toBe(200);
  }, 120_000);
});
