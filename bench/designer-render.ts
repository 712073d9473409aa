import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { analyzeModel, type AutomationModel } from '../schemas/index.js';
import { toFlow } from '../designer/src/canvas/to-flow.js';
import { api } from '../tests/e2e/support/runtime-server.js';
import { meanFps, percentile, startFrames, stopFrames } from './browser/frame-rate.js';
import { withChromium } from './browser/with-chromium.js';

const SIZES = [100, 500, 1000] as const;
const ROBOTS_PER_STAGE = 10;
const STAGES_PER_PIPELINE = 5;
const PAN_STEPS = 90;

/**
 * A model with `robots` robots: deal pipelines of 5 stages with 10 robots each, of
 * mixed timings and every third one conditional, so the nodes show all their parts.
 */
export function benchModel(id: string, robots: number): AutomationModel {
  const pipelines = [];
  let left = robots;
  for (let p = 0; left > 0 || pipelines.length === 0; p++) {
    const stages = [];
    for (let s = 0; s < STAGES_PER_PIPELINE; s++) {
      const rs = [];
      for (let r = 0; r < ROBOTS_PER_STAGE && left > 0; r++, left--)
        rs.push({
          id: `r${p}_${s}_${r}`,
          name: `Notify ${p}.${s}.${r}`,
          ...(r % 3 === 0 ? { condition: { '>': [{ var: 'amount' }, r * 1000] } } : {}),
          timing:
            r % 2 === 0
              ? { kind: 'immediate' }
              : { kind: 'delay', duration: { value: 15, unit: 'minutes' } },
          action: {
            type: 'notify',
            recipients: [{ kind: 'responsible' }],
            message: 'Deal {{ record.title }}',
          },
        });
      stages.push({
        key: `s${s}`,
        name: `Stage ${s}`,
        kind: s === STAGES_PER_PIPELINE - 1 ? 'success' : 'in_progress',
        robots: rs,
        triggers: [],
      });
    }
    pipelines.push({ key: `p${p}`, name: `Pipeline ${p}`, entity: 'deal', stages });
  }
  return { schemaVersion: 1, id, name: id, entities: {}, pipelines } as unknown as AutomationModel;
}

/**
 * Opens a model and returns ms from navigation start until its first render is on
 * screen (stages, and robots when it has any) and how many robot nodes that render
 * mounted (large models mount only the visible ones).
 */
async function openTime(
  page: Page,
  base: string,
  id: string,
  robots: number,
): Promise<{ ms: number; mounted: number }> {
  await page.goto('about:blank');
  await page.goto(`${base}/#/models/${id}`);
  const handle = await page.waitForFunction(
    (n) => {
      const mounted = document.querySelectorAll('.react-flow__node-robot').length;
      return document.querySelectorAll('.react-flow__node-stage').length > 0 &&
        (n === 0 || mounted > 0)
        ? { ms: performance.now(), mounted }
        : false;
    },
    robots,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await handle.jsonValue()) as { ms: number; mounted: number };
}

/** rAF deltas while the pane is dragged back and forth with the mouse. */
export async function panFrames(page: Page): Promise<number[]> {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('no canvas');
  await startFrames(page);
  // The canvas opens with the lanes 24 px from its left edge: grab the empty strip there.
  const x = box.x + 8;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= PAN_STEPS; i++)
    await page.mouse.move(x + 8 * (i <= PAN_STEPS / 2 ? i : PAN_STEPS - i), y - 3 * (i % 20));
  await page.mouse.up();
  return stopFrames(page);
}

/**
 * rAF deltas while a stage name is typed in the inspector and for 600 ms after (the
 * analyzer runs 250 ms after the last key): what an admin feels when editing.
 */
async function typingFrames(page: Page): Promise<number[]> {
  await page.getByTestId('stage-p0-s0').click();
  const input = page.getByTestId('stage-name');
  await input.click();
  await startFrames(page);
  await input.pressSequentially(' renamed', { delay: 40 });
  await page.waitForTimeout(600);
  return stopFrames(page);
}

// Records long tasks (> 50 ms on the main thread) from navigation start; a string for
// the same reason as in startFrames (bench/browser/frame-rate.ts).
const LONG_TASKS = `(() => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})()`;

