import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailability, launchBrowser } from './support/browser.js';
import {
  api,
  builtDesigner,
  RUNTIME_ENTRY,
  startRuntime,
  type RunningRuntime,
} from './support/runtime-server.js';

const SHOTS = 'test-results/e2e';
const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);
if (!runtimeReady) console.warn(`e2e skipped: ${RUNTIME_ENTRY} does not exist yet`);

describe.runIf(browser.run && runtimeReady)('designer end to end', () => {
  let server: RunningRuntime;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    builtDesigner();
    server = await startRuntime();
    for (const [key, name] of [
      ['ivanov', 'Ivanov'],
      ['petrov', 'Petrov'],
      ['sidorov', 'Sidorov'],
      ['smirnov', 'Smirnov'],
    ])
      await api(server.url, 'PUT', `/directory/users/${key}`, { key, name });
    // PUT, not POST: the first start seeds the examples' directory, which has these keys.
    await api(server.url, 'PUT', '/directory/queues/others', {
      key: 'others',
      name: 'Other managers',
      users: ['ivanov', 'petrov', 'smirnov'],
    });
    context = await launchBrowser(server);
    page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    server?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });
  const saved = () =>
    page
      .getByTestId('save-state')
      .filter({ hasText: /^Saved$/ })
      .waitFor();

  it('builds scenario 7 (distribution by amount) by mouse and keyboard, publishes it, and a new deal is assigned', async () => {
    await page.goto(`${server.url}/`);
    await page.getByTestId('new-model-name').fill('Distribution');
    await page.getByTestId('new-model').click();
    await page.getByTestId('model-name').waitFor();

    // A new pipeline gets a default name and the cursor in its name field.
    await page.getByTestId('add-pipeline').click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('pipeline-name');
    await page.keyboard.type('Sales');
    await page.getByTestId('stage-new_pipeline-new').click();
    await page.getByTestId('stage-name').fill('New request');
    await page.getByTestId('add-robot').selectOption('assign');
    await page.getByTestId('robot-form').waitFor();

    await page.getByTestId('assign-mode').selectOption('rules');
    const row = page.getByTestId('assign-rule-0');
    await row.getByTestId('add-rule').click();
    await row.getByTestId('rule-field').selectOption('amount');
    await row.getByTestId('rule-operator').selectOption('gt');
    await row.getByTestId('rule-value').fill('1000000');
    await row.getByTestId('assign-rule-0-target-kind').selectOption('user');
    await row.getByTestId('assign-rule-0-target-user').selectOption('sidorov');
    await page.getByTestId('assign-otherwise-toggle').check();
    await page.getByTestId('assign-otherwise-kind').selectOption('queue');
    await page.getByTestId('assign-otherwise-queue').selectOption('others');
    await saved();

    await page.getByTestId('publish').click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain('Published version');
    await shot('scenario-7-published');

    const created = await api<{ id: string } | { record: { id: string } }>(
      server.url,
      'POST',
      '/records/deals',
      {
        pipeline: 'new_pipeline',
        stage: 'new',
        fields: { title: 'Big deal', amount: 2_000_000 },
      },
    );
    const id = 'record' in created ? created.record.id : created.id;
    await expect
      .poll(
        async () => {
          const r = await api<{
            fields?: { responsible?: string };
            record?: { fields: { responsible?: string } };
          }>(server.url, 'GET', `/records/deals/${id}`);
          return (r.record ?? r).fields?.responsible;
        },
        { timeout: 10_000 },
      )
      .toBe('sidorov');
  });

  it('editing a condition in Monaco updates the builder and the canvas', async () => {
    await page.getByTestId('robot-assign').click();
    const condition = page.getByTestId('robot-condition');
    await condition.getByTestId('condition-code-tab').click();
    const editor = condition
      .locator('.monaco-editor textarea, .monaco-editor .native-edit-context')
      .first();
    await condition.locator('.monaco-editor').click();
    // Monaco is bundled: its input surface exists without any network.
    expect(await editor.count()).toBeGreaterThan(0);
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('{">": [{"var": "amount"}, 5]}');
    await expect
      .poll(() => page.getByTestId('robot-assign').textContent(), { timeout: 10_000 })
      .toContain('if');
    await condition.getByRole('button', { name: 'Builder' }).click();
    await expect.poll(() => condition.getByTestId('rule-value').inputValue()).toBe('5');
    await shot('monaco-condition');
  });

  it('undo and redo a rename', async () => {
    await page.getByTestId('stage-new_pipeline-new').click();
    await page.getByTestId('stage-name').fill('Renamed');
    await page.getByTestId('stage-new_pipeline-new').click();
    await expect
      .poll(() => page.getByTestId('stage-new_pipeline-new').textContent())
      .toContain('Renamed');
    await page.getByTestId('undo').click();
    await expect
      .poll(() => page.getByTestId('stage-new_pipeline-new').textContent())
      .not.toContain('Renamed');
    await page.getByTestId('redo').click();
    await expect
      .poll(() => page.getByTestId('stage-new_pipeline-new').textContent())
      .toContain('Renamed');
    await shot('undo-redo');
  });

  it('importing an invalid file explains why and changes nothing', async () => {
    const before = await page.getByTestId('model-name').inputValue();
    await page.getByTestId('import-file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ schemaVersion: 1, id: 'x', name: 'Bad', entities: {}, pipelines: 'nope' }),
      ),
    });
    await page.getByTestId('problems-dialog').waitFor();
    expect(await page.getByTestId('problems-dialog').textContent()).toContain('/pipelines');
    await shot('import-invalid');
    await page.getByTestId('dialog-close').click();
    expect(await page.getByTestId('model-name').inputValue()).toBe(before);
  });

  it('a reload finds the draft on the server', async () => {
    await saved();
    await page.reload();
    await page.getByTestId('robot-assign').waitFor();
    expect(await page.getByTestId('stage-new_pipeline-new').textContent()).toContain('Renamed');
    await shot('reload-draft');
  });
});
