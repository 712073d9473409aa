import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { benchModel } from '../../bench/designer-render.js';
import { browserAvailability, launchBrowser } from './support/browser.js';
import { api, RUNTIME_ENTRY, startRuntime, type RunningRuntime } from './support/runtime-server.js';

const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);
const MOVES = 40;

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { name?: string; endData?: { x?: number } };
}

/** Trace events recorded while `fn` runs (Chromium's own timeline category). */
async function traced(cdp: CDPSession, fn: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  // The protocol types trace events as string maps; Chromium sends the fields read here.
  const onData = (p: { value: readonly object[] }) => {
    events.push(...(p.value as readonly unknown[] as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline',
    transferMode: 'ReportEvents',
  });
  await fn();
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

/**
 * How many hit tests the page did at the pointer (CSS px `fromX`..`toX`): Chromium's own
 * periodic ones (ad detection at the centre of the page) are not the pan's.
 */
function hitTestsAt(events: readonly TraceEvent[], fromX: number, toX: number): number {
  return events.filter((e) => {
    const x = e.args?.endData?.x;
    return e.name === 'HitTest' && x !== undefined && x >= fromX - 1 && x <= toX + 1;
  }).length;
}

/**
 * The cost of panning a 1,000-robot model, counted rather than timed: with thousands of
 * node layers each Chromium hit test walks all of them, and an unprepared pane does two
 * or three per mouse move (the move's target, a text selection being extended, the
 * hover after the layout of the minimap). The frame rate itself is in the bench.
 */
describe.runIf(browser.run && runtimeReady)('panning a large model', () => {
  let server: RunningRuntime;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    server = await startRuntime();
    await api(server.url, 'POST', '/models', benchModel('pan-1000', 1000));
    context = await launchBrowser(server);
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
    await page.goto(`${server.url}/#/models/pan-1000`);
    await page.locator('.react-flow__node-robot').first().waitFor({ timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    server?.stop();
  });

  const translateX = () =>
    page
      .locator('.react-flow__viewport')
      .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).e);

  /**
   * Drags the empty strip left of the lanes `MOVES` times 5 px to the right; answers the
   * hit tests done at the pointer meanwhile.
   */
  async function pan(): Promise<number> {
    const box = await page.locator('.react-flow__pane').boundingBox();
    if (!box) throw new Error('no canvas');
    const x = Math.round(box.x + 8);
    const y = Math.round(box.y + box.height / 2);
    const events = await traced(cdp, async () => {
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let i = 1; i <= MOVES; i++) await page.mouse.move(x + 5 * i, y);
      await page.mouse.up();
    });
    return hitTestsAt(events, x, x + 5 * MOVES);
  }

  it('pans with the mouse and does not hit-test the nodes on every move', async () => {
    const before = await translateX();
    const hits = await pan();
    // The view followed the mouse (the pane still pans with the pointer captured).
    expect((await translateX()) - before).toBeCloseTo(5 * MOVES, 0);
    // Unprepared: 2-3 per move. Left: the press and the release.
    expect(hits).toBeLessThan(MOVES / 4);
  }, 120_000);

  it('zoomed out, draws the nodes as plain boxes without handles or positioned cards', async () => {
    await page.locator('.react-flow__controls-fitview').click();
    await expect
      .poll(() => page.locator('.react-flow.zoomed-out').count(), { timeout: 10_000 })
      .toBe(1);
    const robot = page.locator('.robot-node').first();
    const styles = await robot.evaluate((el) => ({
      position: getComputedStyle(el).position,
      handle: getComputedStyle(el.querySelector('.react-flow__handle')!).visibility,
      title: getComputedStyle(el.querySelector('.node-title')!).display,
    }));
    expect(styles).toEqual({ position: 'static', handle: 'hidden', title: 'none' });
    expect(await pan()).toBeLessThan(MOVES / 4);
  }, 120_000);
});
