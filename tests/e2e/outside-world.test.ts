import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { namedOutsideModel } from '../http/delivery-models.js';
import { browserAvailability } from './support/browser.js';
import { seriousViolations } from './support/axe.js';
import { openE2eSession, publishModel, SHOTS, type E2eSession } from './support/e2e-session.js';
import { api, RUNTIME_ENTRY, type RunningRuntime } from './support/runtime-server.js';

const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);

interface Item {
  id: string;
  recordId: string;
  status?: string;
}

describe.runIf(browser.run && runtimeReady)('the outside-world screen', () => {
  let session: E2eSession;
  let server: RunningRuntime;
  let page: Page;
  const newDeal = async (title: string) =>
    (
      await api<{ id: string }>(server.url, 'POST', '/records/deals', {
        model: 'outside',
        pipeline: 'orders',
        fields: { title, amount: 1500, currency: 'EUR', responsible: 'ivanov' },
      })
    ).id;
  const axeClean = async (view: string) => {
    const violations = await seriousViolations(page);
    expect(violations, `${view}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  };

  beforeAll(async () => {
    session = await openE2eSession();
    ({ server, page } = session);
    await publishModel(server, namedOutsideModel());
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('lists a generated document with its download, and regenerates a hook address after confirming', async () => {
    const deal = await newDeal('Order 42');
    await api(server.url, 'POST', `/records/deals/${deal}/move`, { stage: 'contract' });

    await page.goto(`${server.url}/#/outside`);
    await page.getByRole('heading', { name: 'The outside world' }).waitFor();
    const docs = page.getByTestId('documents');
    await docs.waitFor();
    const link = docs.getByRole('link', { name: /^Download / });
    expect(await link.getAttribute('href')).toMatch(/^\/api\/documents\/[^/]+\/content$/);

    await page.getByRole('combobox', { name: 'Model' }).selectOption('outside');
    const address = page.getByTestId('hook-url-payment_hook');
    await address.waitFor();
    const before = await address.inputValue();
    expect(before).toMatch(/\/api\/hooks\/[A-Za-z0-9_-]{32}$/);
    // The names the admin typed; the keys only in the tooltip.
    const hookName = page.getByTestId('hook-name-payment_hook');
    expect(await hookName.textContent()).toBe('Payment arrived → Orders: Оплачено');
    expect(await hookName.getAttribute('title')).toBe('trigger:payment_hook → orders/paid');
    await axeClean('outside world');
    await page.screenshot({ path: `${SHOTS}/outside-world.png` });

    // The page's own dialog asks first; cancelling keeps the address.
    await page.getByTestId('regenerate-payment_hook').click();
    const dialog = page.getByRole('dialog', { name: 'Give Payment arrived a new address?' });
    await dialog.waitFor();
    await axeClean('regenerate dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.count()).toBe(0);
    expect(await address.inputValue()).toBe(before);

    await page.getByTestId('regenerate-payment_hook').click();
    await dialog.getByRole('button', { name: 'Regenerate' }).click();
    await expect
      .poll(() => page.getByTestId('outside-notice').textContent(), { timeout: 30_000 })
      .toContain('has a new address');
    await expect.poll(() => address.inputValue(), { timeout: 30_000 }).not.toBe(before);
    const after = await address.inputValue();
    const fire = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entity: 'deal', recordId: deal, payload: { amount: 150 } }),
      });
    expect((await fire(before)).status).toBe(401);
    expect((await fire(after)).status).toBe(200);
  }, 120_000);

  it('replays a dead letter, and drops one only after the dialog confirms', async () => {
    // The webhook robot of `sync_bad` calls a loopback address this runtime refuses
    // (no OUTBOUND_ALLOW): each move makes a dead letter at once.
    const replayed = await newDeal('Replay me');
    const dropped = await newDeal('Drop me');
    for (const id of [replayed, dropped])
      await api(server.url, 'POST', `/records/deals/${id}/move`, { stage: 'sync_bad' });
    const deadOf = async (recordId: string) =>
      (await api<{ items: Item[] }>(server.url, 'GET', '/dead-letters')).items.find(
        (i) => i.recordId === recordId,
      );
    await expect.poll(() => deadOf(replayed), { timeout: 30_000 }).toBeDefined();
    await expect.poll(() => deadOf(dropped), { timeout: 30_000 }).toBeDefined();
    const replayItem = (await deadOf(replayed))!;
    const dropItem = (await deadOf(dropped))!;

    await page.reload();
    const letters = page.getByTestId('dead-letters');
    await page.getByTestId(`replay-${replayItem.id}`).waitFor();
    // Rows name the record, the robot and its model as the admin typed them.
    const row = letters.getByTestId(`outbox-row-${dropItem.id}`);
    expect(await row.textContent()).toContain('Drop me');
    expect(await row.textContent()).toContain('Sync to ERP');
    expect(await row.textContent()).toContain('Outside world');
    expect(await row.textContent()).not.toContain(dropped);

    await page.getByTestId(`replay-${replayItem.id}`).click();
    await expect
      .poll(() => page.getByTestId('outside-notice').textContent())
      .toContain('Webhook call for Replay me will be tried again');
    // Only that row goes: the list is not read again from its first page.
    await expect.poll(() => page.getByTestId(`replay-${replayItem.id}`).count()).toBe(0);
    const timeline = async () =>
      (
        await api<{ items: Array<{ kind: string; outcome?: string }> }>(
          server.url,
          'GET',
          `/records/deals/${replayed}/timeline`,
        )
      ).items
        .filter((e) => e.kind === 'delivery')
        .map((e) => e.outcome);
    await expect.poll(timeline, { timeout: 30_000 }).toContain('replayed');

    await page.getByTestId(`drop-${dropItem.id}`).click();
    const dialog = page.getByRole('dialog', { name: 'Drop this dead letter?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('for Drop me');
    await axeClean('drop dialog');
    await page.screenshot({ path: `${SHOTS}/outside-drop-en.png` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await deadOf(dropped)).toBeDefined();

    await page.getByTestId(`drop-${dropItem.id}`).click();
    await dialog.getByRole('button', { name: 'Drop' }).click();
    await expect
      .poll(() => page.getByTestId('outside-notice').textContent())
      .toContain('Webhook call for Drop me was dropped');
    await expect.poll(() => page.getByTestId(`drop-${dropItem.id}`).count()).toBe(0);
    expect(await deadOf(dropped)).toBeUndefined();

    // This screen has no language switch of its own: the choice the header stores.
    const language = (lng: string) =>
      page.evaluate((l) => localStorage.setItem('conveyor.language', l), lng);
    await language('ru');
    await page.reload();
    await page.getByRole('heading', { name: 'Внешний мир' }).waitFor();
    await page.getByTestId(`drop-${replayItem.id}`).waitFor();
    const ruRow = await page.getByTestId(`outbox-row-${replayItem.id}`).first().textContent();
    expect(ruRow).toContain('Вызов вебхука');
    expect(ruRow).toContain('Не доставлено');
    // The runtime's error comes as a code: said in Russian, not quoted in English.
    expect(ruRow).toContain('Отказано: 127.0.0.1 — локальный или служебный адрес');
    expect(ruRow).not.toContain('refused');
    await page.screenshot({ path: `${SHOTS}/outside-world-ru.png`, fullPage: true });
    await page.getByTestId(`drop-${replayItem.id}`).click();
    await page.getByRole('dialog', { name: 'Удалить недоставленное?' }).waitFor();
    await axeClean('drop dialog in Russian');
    await page.screenshot({ path: `${SHOTS}/outside-drop-ru.png` });
    await page.getByRole('dialog').getByTestId('confirm-no').click();
    await language('en');
  }, 120_000);
});
