import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailability, launchBrowser } from './support/browser.js';
import { RUNTIME_ENTRY, startRuntime, type RunningRuntime } from './support/runtime-server.js';

const SHOTS = 'test-results/e2e';
const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);
const MODEL = 'sales-logistics-handoff';

/** Issue 15, layout: at 1280 x 800 the canvas stays usable and the header fits. */
describe.runIf(browser.run && runtimeReady)('layout at 1280 px', () => {
  let server: RunningRuntime;
  let context: BrowserContext;
  let page: Page;
  const height = async (selector: string) =>
    (await page.locator(selector).first().boundingBox())?.height ?? 0;

  beforeAll(async () => {
    server = await startRuntime();
    context = await launchBrowser(server);
    page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/`);
    await page.evaluate(() => {
      localStorage.setItem('conveyor.firstRunDismissed', 'yes');
      localStorage.setItem('conveyor.language', 'ru');
    });
    await page.goto(`${server.url}/#/models/${MODEL}`);
    // A hash change keeps the document: reload so the language is read again.
    await page.reload();
    await page.getByTestId('robot-hand_to_logistics').waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.stop();
  });

  it('the Russian header fits on one row', async () => {
    expect(await page.getByTestId('model-name').inputValue()).toBeTruthy();
    expect(await page.locator('.toolbar').textContent()).toContain('Опубликовать');
    // One row: the header is as high as its tallest control, not two rows of them.
    expect(await height('.app-header')).toBeLessThan(50);
    await page.screenshot({ path: `${SHOTS}/layout-1280-ru.png` });
  });

  it('the drawer and the Problems panel resize and collapse without squeezing the canvas', async () => {
    await page.getByTestId('tab-simulation').click();
    const handle = page.getByTestId('resize-tool-panel-simulation');
    await handle.focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+ArrowUp');
    await page.getByTestId('resize-problems-list').focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+ArrowUp');
    expect(await height('.canvas-area')).toBeGreaterThanOrEqual(320);
    await page.screenshot({ path: `${SHOTS}/layout-1280-drawer-max.png` });

    const drawer = await height('.tool-panel');
    await handle.focus();
    await page.keyboard.press('Shift+ArrowDown');
    expect(await height('.tool-panel')).toBeLessThan(drawer);

    const before = await height('.canvas-area');
    await page.getByTestId('diagnostics-toggle').click();
    expect(await page.getByTestId('diagnostics-toggle').getAttribute('aria-expanded')).toBe(
      'false',
    );
    await page.getByTestId('tab-simulation').click();
    expect(await height('.canvas-area')).toBeGreaterThan(before);
  });

  it('the overview map is small and can be put away', async () => {
    const map = page.locator('.react-flow__minimap');
    expect((await map.boundingBox())?.width ?? 0).toBeLessThanOrEqual(160);
    await page.getByTestId('toggle-minimap').click();
    expect(await map.count()).toBe(0);
    await page.getByTestId('toggle-minimap').click();
    expect(await map.count()).toBe(1);
  });
});
