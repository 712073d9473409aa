import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { browserAvailability, launchBrowser } from './support/browser.js';
import { RUNTIME_ENTRY, startRuntime, type RunningRuntime } from './support/runtime-server.js';
import { READABLE_ZOOM } from '../../designer/src/canvas/initial-viewport.js';

const SHOTS = 'test-results/e2e';
const MODEL = 'sales-logistics-handoff';
const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);

/** Canvas editing in Chromium on the seeded scenario-2 example (three deal pipelines). */
describe.runIf(browser.run && runtimeReady)('canvas editing end to end', () => {
  let server: RunningRuntime;
  let context: BrowserContext;
  let page: Page;
  // Browser dialogs (prompt/confirm) must never appear.
  const dialogs: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // The designer is built by the e2e global setup.
    server = await startRuntime();
    context = await launchBrowser(server);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });
  const zoom = () =>
    page
      .locator('.react-flow__viewport')
      .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  const open = async () => {
    await page.goto(`${server.url}/#/models/${MODEL}`);
    await page.getByTestId('stage-sales-paid').waitFor();
  };
  const robotCount = () => page.locator('.robot-node').count();
  const center = async (l: Locator) => {
    const b = await l.boundingBox();
    if (!b) throw new Error('not on screen');
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  /** A real mouse drag in small steps, as React Flow needs to see it. */
  const drag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++)
      await page.mouse.move(
        from.x + ((to.x - from.x) * i) / 12,
        from.y + ((to.y - from.y) * i) / 12,
      );
    await page.mouse.up();
  };
  const connect = async (source: string, target: string) =>
    drag(
      await center(page.getByTestId(source).locator('.react-flow__handle.source')),
      await center(page.getByTestId(target).locator('.react-flow__handle.target')),
    );
  const stageOrder = (pipeline: string) =>
    page.locator(`[data-testid^="stage-${pipeline}-"]`).evaluateAll((els) =>
      els
        .map((e) => ({ id: e.getAttribute('data-testid'), x: e.getBoundingClientRect().x }))
        .sort((a, b) => a.x - b.x)
        .map((e) => e.id),
    );
  /**
   * Replaces Monaco's text by pasting, as a user would: typing 20 KB through the
   * keyboard makes Monaco auto-close and re-indent every line (slow enough to crash).
   */
  const pasteInMonaco = async (text: string) => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+v');
  };
  /** "Fit view": earlier steps may have zoomed onto one node. */
  const showAll = async () => {
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(400);
  };
  const undoKey = async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
  };

  it('opens a large model at a readable zoom, and the inspector never overflows its panel', async () => {
    await open();
    expect(await zoom()).toBeGreaterThanOrEqual(READABLE_ZOOM - 0.001);
    for (const robot of ['hand_to_logistics', 'tell_seller_paid']) {
      await page.getByTestId(`robot-${robot}`).click();
      await page.getByTestId('robot-form').waitFor();
      const overflow = await page.locator('.inspector').evaluate((panel) => {
        const right = panel.getBoundingClientRect().right;
        return [...panel.querySelectorAll('*')]
          .filter((e) => e.getBoundingClientRect().right > right + 1)
          .map((e) => `${e.tagName}.${e.className}`);
      });
      expect(overflow, robot).toEqual([]);
    }
    await shot('canvas-readable-zoom');
    // Everything else runs on a screen where the whole example fits.
    await page.setViewportSize({ width: 2400, height: 1400 });
    await open();
  });

  it('searches the palette, drops an action on a stage, and one undo takes it back', async () => {
    await page.getByTestId('palette-search').fill('webhook');
    const items = await page.locator('.palette-item').allTextContents();
    expect(items.length).toBeGreaterThan(0);
    for (const text of items) expect(text.toLowerCase()).toContain('webhook');
    const before = await robotCount();
    await page
      .getByTestId('palette-action:webhook')
      .dragTo(page.getByTestId('stage-logistics-preparing_order'));
    await expect.poll(robotCount).toBe(before + 1);
    await page.getByTestId('robot-form').waitFor();
    await shot('palette-drop');
    await page.getByTestId('undo').click();
    await expect.poll(robotCount).toBe(before);
    await page.getByTestId('palette-search').fill('');
  });

  it('"+" on a stage, a few letters and Enter add a robot there by keyboard', async () => {
    const before = await robotCount();
    await page.getByTestId('stage-logistics-courier_booked').locator('.stage-add').click();
    await page.keyboard.type('comment');
    await page.keyboard.press('Enter');
    await expect.poll(robotCount).toBe(before + 1);
    await expect
      .poll(() => page.getByTestId('robot-form').textContent())
      .toContain('Courier booked');
    await shot('plus-and-enter');
    await page.getByTestId('palette-search').fill('');
  });

  it('reorders a stage by dragging it; the drag is one undo step', async () => {
    const before = await stageOrder('complaints');
    const stage = page.getByTestId('stage-complaints-investigating');
    const c = await center(stage);
    const column = (await page.getByTestId('stage-complaints-solution_agreed').boundingBox())!.x;
    await drag({ x: c.x, y: c.y - 20 }, { x: c.x + (column - c.x) + 130, y: c.y - 20 });
    await expect.poll(() => stageOrder('complaints')).not.toEqual(before);
    const after = await stageOrder('complaints');
    expect(after.indexOf('stage-complaints-investigating')).toBe(2);
    await shot('stage-reordered');
    await undoKey();
    await expect.poll(() => stageOrder('complaints')).toEqual(before);
  });

  it('typing a stage name key by key is one undo step', async () => {
    await page.getByTestId('stage-complaints-rejected').click();
    const name = page.getByTestId('stage-name');
    await name.click();
    await name.press('End');
    await name.pressSequentially(' for now', { delay: 20 });
    await expect
      .poll(() => page.getByTestId('stage-complaints-rejected').textContent())
      .toContain('Rejected for now');
    await page.getByTestId('undo').click();
    await expect.poll(() => name.inputValue()).toBe('Rejected');
  });

  it('drawing edges: robot to own stage changes stage, to another pipeline hands off, stage to stage adds a trigger', async () => {
    await connect('robot-tell_seller_paid', 'stage-sales-lost');
    await expect
      .poll(() => page.getByTestId('robot-tell_seller_paid').textContent())
      .toContain('Sales / Lost');
    expect(await page.locator('.react-flow__edge.edge-change-stage').count()).toBeGreaterThan(0);

    await connect('robot-complaint_to_manager', 'stage-complaints-investigating');
    await expect
      .poll(() => page.getByTestId('robot-complaint_to_manager').textContent())
      .toContain('Complaints / Investigating');

    const triggers = await page.locator('.trigger-node').count();
    await connect('stage-logistics-delivered', 'stage-sales-lost');
    await expect.poll(() => page.locator('.trigger-node').count()).toBe(triggers + 1);
    expect(await page.locator('.trigger-node').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Logistics / Delivered')]),
    );
    await shot('edges-drawn');
  });

  it('copies a robot into a stage of another pipeline with Ctrl+C / Ctrl+V', async () => {
    await page.getByTestId('robot-prepare_order_task').click();
    await page.keyboard.press('Control+c');
    await page.getByTestId('stage-complaints-resolved').click();
    await page.keyboard.press('Control+v');
    await expect
      .poll(() => page.locator('[data-testid^="robot-prepare_order_task"]').count())
      .toBe(2);
    const pasted = page.locator('[data-testid^="robot-prepare_order_task_"]');
    const stageBox = (await page.getByTestId('stage-complaints-resolved').boundingBox())!;
    const box = (await pasted.boundingBox())!;
    expect(Math.abs(box.x - stageBox.x)).toBeLessThan(2);
    await shot('robot-pasted');
  });

  it('deleting a stage names its robots and triggers first in the page dialog; cancelling keeps it; Undo brings it back', async () => {
    await page.getByTestId('stage-sales-paid').click();
    await page.keyboard.press('Delete');
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    const message = (await dialog.textContent()) ?? '';
    expect(message).toContain('Paid');
    expect(message).toContain('Robots: Create a request in Logistics, Tell the responsible');
    expect(message).toContain('Triggers: ');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByTestId('stage-sales-paid').count()).toBe(1);
    await page.getByTestId('stage-sales-paid').click();
    await page.keyboard.press('Delete');
    await dialog.getByTestId('confirm-yes').click();
    await expect.poll(() => page.getByTestId('stage-sales-paid').count()).toBe(0);
    await page.getByTestId('undo-toast-undo').click();
    await expect.poll(() => page.getByTestId('stage-sales-paid').count()).toBe(1);
    expect(dialogs).toEqual([]);
  });

  it('clicking a problem selects its node and centres it', async () => {
    // Notes of one kind are folded: unfold them so every finding can be clicked.
    await page
      .getByTestId('diagnostics-group')
      .evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const problem = page.locator('.diagnostics .diag button:not([disabled])').first();
    await problem.waitFor();
    await problem.click();
    const selected = page.locator('.react-flow__node.selected');
    await expect.poll(() => selected.count()).toBe(1);
    await page.waitForTimeout(500); // the 300 ms centring animation
    const node = await center(selected);
    const canvas = await center(page.locator('.canvas-area'));
    expect(Math.abs(node.x - canvas.x)).toBeLessThan(40);
    expect(Math.abs(node.y - canvas.y)).toBeLessThan(40);
    await shot('problem-centred');
  });

  it('completes placeholders in template fields', async () => {
    await showAll();
    await page.getByTestId('robot-tell_sales_cancelled').click();
    const message = page.getByTestId('notify-message');
    await message.click();
    await message.press('End');
    await page.keyboard.type(' {{ record.ti');
    const suggestion = page.locator('.suggestions button', { hasText: 'record.title' });
    await suggestion.first().click();
    await expect.poll(() => message.inputValue()).toMatch(/\{\{ record\.title \}\}$/);
    await shot('template-completion');
  });

  it('completes operators and fields in the condition code view', async () => {
    const condition = page.getByTestId('robot-condition');
    await condition.getByTestId('condition-code-tab').click();
    await condition.locator('.monaco-editor').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('{"var": ""}');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Space');
    const suggest = condition.locator('.suggest-widget');
    await expect.poll(() => suggest.textContent(), { timeout: 10_000 }).toContain('amount');
    await shot('condition-completion');
    await page.keyboard.press('Escape');
  });

  it('the whole model in Monaco: schema errors are flagged and not applied, valid edits reach the canvas', async () => {
    await page.getByTestId('view-json').click();
    const editor = page.getByTestId('model-json-editor');
    await editor.locator('.monaco-editor').waitFor();
    const model = await fetch(`${server.url}/api/models/${MODEL}`, {
      headers: { cookie: server.cookie },
    }).then(
      (r) =>
        r.json() as Promise<{ model: { pipelines: Array<{ stages: Array<{ name: string }> }> } }>,
    );
    await editor.locator('.monaco-editor').click();
    await pasteInMonaco(JSON.stringify({ ...model.model, pipelines: 'nope' }, null, 2));
    await expect
      .poll(() => editor.getByTestId('code-status').textContent())
      .toContain('/pipelines');
    await expect
      .poll(() => editor.locator('.monaco-editor .squiggly-error').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await shot('model-json-invalid');
    const renamed = structuredClone(model.model);
    const first = renamed.pipelines[0]?.stages[0];
    if (first) first.name = 'Typed in JSON';
    await pasteInMonaco(JSON.stringify(renamed, null, 2));
    await expect
      .poll(() => editor.getByTestId('code-status').textContent())
      .not.toContain('/pipelines');
    await page.getByTestId('view-canvas').click();
    await expect
      .poll(() => page.getByTestId('stage-sales-new').textContent())
      .toContain('Typed in JSON');
    await shot('model-json-applied');
  });
});
