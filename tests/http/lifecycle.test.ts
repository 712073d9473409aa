import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './server-harness.js';

const stage = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  name: key,
  kind: 'in_progress',
  robots: [],
  triggers: [],
  ...extra,
});
const now = { kind: 'immediate' } as const;

/** Leads that comment, set a task, tell the manager, then convert into a deal handed out at random. */
const model = {
  schemaVersion: 1,
  id: 'lifecycle',
  name: 'Lifecycle',
  entities: {},
  directory: {
    users: [
      { key: 'anna', name: 'Anna', department: 'sales' },
      { key: 'boris', name: 'Boris', department: 'sales' },
      { key: 'kira', name: 'Kira' },
    ],
    departments: [{ key: 'sales', name: 'Sales', manager: 'kira' }],
    queues: [],
  },
  pipelines: [
    {
      key: 'inbox',
      name: 'Inbox',
      entity: 'lead',
      stages: [
        stage('new', {
          robots: [
            {
              id: 'note',
              timing: now,
              action: { type: 'add_comment', text: 'From {{ record.source }}' },
            },
            {
              id: 'call_task',
              timing: now,
              action: {
                type: 'create_task',
                title: 'Call {{ record.name }}',
                assignee: { kind: 'responsible' },
                deadline: { from: 'now', offset: { value: 1, unit: 'days' } },
              },
            },
            {
              id: 'tell_manager',
              timing: now,
              action: {
                type: 'notify',
                recipients: [{ kind: 'manager' }],
                message: 'New lead {{ record.name }}',
              },
            },
          ],
        }),
        stage('qualified', {
          robots: [
            {
              id: 'convert',
              timing: now,
              action: {
                type: 'convert_lead',
                createContact: true,
                createCompany: true,
                deal: { pipeline: 'deals' },
              },
            },
          ],
        }),
        stage('done', { kind: 'success', triggers: [{ id: 'task_done', type: 'task_completed' }] }),
      ],
    },
    {
      key: 'deals',
      name: 'Deals',
      entity: 'deal',
      stages: [
        stage('new', {
          robots: [
            {
              id: 'hand_out',
              timing: now,
              action: { type: 'assign', target: { kind: 'random', users: ['anna', 'boris'] } },
            },
          ],
        }),
        stage('paid', {
          triggers: [
            {
              id: 'payment',
              type: 'payment_received',
              condition: { '>=': [{ var: '$event.amount' }, { var: 'amount' }] },
            },
          ],
        }),
      ],
    },
  ],
};

type Entry = { kind: string; outcome?: string; ruleId?: string; message: string };

