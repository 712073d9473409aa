import { describe, expect, it } from 'vitest';
import { WHY_MODEL } from '../unit/runtime/why-model.js';
import { startServer } from './server-harness.js';

const MIN = 60_000;

describe('GET /api/records/:entity/:id/why: why a robot or trigger ran or did not', () => {
  it('explains a false condition with the values it read, a pending delay, and a trigger whose event never came', async () => {
    let t = Date.parse('2026-03-02T09:00:00Z');
    const clock = { now: () => new Date(t) };
    const h = await startServer(undefined, { clock });
    try {
      await h.call('POST', '/api/models', WHY_MODEL);
      expect((await h.call('POST', '/api/models/why-lab/publish', {})).status).toBe(201);
      const small = (
        await h.call('POST', '/api/records/deals', {
          pipeline: 'sales',
          fields: { title: 'Small', amount: 40 },
        })
      ).body.id as string;
      const big = (
        await h.call('POST', '/api/records/deals', {
          pipeline: 'sales',
          fields: { title: 'Big', amount: 400 },
        })
      ).body.id as string;

      const no = await h.call('GET', `/api/records/deals/${small}/why?rule=robot:big_deal`);
      expect(no.status).toBe(200);
      expect(no.body).toMatchObject({
        ruleId: 'robot:big_deal',
        ruleName: 'Big deal greeting',
        ran: false,
        code: 'condition_false',
        params: { values: 'amount = 40', stage: 'New deal' },
      });
      expect(no.body.text).toBe(
        'Robot "Big deal greeting" did not run: its condition was false (amount = 40) at 2026-03-02T09:00:00.000Z.',
      );
      const yes = await h.call('GET', `/api/records/deals/${big}/why?rule=robot:big_deal`);
      expect(yes.body).toMatchObject({ ran: true, code: 'ran' });

      const wait = await h.call('GET', `/api/records/deals/${small}/why?rule=robot:remind`);
      expect(wait.body).toMatchObject({
        code: 'waiting',
        params: { dueAt: new Date(t + 60 * MIN).toISOString() },
      });
      const next = await h.call('GET', `/api/records/deals/${small}/why?rule=robot:follow`);
      expect(next.body).toMatchObject({
        code: 'waiting_for_previous',
        params: { previous: 'robot:remind' },
      });
      const paid = await h.call('GET', `/api/records/deals/${small}/why?rule=trigger:paid`);
      expect(paid.body).toMatchObject({
        code: 'event_never_came',
        params: { event: 'payment_received' },
      });

      // Leaving the stage before the delay: said once the deal is elsewhere.
      t += 10 * MIN;
      expect(
        (await h.call('POST', `/api/records/deals/${small}/move`, { stage: 'won' })).status,
      ).toBe(200);
      const left = await h.call('GET', `/api/records/deals/${small}/why?rule=robot:remind`);
      expect(left.body).toMatchObject({ code: 'left_stage', ran: false });
      expect(left.body.text).toContain('left "New deal" before it was due');
    } finally {
      await h.close();
    }
  });

  it('refuses an unknown rule (404), a missing or hostile ?rule (400) and an unknown record (404)', async () => {
    const h = await startServer();
    try {
      await h.call('POST', '/api/models', WHY_MODEL);
      await h.call('POST', '/api/models/why-lab/publish', {});
      const id = (
        await h.call('POST', '/api/records/deals', { pipeline: 'sales', fields: { title: 'A' } })
      ).body.id as string;
      const unknown = await h.call('GET', `/api/records/deals/${id}/why?rule=robot:nope`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toMatchObject({ code: 'UNKNOWN_RULE' });
      expect(unknown.body.error.message).toContain('?rule');
      expect((await h.call('GET', `/api/records/deals/${id}/why`)).status).toBe(400);
      expect(
        (await h.call('GET', `/api/records/deals/${id}/why?rule=${'x'.repeat(500)}`)).status,
      ).toBe(400);
      expect((await h.call('GET', '/api/records/deals/nope/why?rule=robot:remind')).status).toBe(
        404,
      );
    } finally {
      await h.close();
    }
  });
});
