import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailability, launchBrowser } from './support/browser.js';
import { seriousViolations, type AxeViolation } from './support/axe.js';
import { RUNTIME_ENTRY, startRuntime, type RunningRuntime } from './support/runtime-server.js';

const SHOTS = 'test-results/e2e';
const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);
const MODEL = 'sales-logistics-handoff';

/**
 * axe-core on every screen: the model list with the gallery, the first-run view, the
 * editor with each inspector form (pipeline, stage, robot of each action kind the example
 * has, trigger), the simulation and the versions panels, in English and Russian. No
 * critical or serious finding.
 */
describe.runIf(browser.run && runtimeReady)('accessibility of every screen', () => {
  let server: RunningRuntime;
  let context: BrowserContext;
  let page: Page;
  const found: Record<string, AxeViolation[]> = {};
  const check = async (screen: string) => {
    const v = await seriousViolations(page);
    if (v.length > 0) found[screen] = v;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startRuntime();
    context = await launchBrowser(server);
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.stop();
  });

  it('has no critical or serious axe finding on any screen, in both languages', async () => {
    for (const lang of ['en', 'ru']) {
      await page.goto(`${server.url}/`);
      await page.evaluate((l) => {
        localStorage.setItem('conveyor.language', l);
        localStorage.removeItem('conveyor.firstRunDismissed');
      }, lang);
      await page.reload();
      await page.getByTestId(`example-${MODEL}`).waitFor();
      await check(`${lang} list and gallery`);

      await page.goto(`${server.url}/#/models/${MODEL}`);
      await page.getByTestId('first-run').waitFor();
      await check(`${lang} first-run`);
      await page.getByTestId('first-run-dismiss').click();

      await page.getByTestId('lane-sales').click({ position: { x: 40, y: 10 } });
      await page.getByTestId('pipeline-form').waitFor();
      await check(`${lang} pipeline form`);

      await page.getByTestId('stage-sales-paid').click();
      await page.getByTestId('stage-form').waitFor();
      await check(`${lang} stage form`);

      const robots = await page
        .locator('[data-testid^="robot-"].robot-node')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
      // Every node in view, so each can be clicked.
      await page.locator('.react-flow__controls-fitview').click();
      for (const id of robots) {
        await page.getByTestId(id).click();
        await page.getByTestId('robot-form').waitFor();
        await check(`${lang} robot form ${id}`);
      }
      const triggers = await page
        .locator('[data-testid^="trigger-"].trigger-node')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
      for (const id of triggers) {
        await page.getByTestId(id).click();
        await page.getByTestId('trigger-form').waitFor();
        await check(`${lang} trigger form ${id}`);
      }

      await page.getByTestId('tab-simulation').click();
      await page.getByTestId('simulation-panel').waitFor();
      await check(`${lang} simulation`);
      await page.getByTestId('tab-versions').click();
      await page.getByTestId('versions-panel').waitFor();
      await check(`${lang} versions`);
      await page.screenshot({ path: `${SHOTS}/a11y-editor-${lang}.png` });
      await page.getByTestId('tab-versions').click();
    }
    expect(found, JSON.stringify(found, null, 1)).toEqual({});
  }, 300_000);
});
