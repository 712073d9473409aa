import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailability, launchBrowser } from '../e2e/support/browser.js';
import { builtStorybook } from './support/built-storybook.js';
import { serveStatic } from './support/static-server.js';

type IndexEntry = { id: string; type: string; tags?: string[]; importPath: string };

const availability = browserAvailability();
const WAIT_MS = 20_000;

/** The ids of stories Chromium must run: Monaco ones (browser-only) and every play function. */
function storiesToRun(dir: string): IndexEntry[] {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    entries: Record<string, IndexEntry>;
  };
  return Object.values(index.entries).filter(
    (e) => e.type === 'story' && (e.tags?.includes('browser-only') || e.tags?.includes('play-fn')),
  );
}

/** Opens one story in the preview iframe; resolves with its final render phase. */
async function runStory(page: Page, base: string, id: string): Promise<string> {
  await page.goto(`${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
  const phase = await page.waitForFunction(
    () => {
      const w = window as unknown as {
        __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } };
      };
      const p = w.__STORYBOOK_PREVIEW__?.currentRender?.phase;
      return p === 'completed' || p === 'finished' || p === 'errored' || p === 'aborted'
        ? p
        : false;
    },
    undefined,
    { timeout: WAIT_MS, polling: 100 },
  );
  return String(await phase.jsonValue());
}

describe.skipIf(!availability.run)('stories in Chromium (built Storybook, offline)', () => {
  let browser: BrowserContext;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let page: Page;
  const problems: string[] = [];
  const dir = availability.run ? builtStorybook() : '';

  beforeAll(async () => {
    server = await serveStatic(dir);
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // A failing play function (and any React warning) is reported as a console error;
    // the render phase passes through "errored" too briefly to be polled reliably.
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text().split('\n')[0]}`);
    });
    // Offline means offline: any request leaving the local server is a defect (a CDN).
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:'))
        problems.push(`request outside the build: ${r.url()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const entry of availability.run ? storiesToRun(dir) : []) {
    it(`${entry.importPath} ${entry.id}`, async () => {
      problems.length = 0;
      const phase = await runStory(page, server.url, entry.id);
      const shown = await page.evaluate(() => document.body.className);
      expect({ phase, problems }).toEqual({
        phase: expect.stringMatching(/^(completed|finished)$/),
        problems: [],
      });
      expect(shown).toContain('sb-show-main');
    });
  }
});
