import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { AutomationModel } from '../../schemas/index.js';
import { browserAvailability, launchBrowser } from './support/browser.js';
import { api, RUNTIME_ENTRY, startRuntime, type RunningRuntime } from './support/runtime-server.js';

const SHOTS = 'test-results/e2e';
const browser = browserAvailability();

describe.runIf(browser.run && existsSync(RUNTIME_ENTRY))(
  'duplicate control in the designer',
  () => {
    let server: RunningRuntime;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      // The designer is built by the e2e global setup; the first start seeds the leads example.
      server = await startRuntime();
      context = await launchBrowser(server);
      page = await context.newPage();
    }, 120_000);

    afterAll(async () => {
      await context?.close();
      server?.stop();
    });

    it('edits the lead duplicate control from the duplicate_found trigger', async () => {
      await page.goto(`${server.url}/#/models/leads`);
      const node = page.getByTestId('trigger-duplicate_detected');
      // The node shows the trigger's name; what it listens to is its tooltip.
      const event = () => node.locator('.node-title').getAttribute('title');
      await node.waitFor();
      // A fresh profile shows the first-run view; the opening zoom may put Junk under the
      // inspector, so the node is clicked by event rather than by pointer position.
      const firstRun = page.getByTestId('first-run-dismiss');
      if ((await firstRun.count()) > 0) await firstRun.click();
      await node.dispatchEvent('click');
      const control = page.getByTestId('duplicate-control');
      await control.waitFor();
      await expect.poll(event).toContain('Duplicate found: phone, email');
      await control.getByLabel('Email (email)').uncheck();
      await expect.poll(event).toContain('Duplicate found: phone');
      await page.screenshot({ path: `${SHOTS}/duplicate-control.png` });
      // Autosave: the draft on the server follows the form.
      const fields = async () =>
        (await api<{ model: AutomationModel }>(server.url, 'GET', '/models/leads')).model.entities
          .lead?.duplicates?.fields;
      await expect.poll(fields, { timeout: 10_000 }).toEqual(['phone']);
    }, 60_000);
  },
);
