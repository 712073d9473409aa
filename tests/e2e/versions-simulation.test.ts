import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { AutomationModel } from '../../schemas/index.js';
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
const MODEL = 'reaction-time-control';
const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);

describe.runIf(browser.run && runtimeReady)('versions, simulation, gallery, language', () => {
  let server: RunningRuntime;
  let context: BrowserContext;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });
  const axeClean = async (view: string) => {
    const violations = await seriousViolations(page);
    expect(violations, `${view}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    builtDesigner();
    server = await startRuntime();
    context = await launchBrowser();
    page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    server?.stop();
  });

  it('opens an example from the gallery as an editable copy; the first-run view is dismissed for good', async () => {
    await page.goto(`${server.url}/`);
    await page.getByTestId('example-reaction-time-control').waitFor();
    expect(await page.getByTestId('gallery').locator('li').count()).toBe(9);
    await shot('gallery');
    await axeClean('model list and gallery');
    await page.getByTestId('open-example-reaction-time-control').click();
    await page.waitForURL(/#\/models\/reaction-time-control-copy$/);
    await page.getByTestId('robot-remind_after_15_min').waitFor();
    expect(await page.getByTestId('model-name').inputValue()).toBe('Reaction-time control (copy)');
    await page.getByTestId('first-run').waitFor();
    // The example's saved simulations came with the copy and are offered in its panel.
    await page.getByTestId('tab-simulation').click();
    const offered = await page.getByTestId('sim-saved').locator('option').allTextContents();
    expect(offered).toEqual(
      expect.arrayContaining([
        'Nobody reacts to a new request',
        'Taken into work after 10 minutes',
      ]),
    );
    await page.getByTestId('tab-simulation').click();
    await shot('first-run');
    await axeClean('designer with first-run view');
    await page.getByTestId('first-run-dismiss').click();
    await page.reload();
    await page.getByTestId('robot-remind_after_15_min').waitFor();
    expect(await page.getByTestId('first-run').count()).toBe(0);
  });

  it('diffs two versions after changing a threshold, on the canvas and as a list, then rolls back', async () => {
    const { model } = await api<{ model: AutomationModel }>(server.url, 'GET', `/models/${MODEL}`);
    const changed = structuredClone(model);
    changed.pipelines[0]!.stages[0]!.robots[1]!.timing = {
      kind: 'delay',
      duration: { value: 20, unit: 'minutes' },
    };
    // Layout-only edits must not show up in the diff.
    changed.layout = { nodes: { 'pipeline:sales': { x: 300, y: 200 } } };
    await api(server.url, 'PUT', `/models/${MODEL}`, changed);
    await api(server.url, 'POST', `/models/${MODEL}/publish`, { note: 'remind at 20 min' });

    await page.goto(`${server.url}/#/models/${MODEL}`);
    await page.getByTestId('robot-remind_after_15_min').waitFor();
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('version-row-2').waitFor();
    expect(await page.getByTestId('version-row-2').textContent()).toContain('remind at 20 min');
    await page.getByTestId('diff-from-1').check();
    await page.getByTestId('diff-to-2').check();
    await page.getByTestId('compare').click();
    const list = page.getByTestId('diff-list');
    await list.waitFor();
    expect(await list.locator('li').count()).toBe(1);
    expect(await page.getByTestId('diff-readonly').textContent()).toContain('v2, read only');
    const row = (await list.textContent()) ?? '';
    // A sentence with the name the admin typed, not a JSON pointer.
    expect(row).toBe('Changed: Robot “Remind after 15 minutes” waits 20 min instead of 15 min');
    await expect
      .poll(() => page.getByTestId('robot-remind_after_15_min').getAttribute('class'))
      .toContain('mark-changed');
    expect(await page.getByTestId('robot-warn_after_25_min').getAttribute('class')).not.toContain(
      'mark-',
    );
    await shot('versions-diff');
    await axeClean('versions panel with a diff');

    await page.getByTestId('rollback-1').click();
    const dialog = page.getByTestId('rollback-dialog');
    await dialog.waitFor();
    // A sentence with the robot's name, not a JSON pointer.
    expect(await dialog.textContent()).toMatch(/Robot “[^”]+” waits 15 min instead of 20 min/);
    await shot('rollback-confirm');
    await dialog.getByTestId('confirm-rollback').click();
    await page.getByTestId('version-row-3').waitFor();
    const versions = (
      await api<{ items: { version: number; note: string }[] }>(
        server.url,
        'GET',
        `/models/${MODEL}/versions`,
      )
    ).items;
    expect(versions.at(-1)).toMatchObject({ version: 3, note: 'rollback to version 1' });
    const v3 = await api<{ model: AutomationModel }>(
      server.url,
      'GET',
      `/models/${MODEL}/versions/3`,
    );
    expect(v3.model.pipelines[0]!.stages[0]!.robots[1]!.timing).toEqual(
      model.pipelines[0]!.stages[0]!.robots[1]!.timing,
    );
    await shot('rolled-back');
  });

  it('discards a draft: the editor shows the published version again', async () => {
    await page.getByTestId('model-name').fill('Draft name');
    await page
      .getByTestId('save-state')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await page.getByTestId('discard-draft').click();
    // The page's own dialog, not the browser's confirm.
    await page.getByTestId('confirm-yes').click();
    await expect
      .poll(() => page.getByTestId('model-name').inputValue())
      .toBe('Reaction-time control');
    const { model } = await api<{ model: AutomationModel }>(server.url, 'GET', `/models/${MODEL}`);
    expect(model.name).toBe('Reaction-time control');
  });

  it("runs scenario 4's simulation: notices at +15/+25/+30 min, then a move at +10 cancels them", async () => {
    await page.getByTestId('tab-simulation').click();
    await page.getByTestId('sim-step-0').waitFor();
    expect(await page.getByTestId('sim-step-0-stage').inputValue()).toBe('sales/new_request');
    await page.getByTestId('sim-run').click();
    const timeline = page.getByTestId('sim-timeline');
    await timeline.waitFor();
    const text = (await timeline.textContent()) ?? '';
    for (const [at, robot] of [
      ['+15 min', 'remind_after_15_min'],
      ['+25 min', 'warn_after_25_min'],
      ['+30 min', 'escalate_after_30_min'],
    ])
      expect(text).toMatch(new RegExp(`\\${at}\\s*r1\\s*[^+]*robot:${robot}\\s*fired`));
    await shot('simulation-first-run');
    const notices = page.getByTestId('sim-notification');
    expect(await notices.count()).toBe(4);
    expect(await notices.nth(1).textContent()).toContain('+15 min');
    // Placeholders are filled: the deal's title is in the notice.
    expect(await notices.first().textContent()).toContain('Sample deal');

    // Step back to the 15-minute reminder: it is marked fired, the 25-minute one not yet.
    const entry = timeline
      .locator('li', { hasText: 'robot:remind_after_15_min' })
      .filter({ hasText: 'fired' });
    await entry.getByRole('button').click();
    await expect
      .poll(() => page.getByTestId('robot-remind_after_15_min').getAttribute('class'))
      .toContain('mark-fired');
    expect(await page.getByTestId('robot-warn_after_25_min').getAttribute('class')).toContain(
      'mark-considered',
    );
    await shot('simulation-notices');

    await page.getByTestId('sim-save').click();
    await page
      .getByTestId('save-state')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    const saved = await api<{ model: AutomationModel }>(server.url, 'GET', `/models/${MODEL}`);
    expect(saved.model.simulations?.map((x) => x.name)).toEqual(['Sample run']);

    await page.getByTestId('sim-add-step').click();
    expect(await page.getByTestId('sim-step-1-do').inputValue()).toBe('move');
    await page.getByTestId('sim-step-1-at').fill('10');
    expect(await page.getByTestId('sim-step-1-stage').inputValue()).toBe('sales/in_progress');
    await page.getByTestId('sim-run').click();
    await expect.poll(() => page.getByTestId('sim-notification').count()).toBe(1);
    const after = (await timeline.textContent()) ?? '';
    for (const robot of ['remind_after_15_min', 'warn_after_25_min', 'escalate_after_30_min'])
      expect(after).toMatch(
        new RegExp(`robot:${robot}\\s*cancelled: the record left “New request” at \\+10 min`),
      );
    expect(after).not.toMatch(/\+15 min/);
    const changes = (await page.getByTestId('sim-changes').textContent()) ?? '';
    expect(changes).toContain('No longer');
    expect(changes).toContain('robot:remind_after_15_min: fired');
    await expect
      .poll(() => page.getByTestId('robot-remind_after_15_min').getAttribute('class'))
      .toContain('mark-considered');
    await shot('simulation-cancelled');
    await axeClean('simulation panel');
  });

  it('palette, canvas nodes, inspector and panels are reachable by keyboard with a visible focus', async () => {
    const focusInfo = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        return {
          testId: el?.getAttribute('data-testid') ?? '',
          inInspector: Boolean(el?.closest('[data-testid="inspector"]')),
          outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
        };
      });
    const tabUntil = async (pred: (f: Awaited<ReturnType<typeof focusInfo>>) => boolean) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const f = await focusInfo();
        if (pred(f)) return f;
      }
      throw new Error('not reached by Tab');
    };
    await page.locator('.palette input').first().focus();
    const item = await tabUntil((f) => f.testId.startsWith('palette-'));
    expect(item.outline).toMatch(/^solid [1-9]/);
    // A robot node: Enter selects it and the inspector shows its form.
    await page.getByTestId('robot-remind_after_15_min').locator('xpath=..').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('robot-form').waitFor();
    const inInspector = await tabUntil((f) => f.inInspector);
    expect(inInspector.outline).toMatch(/^solid [1-9]/);
    const tab = await tabUntil((f) => f.testId === 'tab-versions');
    expect(tab.outline).toMatch(/^solid [1-9]/);
    await page.keyboard.press('Enter');
    await page.getByTestId('versions-panel').waitFor();
    await shot('keyboard-focus');
    await page.keyboard.press('Enter');
  });

  it('switches to Russian: no English left in the chrome, numbers and dates by locale, remembered', async () => {
    await page.getByTestId('language-switch').selectOption('ru');
    await page.getByTestId('tab-versions').waitFor();
    await page.reload();
    await page.getByTestId('robot-remind_after_15_min').waitFor();
    expect(await page.getByTestId('language-switch').inputValue()).toBe('ru');
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('version-row-1').waitFor();
    await shot('russian');
    const englishLeft = async () => {
      // The chrome: everything but the canvas nodes (the model's own names stay as typed).
      const leftovers = await page.evaluate(() => {
        const skip =
          '.react-flow__node, .react-flow__edge, .react-flow__attribution, code, .model-name, [data-testid="diff-list"], [data-testid="language-switch"], [data-user-text]';
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent?.trim() ?? '';
          if (!/[A-Za-z]{3,}/.test(text) || /[а-яё]/i.test(text)) continue;
          if (n.parentElement?.closest(skip)) continue;
          out.push(text);
        }
        for (const el of document.querySelectorAll<HTMLElement>(
          '[aria-label], [title], [placeholder]',
        )) {
          if (el.closest(skip)) continue;
          for (const a of ['aria-label', 'title', 'placeholder']) {
            const v = el.getAttribute(a) ?? '';
            if (/[A-Za-z]{3,}/.test(v) && !/[а-яё]/i.test(v)) out.push(`${a}=${v}`);
          }
        }
        return out;
      });
      // Allowed: the product name, version authors ("api") and the JSON tab name.
      const allowed =
        /^(Conveyor|api|JSON|v\d+|React Flow|Mini Map|title=.*|aria-label=React Flow.*)$/;
      return leftovers.filter((s) => !allowed.test(s));
    };
    expect(await englishLeft()).toEqual([]);
    await page.getByTestId('tab-simulation').click();
    await page.getByTestId('sim-run').click();
    await page.getByTestId('sim-timeline').waitFor();
    expect(await page.getByTestId('sim-timeline').textContent()).toContain('+15 мин');
    await shot('russian-simulation');
    expect(await englishLeft()).toEqual([]);
    await axeClean('designer in Russian');
  });
});
