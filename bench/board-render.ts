import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { AutomationModel } from '../schemas/index.js';
import { api } from '../tests/e2e/support/runtime-server.js';
import { meanFps, percentile, startFrames, stopFrames } from './browser/frame-rate.js';
import { withChromium } from './browser/with-chromium.js';

/** Deals in the one busy column (`BENCH_BOARD_DEALS`, default 10,000: the case). */
const DEALS = Number(process.env.BENCH_BOARD_DEALS ?? 10_000);
const SCROLL_STEPS = 150;

const stage = (key: string, name: string) => ({
  key,
  name,
  kind: 'in_progress' as const,
  robots: [],
  triggers: [],
});

/** A published sales pipeline whose first stage holds every deal. */
const MODEL: AutomationModel = {
  schemaVersion: 1,
  id: 'bench-board',
  name: 'Board bench',
  entities: {},
  pipelines: [
    {
      key: 'sales',
      name: 'Sales',
      entity: 'deal',
      stages: [stage('new', 'New'), stage('won', 'Won')],
    },
  ],
};

/** Wheel-scrolls the column down (and back up) while counting animation frames. */
async function scrollFrames(page: Page): Promise<number[]> {
  const box = await page.getByTestId('column-new').locator('.column-scroll').boundingBox();
  if (!box) throw new Error('no column');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await startFrames(page);
  for (let i = 0; i < SCROLL_STEPS; i++)
    await page.mouse.wheel(0, i < SCROLL_STEPS / 2 ? 400 : -400);
  await page.waitForTimeout(300);
  return stopFrames(page);
}

/** Cards in the page (the virtualised list mounts only the visible ones). */
const mounted = (page: Page) => page.getByTestId('column-new').locator('.board-card').count();

/**
 * `npm run bench -- board-render`: a board whose first column holds `DEALS` deals;
 * frame rate while wheel-scrolling it with the first page loaded, then again after
 * paging in every deal (the virtualised list keeps the DOM small either way).
 */
export async function benchBoardRender(): Promise<void> {
  await withChromium('board-render', { signedIn: true }, async (server, context) => {
    await api(server.url, 'POST', '/models', MODEL);
    await api(server.url, 'POST', `/models/${MODEL.id}/publish`, {});
    const t0 = Date.now();
    for (let done = 0; done < DEALS; done += 2000) {
      const rows = Array.from({ length: Math.min(2000, DEALS - done) }, (_, i) => ({
        fields: { title: `Deal ${done + i + 1}`, amount: 1000 + ((done + i) % 997) },
      }));
      await api(server.url, 'POST', '/records/deals/import', {
        model: MODEL.id,
        pipeline: 'sales',
        stage: 'new',
        records: rows,
        onDuplicate: 'create',
      });
    }
    console.log(
      `board-render: ${DEALS} deals imported in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    const page = await context.newPage();
    const opened = Date.now();
    await page.goto(`${server.url}/#/board/sales?model=${MODEL.id}`);
    await page
      .getByTestId('column-new')
      .locator('.board-card')
      .first()
      .waitFor({ timeout: 120_000 });
    const firstCards = Date.now() - opened;
    await page.getByTestId('totals-new').getByText(/Σ/).waitFor({ timeout: 120_000 });
    const totals = (await page.getByTestId('totals-new').textContent()) ?? '';
    const early = await scrollFrames(page);
    const earlyMounted = await mounted(page);
    // Page in every deal: scroll to the end until the column has loaded them all.
    const loadStart = Date.now();
    const scroller = page.getByTestId('column-new').locator('.column-scroll');
    const list = page.getByTestId('column-new').locator('ul.column-cards');
    for (let i = 0; i < 4000; i++) {
      if ((await list.getAttribute('data-more')) === 'false') break;
      await scroller.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await page.waitForTimeout(50);
    }
    const loaded = await list.getAttribute('data-loaded');
    const loadAll = Date.now() - loadStart;
    await scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    const late = await scrollFrames(page);
    const lateMounted = await mounted(page);
    const heights = await page
      .getByTestId('column-new')
      .locator('.column-cards > li')
      .evaluateAll((els) => [...new Set(els.map((e) => e.getBoundingClientRect().height))]);
    await page.screenshot({ path: 'test-results/bench/board.png' });
    console.log(`  card heights (px, with the gap): ${heights.join(', ')}`);
    console.log(
      `  first cards ${firstCards} ms; totals "${totals}"; ${loaded} paged in after ${loadAll} ms`,
    );
    console.log('  case                 cards mounted   frame p50 ms   frame p95 ms   fps');
    for (const [label, frames, n] of [
      ['first page loaded', early, earlyMounted],
      [`all ${DEALS} loaded`, late, lateMounted],
    ] as const)
      console.log(
        `  ${label.padEnd(20)} ${String(n).padStart(13)} ${percentile(frames, 50).toFixed(1).padStart(14)} ${percentile(frames, 95).toFixed(1).padStart(14)} ${meanFps(frames).toFixed(1).padStart(5)}`,
      );
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchBoardRender();
