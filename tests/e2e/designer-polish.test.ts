import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { AutomationModel } from '../../schemas/index.js';
import { browserAvailability, launchBrowser } from './support/browser.js';
import { api, RUNTIME_ENTRY, startRuntime, type RunningRuntime } from './support/runtime-server.js';

const SHOTS = 'test-results/e2e';
const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);

/** Review fixes: canvas framing under the drawer, kept simulation outcome, names, lists. */
describe.runIf(browser.run && runtimeReady)('designer polish', () => {
  let server: RunningRuntime;
  let context: BrowserContext;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });
  const open = async (model: string, node: string) => {
    await page.goto(`${server.url}/#/models/${model}`);
    // A fresh page: no selection or open drawer carried over from the test before.
    await page.reload();
    await page.getByTestId(node).waitFor();
  };
  const transform = () =>
    page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  /** Whether a node lies wholly inside the visible canvas. */
  const inCanvas = async (node: Locator) => {
    const [n, c] = await Promise.all([
      node.boundingBox(),
      page.locator('.react-flow').boundingBox(),
    ]);
    if (!n || !c) return false;
    return (
      n.y >= c.y && n.y + n.height <= c.y + c.height && n.x >= c.x && n.x + n.width <= c.x + c.width
    );
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The designer is built by the e2e global setup.
    server = await startRuntime();
    context = await launchBrowser(server);
    page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${server.url}/`);
    await page.evaluate(() => localStorage.setItem('conveyor.firstRunDismissed', 'yes'));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.stop();
  });

  it('lists models as a table: name, id, published version, last change, unpublished changes', async () => {
    const { model } = await api<{ model: AutomationModel }>(server.url, 'GET', '/models/leads');
    await api(server.url, 'PUT', '/models/leads', { ...model, name: 'Leads (edited)' });
    await page.goto(`${server.url}/`);
    const edited = page.getByTestId('model-row-leads');
    await edited.waitFor();
    await expect
      .poll(() => edited.getByTestId('model-status').textContent())
      .toBe('unpublished changes');
    expect(await edited.textContent()).toContain('Leads (edited)');
    const same = page.getByTestId('model-row-subscriptions');
    await expect
      .poll(() => same.getByTestId('model-status').textContent())
      .toBe('same as published');
    expect(await same.locator('td').nth(2).textContent()).toMatch(/^v\d+$/);
    expect(await same.locator('td').nth(3).textContent()).toMatch(
      /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC$/,
    );
    await shot('polish-model-list');
    await page.getByTestId('language-switch').selectOption('ru');
    await expect
      .poll(() => edited.getByTestId('model-status').textContent())
      .toBe('есть неопубликованные изменения');
    expect(await page.locator('.model-table th').first().textContent()).toBe('Название');
    expect(await same.locator('td').nth(3).textContent()).toMatch(/^\d{1,2} [а-я]+\.? \d{4}/);
    await shot('polish-model-list-ru');
    await page.getByTestId('language-switch').selectOption('en');
  });

  it('counts the infos it lists in the Problems header', async () => {
    await open('document-flow', 'diagnostics');
    const infos = page.locator('[data-testid="diagnostics"] .diag-info:not(.diag-group)');
    await expect.poll(() => infos.count()).toBeGreaterThan(0);
    const n = await infos.count();
    expect(await page.getByTestId('diagnostics-counts').textContent()).toBe(
      `0 errors, 0 warnings, ${n} notes`,
    );
    await page.getByTestId('diagnostics').screenshot({ path: `${SHOTS}/polish-problems.png` });
  });

  it('lets a stage or pipeline name be cleared and retyped; a blank name is not stored', async () => {
    await open('reaction-time-control', 'stage-sales-new_request');
    await page.getByTestId('stage-sales-new_request').click();
    const name = page.getByTestId('stage-name');
    await name.fill('');
    expect(await name.inputValue()).toBe('');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('status').filter({ hasText: 'A name is required' }).waitFor();
    await shot('polish-name-cleared');
    await name.pressSequentially('Fresh');
    expect(await name.inputValue()).toBe('Fresh');
    await expect
      .poll(() => page.getByTestId('stage-sales-new_request').textContent())
      .toContain('Fresh');
    await page
      .getByTestId('save-state')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    // Left blank: the kept name comes back, and the server never saw a blank one.
    await name.fill('');
    await name.blur();
    expect(await name.inputValue()).toBe('Fresh');
    const { model } = await api<{ model: AutomationModel }>(
      server.url,
      'GET',
      '/models/reaction-time-control',
    );
    expect(model.pipelines[0]!.stages[0]!.name).toBe('Fresh');
    await page.keyboard.press('Control+z');
    await expect.poll(() => name.inputValue()).toBe('New request');
  });

  it('keeps the selection, or the whole model, in view when the drawer opens and closes', async () => {
    await open('reaction-time-control', 'robot-escalate_after_30_min');
    const opening = await transform();
    // Nothing selected and the camera where it opened: the drawer keeps the opening view.
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('versions-panel').waitFor();
    await page.waitForTimeout(500);
    expect(await transform()).toBe(opening);
    await page.getByTestId('tab-versions').click();
    // A camera the user moved is left alone (no jump under the mouse).
    const zoomIn = page.locator('.react-flow__controls-zoomin');
    await zoomIn.click();
    await zoomIn.click();
    await page.waitForTimeout(400);
    const zoomed = await transform();
    expect(zoomed).not.toBe(opening);
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('versions-panel').waitFor();
    await page.waitForTimeout(500);
    expect(await transform()).toBe(zoomed);
    await page.getByTestId('tab-versions').click();
    await page.waitForTimeout(500);
    // ...unless it hides the selection: pan from the empty band above the lane so that the
    // lowest robot sits just above the bottom edge, select it, then open the drawer.
    await open('reaction-time-control', 'robot-escalate_after_30_min');
    const robot = page.getByTestId('robot-escalate_after_30_min');
    const c = (await page.locator('.react-flow').boundingBox())!;
    const r = (await robot.boundingBox())!;
    const from = { x: c.x + c.width / 2, y: c.y + 8 };
    const dy = c.y + c.height - 20 - (r.y + r.height);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x, from.y + (dy * i) / 10);
    await page.mouse.up();
    await robot.click();
    await page.waitForTimeout(300);
    expect(await inCanvas(robot)).toBe(true);
    const panned = await transform();
    await page.getByTestId('tab-simulation').click();
    await page.getByTestId('simulation-panel').waitFor();
    await page.waitForTimeout(600);
    await shot('polish-drawer-open-selection');
    await expect.poll(transform).not.toBe(panned);
    await expect.poll(() => inCanvas(robot)).toBe(true);
    await shot('polish-drawer-open-selection');
    await page.getByTestId('tab-simulation').click();
    await page.getByTestId('tab-simulation').click();
    // A run's marks are what the drawer is about: the fired robots are framed.
    await page.getByTestId('sim-run').click();
    await page.getByTestId('sim-timeline').waitFor();
    const fired = page.locator('.react-flow__node .mark-fired').first();
    await fired.waitFor();
    await expect.poll(() => inCanvas(fired)).toBe(true);
    await shot('polish-drawer-simulation-marks');
    await page.getByTestId('tab-simulation').click();
  });

  it('keeps the last outcome of a saved scenario: a rerun after an edit and a reload shows what changed', async () => {
    const id = 'reaction-time-control';
    await open(id, 'robot-remind_after_15_min');
    await page.getByTestId('tab-simulation').click();
    await page.getByTestId('sim-run').click();
    await page.getByTestId('sim-timeline').waitFor();
    await page.getByTestId('sim-save').click();
    await page
      .getByTestId('save-state')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    const { model } = await api<{ model: AutomationModel }>(server.url, 'GET', `/models/${id}`);
    const kept = model.simulations?.[0]?.lastOutcome;
    expect(kept?.lines.some((l) => l.text.includes('robot:remind_after_15_min: fired'))).toBe(true);
    // The edit comes from elsewhere (another tab, the API), then this page reloads.
    const changed = structuredClone(model);
    changed.pipelines[0]!.stages[0]!.robots[1]!.timing = {
      kind: 'delay',
      duration: { value: 20, unit: 'minutes' },
    };
    await api(server.url, 'PUT', `/models/${id}`, changed);
    await page.reload();
    await page.getByTestId('robot-remind_after_15_min').waitFor();
    await page.getByTestId('tab-simulation').click();
    expect(await page.getByTestId('sim-run').textContent()).toBe('Rerun');
    await page.getByTestId('sim-run').click();
    const changes = page.getByTestId('sim-changes');
    await changes.waitFor();
    const text = (await changes.textContent()) ?? '';
    expect(text).toMatch(/No longer\s*\+15 min r1 robot:remind_after_15_min: fired/);
    expect(text).toMatch(/Now\s*\+20 min r1 robot:remind_after_15_min: fired/);
    expect(await page.getByTestId('sim-compared-with').textContent()).toMatch(
      /^Compared with the run of /,
    );
    await shot('polish-rerun-after-reload');
    await page
      .getByTestId('save-state')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    const after = await api<{ model: AutomationModel }>(server.url, 'GET', `/models/${id}`);
    const latest = after.model.simulations?.[0]?.lastOutcome;
    expect(latest?.lines.some((l) => l.text.includes('+20') || l.minute === 20)).toBe(true);
  });

  it('shows the designer in Russian: canvas, inspector, palette, versions and simulation', async () => {
    await open('reaction-time-control', 'robot-remind_after_15_min');
    await page.getByTestId('language-switch').selectOption('ru');
    await page.getByTestId('robot-remind_after_15_min').click();
    await page.getByTestId('robot-form').waitFor();
    await shot('polish-ru-canvas-inspector');
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('versions-panel').waitFor();
    await shot('polish-ru-versions');
    await page.getByTestId('tab-simulation').click();
    await page.getByTestId('sim-run').click();
    await page.getByTestId('sim-changes').waitFor();
    expect(await page.getByTestId('sim-changes').textContent()).toContain('Результат тот же');
    await shot('polish-ru-simulation');
    // Nothing in the chrome is cut off: no element clips its own text horizontally.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, label, th, h3, h4, .tab, [role="tab"]')]
        .filter((el) => el.offsetParent && el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent?.trim() ?? ''),
    );
    expect(clipped).toEqual([]);
    await page.getByTestId('language-switch').selectOption('en');
  });
});