/**
 * When the main thread went idle after opening: the end of the last long task within
 * `windowMs` of navigation start (the first render when there was none), and the
 * longest task. Waits out the window first.
 */
async function idleAfterOpen(
  page: Page,
  firstRender: number,
  windowMs = 4000,
): Promise<{ idleAt: number; longest: number }> {
  await page.waitForFunction((w) => performance.now() > w, windowMs, { timeout: 60_000 });
  const tasks = await page.evaluate(
    () => (window as unknown as { __longTasks: [number, number][] }).__longTasks,
  );
  let idleAt = firstRender;
  let longest = 0;
  for (const [start, duration] of tasks) {
    if (start > windowMs) continue;
    idleAt = Math.max(idleAt, start + duration);
    longest = Math.max(longest, duration);
  }
  return { idleAt, longest };
}

function timeMs(fn: () => unknown, runs = 5): number {
  fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - start) / runs;
}

/**
 * Time to open and first render models of 100, 500 and 1,000 robots in the built
 * designer (real runtime, Debian's Chromium) and frame times while panning, beside
 * an empty model opened the same way; plus the analyzer and mapper cost per edit,
 * which decides whether diagnostics need a worker.
 */
export async function benchDesignerRender(): Promise<void> {
  const ran = await withChromium(
    'designer-render',
    // Signed in as the runtime's owner: the designer answers nothing to a stranger.
    { signedIn: true },
    async (server, context) => {
      await context.addInitScript(LONG_TASKS);
      const page = await context.newPage();
      const cases = [
        { id: 'bench-empty', robots: 0 },
        ...SIZES.map((n) => ({ id: `bench-${n}`, robots: n })),
      ];
      for (const c of cases) await api(server.url, 'POST', '/models', benchModel(c.id, c.robots));
      await openTime(page, server.url, 'bench-empty', 0); // warm-up: caches, JIT
      console.log(
        'designer-render: open -> first render; rAF frame time while panning (Chromium, no GPU)',
      );
      console.log(
        '  model              open ms  idle at ms  longest task ms  robots mounted   pan p50 ms   pan p95 ms  pan fps (open zoom)  pan fps (fitted)   type p50 ms   type p95 ms   type max ms',
      );
      for (const c of cases) {
        const open = await openTime(page, server.url, c.id, c.robots);
        const idle = await idleAfterOpen(page, open.ms);
        const frames = await panFrames(page);
        await page.screenshot({ path: `test-results/bench/${c.id}.png` });
        const typing = await typingFrames(page);
        // The whole model on screen: every node is drawn, the hardest case for panning.
        await page.locator('.react-flow__controls-fitview').click();
        await page.waitForTimeout(400);
        const fitted = await panFrames(page);
        await page.screenshot({ path: `test-results/bench/${c.id}-fitted.png` });
        const label = c.robots === 0 ? 'empty (baseline)' : `${c.robots} robots`;
        const ms = (v: number, w: number) => v.toFixed(1).padStart(w);
        console.log(
          `  ${label.padEnd(17)} ${open.ms.toFixed(0).padStart(8)} ${idle.idleAt.toFixed(0).padStart(11)} ${idle.longest.toFixed(0).padStart(16)} ${String(open.mounted).padStart(15)} ${ms(percentile(frames, 50), 12)} ${ms(percentile(frames, 95), 12)} ${ms(meanFps(frames), 20)} ${ms(meanFps(fitted), 17)} ${ms(percentile(typing, 50), 13)} ${ms(percentile(typing, 95), 13)} ${ms(typing.at(-1) ?? NaN, 13)}`,
        );
      }
    },
  );
  if (!ran) return;
  console.log(
    'designer-render: per-edit cost in Node (analyzeModel runs debounced, toFlow on every edit)',
  );
  const dir = { users: [], departments: [], queues: [] };
  for (const n of [0, ...SIZES]) {
    const model = benchModel(`m${n}`, n);
    console.log(
      `  ${(n === 0 ? 'empty (baseline)' : `${n} robots`).padEnd(17)} analyzeModel ${timeMs(() =>
        analyzeModel(model, { directory: dir }),
      )
        .toFixed(1)
        .padStart(7)} ms   toFlow ${timeMs(() => toFlow(model))
        .toFixed(1)
        .padStart(6)} ms`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchDesignerRender();
