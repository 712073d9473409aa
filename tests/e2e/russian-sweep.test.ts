import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailability, launchBrowser } from './support/browser.js';
import {
  api,
  builtDesigner,
  RUNTIME_ENTRY,
  startRuntime,
  startRuntimeWithoutOwner,
  type RunningRuntime,
} from './support/runtime-server.js';
import {
  keyNamespaces,
  latinWordsOf,
  scanRussian,
  type TextFindings,
} from './support/russian-text.js';

const SHOTS = 'test-results/e2e/ru-sweep';
const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);

/**
 * Every screen in Russian at 1280 px, screenshotted: the model list and gallery, the
 * editor with each inspector form, simulation, versions, publish preview, the board
 * and the record drawer, the outside world, the user menu, users, roles, tokens,
 * sessions, audit log, recycle bin, sign-in and setup. None shows a raw i18n key or
 * English text other than the admin's own names and example data.
 */
describe.runIf(browser.run && runtimeReady)('every screen in Russian', () => {
  let server: RunningRuntime;
  let context: BrowserContext;
  let page: Page;
  let modelId = '';
  let dealId = '';
  const namespaces = keyNamespaces();
  const allowed = new Set<string>();
  const found: Record<string, TextFindings> = {};
  const sweep = async (screen: string, p: Page = page) => {
    await p.screenshot({ path: `${SHOTS}/${screen}.png`, fullPage: true });
    const f = await scanRussian(p, namespaces, allowed);
    if (f.keys.length + f.english.length > 0) found[screen] = f;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    builtDesigner();
    server = await startRuntime();
    const copy = await api<{ model: { id: string } }>(
      server.url,
      'POST',
      '/examples/message-templates/copy',
      {},
    );
    modelId = copy.model.id;
    await api(server.url, 'POST', `/models/${modelId}/publish`, {});
    const deal = await api<{ id: string }>(server.url, 'POST', '/records/deals', {
      model: modelId,
      pipeline: 'sales',
      fields: { title: 'Kitchen set', amount: 120000 },
    });
    dealId = deal.id;
    // The admin's own words (every example model and the records) may stay as typed.
    const models = await api<{ items: Array<{ id: string }> }>(
      server.url,
      'GET',
      '/models?limit=1000',
    );
    for (const m of models.items)
      latinWordsOf(await api(server.url, 'GET', `/models/${m.id}`), allowed);
    latinWordsOf(await api(server.url, 'GET', '/examples'), allowed);
    latinWordsOf(await api(server.url, 'GET', `/records/deals/${dealId}`), allowed);
    latinWordsOf(await api(server.url, 'GET', '/auth/me'), allowed);
    context = await launchBrowser(server);
    page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/`);
    await page.evaluate(() => localStorage.setItem('conveyor.language', 'ru'));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    server?.stop();
  });

  it('shows no raw key and no English text on any screen', async () => {
    await page.goto(`${server.url}/#/`);
    await page.reload();
    await page.getByTestId(`example-message-templates`).waitFor();
    await sweep('01-list-gallery');

    await page.goto(`${server.url}/#/models/${modelId}`);
    await page.getByTestId('lane-sales').waitFor();
    if (await page.getByTestId('first-run').isVisible()) {
      await sweep('02-first-run');
      await page.getByTestId('first-run-dismiss').click();
    }
    await page.getByTestId('lane-sales').click({ position: { x: 40, y: 10 } });
    await page.getByTestId('pipeline-form').waitFor();
    await sweep('03-pipeline-form');
    await page.locator('.react-flow__controls-fitview').click();
    const nodes = await page
      .locator('.robot-node[data-testid^="robot-"], .trigger-node[data-testid^="trigger-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    const stages = await page
      .locator('[data-testid^="stage-sales-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    if (stages[0] !== undefined) {
      await page.getByTestId(stages[0]).first().click();
      await page.getByTestId('stage-form').waitFor();
      await sweep('04-stage-form');
    }
    for (const id of nodes) {
      await page.getByTestId(id).click();
      await page.getByTestId(id.startsWith('robot-') ? 'robot-form' : 'trigger-form').waitFor();
      await sweep(`05-${id}`);
    }
    await page.getByTestId('tab-simulation').click();
    await page.getByTestId('simulation-panel').waitFor();
    await sweep('06-simulation');
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('versions-panel').waitFor();
    await sweep('07-versions');
    await page.getByTestId('tab-versions').click();
    // A changed draft (the model's name), so publishing shows its preview first.
    await page.getByTestId('model-name').fill('Шаблоны сообщений');
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-preview').waitFor();
    await sweep('08-publish-preview');
    await page.keyboard.press('Escape');

    await page.goto(`${server.url}/#/board/sales?model=${encodeURIComponent(modelId)}`);
    const card = page.getByTestId(`card-${dealId}`);
    await card.waitFor();
    await sweep('09-board');
    await card.getByRole('button', { name: 'Kitchen set' }).click();
    await page.getByTestId('record-drawer').waitFor();
    await page.getByTestId('drawer-timeline').waitFor();
    await sweep('10-drawer');

    await page.goto(`${server.url}/#/outside`);
    await page.getByRole('heading', { name: 'Внешний мир' }).waitFor();
    await page.getByRole('heading', { name: 'Реестр документов' }).waitFor();
    await page.getByText('Загрузка…').first().waitFor({ state: 'hidden' });
    await sweep('11-outside');

    await page.goto(`${server.url}/#/`);
    await page.getByTestId('user-menu').locator('summary').click();
    await page.getByTestId('sign-out').waitFor();
    await sweep('12-user-menu');
    for (const screen of ['users', 'roles', 'tokens', 'sessions', 'audit', 'recycle-bin']) {
      await page.goto(`${server.url}/#/${screen}`);
      await page.locator('main h1, main h2').first().waitFor();
      await page
        .getByText('Загрузка…')
        .waitFor({ state: 'hidden' })
        .catch(() => undefined);
      await sweep(`13-${screen}`);
    }

    await page.goto(`${server.url}/#/`);
    await page.getByTestId('user-menu').locator('summary').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();
    await sweep('14-sign-in');
    // Signing out on purpose is not an expired session.
    expect(await page.getByText('Сеанс завершён').count()).toBe(0);

    const fresh = await startRuntimeWithoutOwner();
    try {
      const p = await context.newPage();
      await p.setViewportSize({ width: 1280, height: 900 });
      await p.goto(fresh.setupLink);
      await p.evaluate(() => localStorage.setItem('conveyor.language', 'ru'));
      await p.reload();
      await p.getByTestId('setup-form').waitFor();
      await sweep('15-setup', p);
      await p.close();
    } finally {
      fresh.stop();
    }

    writeFileSync(`${SHOTS}/findings.json`, JSON.stringify(found, null, 1));
    expect(found, JSON.stringify(found, null, 1)).toEqual({});
  }, 600_000);
});
