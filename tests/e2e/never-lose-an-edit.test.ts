import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { AutomationModel } from '../../schemas/index.js';
import { browserAvailability, launchBrowser } from './support/browser.js';
import { api, RUNTIME_ENTRY, startRuntime, type RunningRuntime } from './support/runtime-server.js';

const SHOTS = 'test-results/e2e';
const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);
const ROBOT = 'robot-remind_after_15_min';

/** Issue 15, "Never lose an edit": conflicts, invalid drafts, reloads, crashes, diff mode. */
describe.runIf(browser.run && runtimeReady)('never lose an edit', () => {
  let server: RunningRuntime;
  let context: BrowserContext;
  let base: AutomationModel;

  /** A fresh copy of the reaction-time example under its own id. */
  const copy = async (id: string) => {
    await api(server.url, 'POST', '/models', { ...base, id, name: `Copy ${id}` });
    return id;
  };
  const draft = async (id: string) =>
    (await api<{ model: AutomationModel }>(server.url, 'GET', `/models/${id}`)).model;
  const open = async (id: string) => {
    const page = await context.newPage();
    // Leaving with unsaved changes asks first; these tests leave on purpose.
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${server.url}/#/models/${id}`);
    await page.getByTestId(ROBOT).waitFor();
    return page;
  };
  const saved = (page: Page) =>
    page
      .getByTestId('save-state')
      .filter({ hasText: /^Saved$/ })
      .waitFor();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startRuntime();
    context = await launchBrowser(server);
    const first = await context.newPage();
    await first.goto(`${server.url}/`);
    await first.evaluate(() => localStorage.setItem('conveyor.firstRunDismissed', 'yes'));
    await first.close();
    base = await draft('reaction-time-control');
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.stop();
  });

  it('two pages editing one model: the second save names who changed it and when; compare, overwrite, reload', async () => {
    const id = await copy('two-tabs');
    const a = await open(id);
    const b = await open(id);
    await a.getByTestId('model-name').fill('Renamed in A');
    await saved(a);

    await b.getByTestId('model-name').fill('Renamed in B');
    const banner = b.getByTestId('conflict-banner');
    await banner.waitFor();
    // The browser is signed in as the test owner (OWNER_EMAIL owner@conveyor.test, no OWNER_NAME).
    expect(await banner.textContent()).toMatch(/changed by owner at \d/);
    expect(await b.getByTestId('save-state').textContent()).toBe('Not saved: changed elsewhere');
    expect((await draft(id)).name).toBe('Renamed in A');

    // Compare: their draft on the canvas, read only, and the list of what B changes.
    await b.getByTestId('conflict-compare').click();
    await b.getByTestId('diff-list').waitFor();
    expect(await b.getByTestId('diff-list').textContent()).toContain('Renamed in B');
    expect(await b.getByTestId('model-name').getAttribute('readonly')).not.toBeNull();
    await b.screenshot({ path: `${SHOTS}/conflict-compare.png` });

    await b.getByTestId('conflict-overwrite').click();
    await saved(b);
    expect(await b.getByTestId('conflict-banner').count()).toBe(0);
    expect((await draft(id)).name).toBe('Renamed in B');

    // A is stale now: it is told, and reloading takes B's draft.
    await a.getByTestId('model-name').fill('Renamed in A again');
    await a.getByTestId('conflict-banner').waitFor();
    await a.getByTestId('conflict-reload').click();
    await expect.poll(() => a.getByTestId('model-name').inputValue()).toBe('Renamed in B');
    await saved(a);
    await a.close();
    await b.close();
  });

  it('an invalid edit (a delay of 99999999999999999999) is saved and survives a reload', async () => {
    const id = await copy('invalid-edit');
    const page = await open(id);
    await page.getByTestId(ROBOT).click();
    await page.getByTestId('timing-duration').fill('99999999999999999999');
    await saved(page);
    await page.reload();
    await page.getByTestId(ROBOT).click();
    expect(Number(await page.getByTestId('timing-duration').inputValue())).toBe(1e20);
    const robot = (await draft(id)).pipelines[0]!.stages[0]!.robots.find(
      (r) => r.id === 'remind_after_15_min',
    );
    expect(robot?.timing).toMatchObject({ kind: 'delay', duration: { value: 1e20 } });
    // The schema error in Problems jumps to the field and marks it.
    await page.getByTestId('stage-sales-new_request').click();
    await page.locator('.diagnostics button', { hasText: 'SCHEMA' }).first().click();
    await page.getByTestId('field-issues').waitFor();
    const input = page.getByTestId('timing-duration');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('timing-duration');
    await page.screenshot({ path: `${SHOTS}/schema-error-field.png` });
    // Publishing still refuses it.
    await page.getByTestId('publish').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/refused/);
    await page.close();
  });

  it('the last second of typing survives a reload', async () => {
    const id = await copy('last-second');
    const page = await open(id);
    await page.getByTestId('model-name').fill('Typed just before reload');
    // No wait for autosave: the page sends the edit as it goes.
    await page.reload();
    await page.getByTestId(ROBOT).waitFor();
    expect(await page.getByTestId('model-name').inputValue()).toBe('Typed just before reload');
    expect((await draft(id)).name).toBe('Typed just before reload');
    await page.close();
  });

  it('edits that never reached the server are offered back after a crash', async () => {
    const id = await copy('crash');
    const page = await open(id);
    // The runtime is unreachable for saves: autosave fails, the backup keeps the edit.
    await page.route(`**/api/models/${id}`, (route) =>
      route.request().method() === 'PUT' ? route.abort() : route.continue(),
    );
    await page.getByTestId('model-name').fill('Kept in the browser');
    await page
      .getByTestId('save-state')
      .filter({ hasText: /^Not saved/ })
      .waitFor();
    // The tab crashes: no unload, no page-hide save.
    const cdp = await context.newCDPSession(page);
    const crashed = new Promise((resolve) => page.once('crash', resolve));
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    await page.close();
    expect((await draft(id)).name).toBe(`Copy ${id}`);

    const again = await open(id);
    const banner = again.getByTestId('restore-banner');
    await banner.waitFor();
    await again.getByTestId('restore-backup').click();
    expect(await again.getByTestId('model-name').inputValue()).toBe('Kept in the browser');
    await saved(again);
    expect((await draft(id)).name).toBe('Kept in the browser');
    await again.reload();
    await again.getByTestId(ROBOT).waitFor();
    expect(await again.getByTestId('restore-banner').count()).toBe(0);
    await again.close();
  });

  it('diff mode edits nothing: inspector, palette, canvas and keys are read only', async () => {
    const id = await copy('diff-mode');
    await api(server.url, 'POST', `/models/${id}/publish`, {});
    const page = await open(id);
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('compare').click();
    await page.getByTestId('diff-readonly').waitFor();
    await page.getByTestId(ROBOT).click();
    await page.getByTestId('inspector-read-only').waitFor();
    expect(await page.getByTestId('timing-duration').isDisabled()).toBe(true);
    expect(await page.getByTestId('palette-search').isDisabled()).toBe(true);
    expect(await page.getByTestId('add-pipeline').isDisabled()).toBe(true);
    await page.keyboard.press('Delete');
    await page
      .getByTestId(`stage-${base.pipelines[0]!.key}-${base.pipelines[0]!.stages[0]!.key}`)
      .click();
    // A click on the (disabled) palette item adds nothing.
    await page.getByTestId('palette-action:notify').dispatchEvent('click');
    expect(await page.getByTestId('save-state').textContent()).toBe('Saved');
    await page.getByTestId('close-diff').click();
    expect(await page.getByTestId(ROBOT).count()).toBe(1);
    expect(JSON.stringify(await draft(id))).toBe(
      JSON.stringify({ ...base, id, name: `Copy ${id}` }),
    );
    await page.close();
  });

  it('after a rollback the header names the new live version', async () => {
    const id = await copy('rolled');
    await api(server.url, 'POST', `/models/${id}/publish`, {});
    await api(server.url, 'PUT', `/models/${id}`, { ...base, id, name: 'Second' });
    await api(server.url, 'POST', `/models/${id}/publish`, {});
    const page = await open(id);
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('rollback-1').click();
    await page.getByTestId('confirm-rollback').click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toBe(
        'Rolled back: version 3 is live (a copy of version 1), and the draft is that model now.',
      );
    expect(await page.getByTestId('model-name').inputValue()).toBe(`Copy ${id}`);
    // The draft's new revision was taken: the next edit saves without a conflict.
    await page.getByTestId('model-name').fill('After rollback');
    await saved(page);
    await page.close();
  });
});
