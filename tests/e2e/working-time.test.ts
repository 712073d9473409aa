import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { AutomationModel } from '../../schemas/index.js';
import { browserAvailability, launchBrowser } from './support/browser.js';
import { api, RUNTIME_ENTRY, startRuntime, type RunningRuntime } from './support/runtime-server.js';

const SHOTS = 'test-results/e2e';
const MODEL = 'reaction-time-control';
const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);

/** Issue 10: an admin makes "remind after 15 minutes" an SLA clock in the inspector. */
describe.runIf(browser.run && runtimeReady)('working time in the timing editor', () => {
  let server: RunningRuntime;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The designer is built by the e2e global setup.
    server = await startRuntime();
    context = await launchBrowser(server);
    page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(() => localStorage.setItem('conveyor.firstRunDismissed', 'yes'));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.stop();
  });

  const robotTiming = async () => {
    const { model } = await api<{ model: AutomationModel }>(server.url, 'GET', `/models/${MODEL}`);
    const robot = model.pipelines
      .flatMap((p) => p.stages.flatMap((s) => s.robots))
      .find((r) => r.id === 'remind_after_15_min');
    return robot?.timing;
  };

  it('chooses "Count only working time" and the saved draft counts the delay in working time', async () => {
    await page.goto(`${server.url}/#/models/${MODEL}`);
    await page.getByTestId('robot-remind_after_15_min').click();
    const group = page.getByRole('group', { name: 'Working hours' });
    await group.waitFor();
    await group.getByRole('radio', { name: /^Count only working time/ }).check();
    await page
      .getByTestId('save-state')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    expect(await robotTiming()).toMatchObject({ kind: 'delay', workingHours: 'count' });
    await page.getByTestId('inspector').screenshot({ path: `${SHOTS}/working-time-count.png` });

    await page.getByTestId('language-switch').selectOption('ru');
    const ru = page.getByRole('group', { name: 'Рабочее время' });
    await ru.waitFor();
    expect(await ru.getByRole('radio', { name: /^Считать только рабочее время/ }).isChecked()).toBe(
      true,
    );
    await ru.getByRole('radio', { name: /^Выждать, затем перенести на рабочее время/ }).check();
    await expect.poll(async () => (await robotTiming())?.workingHours).toBe('shift');
    await page.getByTestId('inspector').screenshot({ path: `${SHOTS}/working-time-shift-ru.png` });
    await page.getByTestId('language-switch').selectOption('en');
  });
});
