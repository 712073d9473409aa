import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { AutomationModel, Diagnostic } from '../../schemas/index.js';
import { browserAvailability, launchBrowser } from './support/browser.js';
import { api, RUNTIME_ENTRY, startRuntime, type RunningRuntime } from './support/runtime-server.js';

const SHOTS = 'test-results/e2e';
const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);

/**
 * Issue 15, "Speak the admin's language": the sales -> logistics handoff
 * (examples/sales-logistics-handoff, docs/training.md) built from an empty model with
 * the defaults, and never a browser prompt or confirm on the way.
 */
describe.runIf(browser.run && runtimeReady)('the handoff from an empty model', () => {
  let server: RunningRuntime;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startRuntime();
    context = await launchBrowser(server);
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${server.url}/`);
    await page.evaluate(() => localStorage.setItem('conveyor.firstRunDismissed', 'yes'));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.stop();
  });

  /** The focused element's test id: a new node puts the cursor in its name field. */
  const focused = () =>
    page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  const typeName = async (testId: string, name: string) => {
    await expect.poll(focused).toBe(testId);
    await page.keyboard.type(name);
  };

  it('builds sales -> logistics with defaults: no dialog, no error', async () => {
    await page.getByTestId('new-model-name').fill('Handoff');
    await page.getByTestId('new-model').click();
    await page.getByTestId('model-name').waitFor();
    const id = /#\/models\/([^/]+)$/.exec(page.url())?.[1] ?? '';

    await page.getByTestId('add-pipeline').click();
    await typeName('pipeline-name', 'Sales');
    await page.getByTestId('add-stage-new_pipeline').click();
    await typeName('stage-name', 'Paid');
    await page.getByTestId('add-stage-new_pipeline').click();
    await typeName('stage-name', 'Shipped');

    await page.getByTestId('add-pipeline').click();
    await typeName('pipeline-name', 'Logistics');
    await page.getByTestId('add-stage-new_pipeline_2').click();
    await typeName('stage-name', 'With courier');

    await page.locator('[data-testid^="stage-new_pipeline-"]').filter({ hasText: 'Paid' }).click();
    await page.getByTestId('add-handoff').click();
    await page.getByTestId('robot-form').waitFor();
    await expect
      .poll(() => page.getByTestId('diagnostics-counts').textContent())
      .toMatch(/^0 errors/);
    await page
      .getByTestId('save-state')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/handoff-from-empty.png` });

    const saved = await api<{ model: AutomationModel; diagnostics: Diagnostic[] }>(
      server.url,
      'GET',
      `/models/${id}`,
    );
    expect(saved.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [sales, logistics] = saved.model.pipelines;
    expect(sales?.name).toBe('Sales');
    expect(logistics?.name).toBe('Logistics');
    expect(sales?.stages[1]?.robots[0]?.action).toMatchObject({
      type: 'create_linked_record',
      pipeline: logistics?.key,
      stage: logistics?.stages[0]?.key,
    });
    expect(sales?.stages[2]?.triggers[0]).toMatchObject({
      type: 'linked_record_stage',
      pipeline: logistics?.key,
    });
    expect(dialogs).toEqual([]);
  });
});
