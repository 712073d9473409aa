import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
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
const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);

describe.runIf(browser.run && runtimeReady)('the live board', () => {
  let server: RunningRuntime;
  let context: BrowserContext;
  let page: Page;
  let watcher: Page;
  let modelId = '';
  let dealId = '';
  const card = (p: Page, stage: string) =>
    p.getByTestId(`column-${stage}`).getByTestId(`card-${dealId}`);
  const axeClean = async (p: Page, view: string) => {
    const violations = await seriousViolations(p);
    expect(violations, `${view}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
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
    context = await launchBrowser(server);
    page = await context.newPage();
    watcher = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    server?.stop();
  });

  it('shows the columns with totals, cards and the stage robots; axe clean', async () => {
    await page.goto(`${server.url}/#/models`);
    await page.getByTestId(`board-link-${modelId}-sales`).click();
    await card(page, 'new').waitFor();
    await expect.poll(() => page.getByTestId('totals-new').textContent()).toContain('1');
    expect(await page.getByRole('list', { name: 'Proposal sent', exact: true }).count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Kitchen set' }).getAttribute('tabindex')).toBe(
      '0',
    );
    const robotLink = page
      .getByTestId('column-proposal_sent')
      .getByRole('link', { name: /Remember when the proposal went out/ });
    expect(await robotLink.getAttribute('href')).toBe(
      `#/models/${modelId}?node=robot%3Astamp_proposal_date`,
    );
    await page.getByTestId('live-state').getByText('Live').waitFor();
    await axeClean(page, 'board');
    await page.screenshot({ path: `${SHOTS}/board-en.png` });
  });

  it('drags a deal to the next stage: the robot effect shows on the card, in the drawer, and on a second page', async () => {
    await watcher.goto(`${server.url}/#/board/sales?model=${modelId}`);
    await card(watcher, 'new').waitFor();
    await watcher.getByTestId('live-state').getByText('Live').waitFor();

    await card(page, 'new').dragTo(page.getByTestId('column-proposal_sent'));
    await card(page, 'proposal_sent').waitFor();
    // The delayed robot planned a timer: the card names it and when it is due.
    await expect
      .poll(() => card(page, 'proposal_sent').getByTestId('card-timer').textContent())
      .toMatch(/Nudge the client after 3 days.*in \d+ (day|hr|min)/);
    await expect.poll(() => page.getByTestId('totals-proposal_sent').textContent()).toContain('1');
    // The second page saw it move without a reload.
    await card(watcher, 'proposal_sent').waitFor();
    expect(await card(watcher, 'new').count()).toBe(0);

    // The drawer: the robot's field, the pending timer in the calendar's zone, the timeline.
    await card(page, 'proposal_sent').getByRole('button', { name: 'Kitchen set' }).click();
    const drawer = page.getByTestId('record-drawer');
    await drawer.waitFor();
    await expect.poll(() => drawer.getByTestId('field-proposal_sent_at').inputValue()).not.toBe('');
    await expect
      .poll(() => drawer.getByTestId('drawer-timers').textContent())
      .toContain('Europe/Moscow');
    // The timeline in the admin's words: the stage and robot names, the field's label.
    await expect
      .poll(() => drawer.getByTestId('drawer-timeline').textContent())
      .toContain('Entered stage “Proposal sent”');
    expect(await drawer.getByTestId('drawer-timeline').textContent()).toContain(
      'Robot “Remember when the proposal went out” ran: set Дата отправки КП',
    );
    // A datetime field: the browser's picker, showing the calendar's (Moscow) wall time.
    const stamped = drawer.getByTestId('field-proposal_sent_at');
    expect(await stamped.getAttribute('type')).toBe('datetime-local');
    const stored = (
      await api<{ fields: { proposal_sent_at: string } }>(
        server.url,
        'GET',
        `/records/deals/${dealId}`,
      )
    ).fields.proposal_sent_at;
    const moscow = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Moscow',
      dateStyle: 'short',
      timeStyle: 'short',
    })
      .format(new Date(stored))
      .replace(' ', 'T');
    expect(await stamped.inputValue()).toBe(moscow);
    // A date field is saved back as an ISO date.
    const start = drawer.getByTestId('field-start_date');
    expect(await start.getAttribute('type')).toBe('date');
    await start.fill('2026-12-24');
    await drawer.getByTestId('drawer-save').click();
    await expect
      .poll(
        async () =>
          (
            await api<{ fields: { start_date?: string } }>(
              server.url,
              'GET',
              `/records/deals/${dealId}`,
            )
          ).fields.start_date,
      )
      .toBe('2026-12-24');
    // "Why didn't it run?": the delayed robot is waiting for its time.
    await drawer.getByTestId('why-nudge_after_3_days').click();
    await expect
      .poll(() => drawer.getByTestId('why-answer-nudge_after_3_days').textContent())
      .toMatch(/not run yet/i);
    await axeClean(page, 'drawer');
    await page.screenshot({ path: `${SHOTS}/board-drawer-en.png` });
    await drawer.getByTestId('drawer-close').click();
  });

  it('an open drawer follows changes made elsewhere', async () => {
    await card(watcher, 'proposal_sent').getByRole('button', { name: 'Kitchen set' }).click();
    const drawer = watcher.getByTestId('record-drawer');
    await drawer.waitFor();
    await drawer.getByTestId('field-amount').waitFor();
    // Another client changes the amount: the second page's drawer and card show it.
    const now = await api<{ revision: number }>(server.url, 'GET', `/records/deals/${dealId}`);
    expect(now.revision).toBeGreaterThan(0);
    await api(server.url, 'PATCH', `/records/deals/${dealId}`, { fields: { amount: 125000 } });
    await expect.poll(() => drawer.getByTestId('field-amount').inputValue()).toBe('125000');
    await expect
      .poll(() => card(watcher, 'proposal_sent').getByTestId('card-amount').textContent())
      .toBe('125,000');
    await drawer.getByTestId('drawer-close').click();
  });

  it('a move to a stage that needs fields asks for them in the card, then moves', async () => {
    const c = card(page, 'proposal_sent');
    await c.getByTestId('card-move-menu').click();
    await c.getByRole('button', { name: 'Invoice' }).click();
    const form = c.getByTestId('required-fields');
    await form.waitFor();
    await form.getByTestId('required-payment_link').fill('https://pay.example/1');
    await form.getByTestId('required-billing_email').fill('billing@client.example');
    await page.screenshot({ path: `${SHOTS}/board-required-en.png` });
    await form.getByTestId('required-submit').click();
    await card(page, 'invoice').waitFor();
    await card(watcher, 'invoice').waitFor();
  });

  it('creates a record in a column and filters by text', async () => {
    const column = page.getByTestId('column-new');
    await column.getByRole('button', { name: 'New record in New' }).click();
    await column.getByRole('textbox', { name: 'Title' }).fill('Garden furniture');
    await column.getByRole('spinbutton', { name: 'Amount' }).fill('5000');
    await column.getByRole('button', { name: 'Create' }).click();
    await column.getByRole('group', { name: 'Garden furniture' }).waitFor();
    await expect.poll(() => page.getByTestId('totals-new').textContent()).toContain('5,000');
    await page.getByTestId('filter-text').fill('kitchen');
    await expect.poll(() => column.getByRole('group').count()).toBe(0);
    await card(page, 'invoice').waitFor();
    await page.getByTestId('filter-text').fill('');
    await column.getByRole('group', { name: 'Garden furniture' }).waitFor();
  });

  it('filters by my records, responsible and amount range: cards, counts and totals follow', async () => {
    const me = await api<{ account: { userId: string } }>(server.url, 'GET', '/auth/me');
    const mine = me.account.userId;
    // `lebedev` is a user of the example's directory, copied with it.
    const deal = (title: string, amount: number, responsible: string) =>
      api(server.url, 'POST', '/records/deals', {
        model: modelId,
        pipeline: 'sales',
        fields: { title, amount, responsible },
      });
    await deal('Mine small', 1000, mine);
    await deal('Mine big', 90000, mine);
    await deal('Lebedev sofa', 50000, 'lebedev');
    await page.reload();
    const column = page.getByTestId('column-new');
    // The cards' accessible names (their titles), as a screen reader lists the column.
    const titles = async () =>
      (await column.locator('[role="group"] .card-title').allTextContents()).sort();
    const totals = () => page.getByTestId('totals-new').textContent();
    await expect
      .poll(titles)
      .toEqual(['Garden furniture', 'Lebedev sofa', 'Mine big', 'Mine small']);
    await expect.poll(totals).toMatch(/4 records.*Σ 146,000/);

    await page.getByTestId('filter-mine').check();
    await expect.poll(titles).toEqual(['Mine big', 'Mine small']);
    await expect.poll(totals).toMatch(/2 records.*Σ 91,000/);
    // Another stage's deal (responsible: nobody) is filtered out there too.
    await expect.poll(() => page.getByTestId('totals-invoice').textContent()).toMatch(/^0/);
    await page.getByTestId('filter-mine').uncheck();

    await page.getByTestId('filter-responsible').selectOption('lebedev');
    await expect.poll(titles).toEqual(['Lebedev sofa']);
    await expect.poll(totals).toMatch(/1 record.*Σ 50,000/);
    await page.getByTestId('filter-responsible').selectOption('');

    await page.getByTestId('filter-amount-min').fill('2000');
    await page.getByTestId('filter-amount-max').fill('60000');
    await expect.poll(titles).toEqual(['Garden furniture', 'Lebedev sofa']);
    await expect.poll(totals).toMatch(/2 records.*Σ 55,000/);
    await page.screenshot({ path: `${SHOTS}/board-filters-en.png` });
    await page.getByTestId('filter-amount-max').fill('');
    await expect.poll(titles).toEqual(['Garden furniture', 'Lebedev sofa', 'Mine big']);
    await expect.poll(totals).toMatch(/3 records.*Σ 145,000/);
    await page.getByTestId('filter-amount-min').fill('');
    await expect
      .poll(titles)
      .toEqual(['Garden furniture', 'Lebedev sofa', 'Mine big', 'Mine small']);
  });

  it('reads in Russian', async () => {
    await page.getByTestId('language-switch').selectOption('ru');
    await page.getByTestId('live-state').getByText('В реальном времени').waitFor();
    await axeClean(page, 'board in Russian');
    await page.screenshot({ path: `${SHOTS}/board-ru.png` });
    // The drawer in Russian: the timeline's sentences and the date in the UI language.
    await card(page, 'invoice').getByRole('button', { name: 'Kitchen set' }).click();
    const drawer = page.getByTestId('record-drawer');
    await expect
      .poll(() => drawer.getByTestId('drawer-timeline').textContent())
      .toContain('Вошла в стадию «Proposal sent»');
    expect(await drawer.getByTestId('field-start_date-shown').textContent()).toMatch(/24 дек/);
    await axeClean(page, 'drawer in Russian');
    await page.screenshot({ path: `${SHOTS}/board-drawer-ru.png` });
    await drawer.getByTestId('drawer-close').click();
    await page.getByTestId('language-switch').selectOption('en');
  });
});