describe('models, records and actions through the whole HTTP lifecycle', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(() => h.close());

  it('drafts, publishes numbered versions, discards a draft and rolls back', async () => {
    expect((await h.call('POST', '/api/models', model)).status).toBe(201);
    const rules = await h.call('GET', '/api/models/lifecycle/ruleset');
    expect(rules.body.rules.map((r: { id: string }) => r.id)).toContain('robot:convert');
    expect(
      (await h.call('POST', '/api/models/lifecycle/publish', { note: 'first' })).body.version,
    ).toBe(1);

    const edited = JSON.parse(JSON.stringify(model)) as typeof model;
    edited.name = 'Lifecycle, edited';
    expect((await h.call('PUT', '/api/models/lifecycle', edited)).status).toBe(200);
    expect((await h.call('GET', '/api/models/lifecycle')).body.model.name).toBe(
      'Lifecycle, edited',
    );
    expect((await h.call('DELETE', '/api/models/lifecycle/draft')).status).toBeLessThan(300);
    expect((await h.call('GET', '/api/models/lifecycle')).body.model.name).toBe('Lifecycle');

    await h.call('PUT', '/api/models/lifecycle', edited);
    expect((await h.call('POST', '/api/models/lifecycle/publish', {})).body.version).toBe(2);
    const back = await h.call('POST', '/api/models/lifecycle/rollback', { version: 1 });
    expect(back.status).toBe(201);
    expect(back.body.version).toBe(3);
    const versions = (await h.call('GET', '/api/models/lifecycle/versions')).body.items as Array<{
      version: number;
    }>;
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    const v3 = (await h.call('GET', '/api/models/lifecycle/versions/3')).body;
    expect(v3.model.name).toBe('Lifecycle');
    expect(v3.note).toContain('rollback to version 1');
  });

  it('runs comment, task, manager notice, lead conversion, random assignment, payment and task triggers', async () => {
    const lead = (
      await h.call('POST', '/api/records/leads', {
        pipeline: 'inbox',
        fields: { name: 'Oleg', source: 'site', phone: '+7 900', responsible: 'anna' },
      })
    ).body;
    expect(lead.stage).toBe('new');
    const tl = (await h.call('GET', `/api/records/leads/${lead.id}/timeline`)).body
      .items as Entry[];
    expect(tl.some((e) => e.kind === 'comment' && e.message.includes('From site'))).toBe(true);
    const tasks = (await h.call('GET', `/api/records/leads/${lead.id}/tasks`)).body.items;
    expect(tasks).toHaveLength(1);
    expect(tasks[0].title).toBe('Call Oleg');
    expect(Date.parse(tasks[0].deadline) - Date.parse(lead.createdAt)).toBe(86_400_000);
    const notes = (await h.call('GET', `/api/records/leads/${lead.id}/notifications`)).body.items;
    expect(notes.map((n: { recipient: string }) => n.recipient)).toEqual(['kira']);

    const moved = await h.call('POST', `/api/records/leads/${lead.id}/move`, {
      stage: 'qualified',
    });
    expect(moved.status).toBe(200);
    const links = moved.body.links as Array<{ entity: string; id: string }>;
    expect(links.map((l) => l.entity).sort()).toEqual(['company', 'contact', 'deal']);
    const dealId = links.find((l) => l.entity === 'deal')?.id ?? '';
    const deal = (await h.call('GET', `/api/records/deals/${dealId}`)).body;
    expect(deal.pipeline).toBe('deals');
    expect(['anna', 'boris']).toContain(deal.fields.responsible);
    const contactId = links.find((l) => l.entity === 'contact')?.id ?? '';
    const contact = (await h.call('GET', `/api/records/contacts/${contactId}`)).body;
    expect(contact.links).toContainEqual({ entity: 'lead', id: lead.id });

    await h.call('PATCH', `/api/records/deals/${dealId}`, { fields: { amount: 500 } });
    const short = await h.call('POST', '/api/events', {
      kind: 'payment_received',
      entity: 'deal',
      recordId: dealId,
      payload: { amount: 100 },
    });
    expect(short.body.record.stage).toBe('new');
    const paid = await h.call('POST', '/api/events', {
      kind: 'payment_received',
      entity: 'deal',
      recordId: dealId,
      payload: { amount: 500 },
    });
    expect(paid.body.record.stage).toBe('paid');

    expect((await h.call('POST', `/api/tasks/${tasks[0].id}/complete`)).status).toBe(200);
    expect((await h.call('GET', `/api/records/leads/${lead.id}`)).body.stage).toBe('done');
    expect((await h.call('POST', `/api/tasks/${tasks[0].id}/complete`)).status).toBe(409);
  });

  it('links two records both ways and unlinks them when one is deleted', async () => {
    const a = (await h.call('POST', '/api/records/contacts', { fields: { name: 'A' } })).body;
    const b = (await h.call('POST', '/api/records/companies', { fields: { title: 'B' } })).body;
    const linked = await h.call('POST', `/api/records/contacts/${a.id}/links`, {
      entity: 'company',
      id: b.id,
    });
    expect(linked.body.links).toEqual([{ entity: 'company', id: b.id }]);
    expect((await h.call('GET', `/api/records/companies/${b.id}`)).body.links).toEqual([
      { entity: 'contact', id: a.id },
    ]);
    expect((await h.call('DELETE', `/api/records/companies/${b.id}`)).status).toBe(204);
    expect((await h.call('GET', `/api/records/companies/${b.id}`)).status).toBe(404);
    expect((await h.call('GET', `/api/records/contacts/${a.id}`)).body.links).toEqual([]);
    const listed = (await h.call('GET', '/api/records/companies')).body.items as Array<{
      id: string;
    }>;
    expect(listed.map((r) => r.id)).not.toContain(b.id);
  });
});
