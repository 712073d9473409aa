import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { WHY_MODEL } from '../unit/runtime/why-model.js';
import { browserAvailability } from './support/browser.js';
import { seriousViolations } from './support/axe.js';
import { openE2eSession, publishModel, SHOTS, type E2eSession } from './support/e2e-session.js';
import { api, RUNTIME_ENTRY, type RunningRuntime } from './support/runtime-server.js';

const browser = browserAvailability();
const runtimeReady = existsSync(RUNTIME_ENTRY);

interface Stage {
  key: string;
  robots: Array<{ id: string } & Record<string, unknown>>;
}
interface Timer {
  ruleId: string;
  recordId: string;
}

describe.runIf(browser.run && runtimeReady)('publish preview in the designer', () => {
  let session: E2eSession;
  let server: RunningRuntime;
  let page: Page;

  beforeAll(async () => {
    session = await openE2eSession();
    ({ server, page } = session);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('counts the timers a removed robot will cancel, and "also records already in the stage" plans the new one', async () => {
    await publishModel(server, WHY_MODEL);
    const deals: string[] = [];
    for (const title of ['First', 'Second']) {
      const d = await api<{ id: string }>(server.url, 'POST', '/records/deals', {
        pipeline: 'sales',
        fields: { title, amount: 10 },
      });
      deals.push(d.id);
    }
    // Version 2: the reminder (and its follower) go, a late check comes.
    const draft = structuredClone(WHY_MODEL) as unknown as {
      pipelines: Array<{ stages: Stage[] }>;
    };
    const first = draft.pipelines[0]!.stages[0]!;
    first.robots = first.robots.filter((r) => r.id === 'big_deal');
    first.robots.push({
      id: 'late_check',
      name: 'Late check',
      timing: { kind: 'delay', duration: { value: 3, unit: 'hours' } },
      action: { type: 'add_comment', text: 'late' },
    });
    await api(server.url, 'PUT', '/models/why-lab', draft);

    await page.goto(`${server.url}/#/models/why-lab`);
    await page.getByTestId('robot-late_check').waitFor();
    await page.getByTestId('publish').click();
    const dialog = page.getByRole('dialog', { name: 'Publish version 2?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('timers-cancelled').textContent()).toBe(
      'Cancelled (robot or stage removed): 2',
    );
    expect(await dialog.getByTestId('preview-new-rules').textContent()).toContain(
      'Delayed robot "Late check" could apply to records already in its stage: 2',
    );
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/publish-preview.png` });
    // Nothing is published until confirmed.
    expect(
      (await api<{ publishedVersion?: number }>(server.url, 'GET', '/models/why-lab'))
        .publishedVersion,
    ).toBe(1);

    await dialog.getByRole('radio', { name: /Also records already in the stage/ }).check();
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await expect
      .poll(() => page.getByTestId('notice').textContent(), { timeout: 30_000 })
      .toContain('Published version 2');
    expect(await page.getByTestId('publish-preview').count()).toBe(0);
    const timers = (await api<{ items: Timer[] }>(server.url, 'GET', '/timers?model=why-lab'))
      .items;
    expect(timers.map((t) => t.ruleId)).toEqual(['robot:late_check', 'robot:late_check']);
    expect(timers.map((t) => t.recordId).sort()).toEqual([...deals].sort());
  }, 120_000);
});
