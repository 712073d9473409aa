import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../runtime/app/create-app.js';
import { seedExamples } from '../../runtime/seed/seed-examples.js';
import { startServer, type Harness } from './server-harness.js';

interface Rec {
  id: string;
  stage?: string;
  fields: Record<string, unknown>;
  links: Array<{ entity: string; id: string }>;
}
interface Entry {
  kind: string;
  ruleId?: string;
  outcome?: string;
  data?: { duplicates?: unknown[] };
}

/** Scenario 9: duplicates (same phone or e-mail) caught at creation and at import. */
describe('scenario 9: duplicate control', () => {
  let h: Harness;
  const lead = (fields: Record<string, unknown>) =>
    h.call('POST', '/api/records/leads', { model: 'leads', pipeline: 'leads', fields });
  const leads = async () => (await h.call('GET', '/api/records/leads')).body.items as Rec[];

  beforeAll(async () => {
    h = await startServer();
    const model = JSON.parse(await readFile(resolve('examples/leads/model.json'), 'utf8'));
    expect((await h.call('POST', '/api/models', model)).status).toBe(201);
    expect((await h.call('POST', '/api/models/leads/publish', { note: 'dupes' })).status).toBe(201);
  });
  afterAll(() => h.close());

  it('moves a lead with a known phone to Junk, marks, links and explains it', async () => {
    const first = await lead({ title: 'Окна', phone: '+7 903 555-12-34', email: 'a@example.com' });
    expect(first.status).toBe(201);
    expect(first.body.stage).toBe('new');
    const second = await lead({ title: 'Окна ещё раз', phone: '8 (903) 555-12-34' });
    expect(second.status).toBe(201);
    const dup = second.body as Rec;
    expect(dup.stage).toBe('junk');
    expect(dup.fields.duplicate_of).toBe(first.body.id);
    expect(dup.fields.junk_reason).toBe('duplicate');
    expect(dup.links).toContainEqual({ entity: 'lead', id: first.body.id });

    const tl = (await h.call('GET', `/api/records/leads/${dup.id}/timeline`)).body.items as Entry[];
    const found = tl.find((e) => e.kind === 'duplicate_found');
    expect(found?.data?.duplicates).toEqual([
      { entity: 'lead', id: first.body.id, field: 'phone', value: '+7 903 555-12-34' },
    ]);
    expect(tl).toContainEqual(
      expect.objectContaining({ ruleId: 'trigger:duplicate_detected', outcome: 'fired' }),
    );
    // New's robots never ran for the duplicate (no operator, no task); they did for the first.
    expect(first.body.fields.responsible).toEqual(expect.any(String));
    expect(dup.fields.responsible).toBeUndefined();
    expect(tl.some((e) => e.ruleId === 'robot:assign_operator')).toBe(false);
    const tasks = (await h.call('GET', `/api/records/leads/${dup.id}/tasks`)).body
      .items as unknown[];
    expect(tasks).toEqual([]);
  });

  it('matches an existing contact by e-mail, ignoring case and spaces', async () => {
    const contact = await h.call('POST', '/api/records/contacts', {
      fields: { name: 'Ann', email: 'Ann.Lee@Example.com' },
    });
    expect(contact.status).toBe(201);
    const res = await lead({ title: 'Ann again', email: '  ann.lee@example.COM ' });
    expect(res.body.stage).toBe('junk');
    expect(res.body.fields.duplicate_of).toBe(contact.body.id);
  });

  it('leaves a lead without duplicates alone', async () => {
    const res = await lead({ title: 'Unique', phone: '+7 999 000-00-01' });
    expect(res.body.stage).toBe('new');
    expect(res.body.fields.duplicate_of).toBeUndefined();
  });

  it('imports 5 rows: creates 2, skips a known and an in-file duplicate, reports the bad row', async () => {
    const before = (await leads()).length;
    const res = await h.call('POST', '/api/records/leads/import', {
      model: 'leads',
      pipeline: 'leads',
      onDuplicate: 'skip',
      records: [
        { fields: { title: 'Row 0', phone: '+7 911 100-00-00' } },
        { fields: { title: 'Row 1', email: 'A@EXAMPLE.COM' } },
        { fields: { title: 'Row 2', phone: '+7 911 200-00-00' } },
        { fields: { title: 'Row 3', phone: '+7 911 300-00-00', amount: 'lots' } },
        { fields: { title: 'Row 4', phone: '8 911 100 00 00' } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.created).toHaveLength(2);
    expect(res.body.skipped.map((s: { index: number }) => s.index)).toEqual([1, 4]);
    expect(res.body.skipped[1].duplicates[0]).toMatchObject({
      entity: 'lead',
      id: res.body.created[0],
      field: 'phone',
    });
    expect(res.body.errors).toEqual([
      {
        index: 3,
        path: '/records/3/fields/amount',
        message: expect.stringMatching(/^\/records\/3\/fields\/amount must be a number/),
      },
    ]);
    const after = await leads();
    expect(after.length).toBe(before + 2);
    expect(after.some((r) => r.fields.title === 'Row 3')).toBe(false);
    const row0 = after.find((r) => r.id === res.body.created[0]);
    expect(row0?.stage).toBe('new');
  });

  it('imports duplicates into Junk with onDuplicate "create"', async () => {
    const res = await h.call('POST', '/api/records/leads/import', {
      model: 'leads',
      onDuplicate: 'create',
      records: [
        { fields: { title: 'Again 1', phone: '+7 911 200 00 00' } },
        { fields: { title: 'Fresh', email: 'fresh@example.com' } },
        { fields: { title: 'Fresh twin', email: 'FRESH@example.com' } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.created).toHaveLength(3);
    expect(res.body.flagged.map((f: { index: number }) => f.index)).toEqual([0, 2]);
    const stages = await Promise.all(
      (res.body.created as string[]).map(
        async (id) => ((await h.call('GET', `/api/records/leads/${id}`)).body as Rec).stage,
      ),
    );
    expect(stages).toEqual(['junk', 'new', 'junk']);
  });

  it.each([
    [{ records: [{ fields: {} }] }, 400, '/onDuplicate'],
    [{ records: [], onDuplicate: 'skip' }, 400, '/records'],
    [{ records: [{ fields: {} }], onDuplicate: 'merge' }, 400, '/onDuplicate'],
    [
      { records: [{ fields: {} }], onDuplicate: 'skip', stage: 'nowhere', model: 'leads' },
      422,
      '/stage',
    ],
  ])('refuses a bad import request %j', async (body, status, where) => {
    const before = (await leads()).length;
    const res = await h.call('POST', '/api/records/leads/import', body);
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body.error)).toContain(where);
    expect((await leads()).length).toBe(before);
  });

  it('reports rows of the wrong shape by index and path', async () => {
    const res = await h.call('POST', '/api/records/leads/import', {
      onDuplicate: 'skip',
      model: 'leads',
      records: [7, { fields: { title: 'ok row' }, extra: 1 }, { fields: { phnoe: '1' } }],
    });
    expect(res.status).toBe(200);
    expect(res.body.created).toEqual([]);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      '/records/0',
      '/records/1/extra',
      '/records/2/fields/phnoe',
    ]);
  });
});

describe('scenario 9 sample records', () => {
  it('catch the last sample lead, which repeats the first one’s phone', async () => {
    const h = await startServer();
    try {
      await seedExamples(h.conveyor, resolve('examples'), silentLogger);
      const all = (await h.call('GET', '/api/records/leads')).body.items as Array<
        Rec & { model?: string }
      >;
      const samples = all.filter((r) => r.model === 'leads');
      const junk = samples.filter((r) => r.stage === 'junk');
      expect(junk.map((r) => r.fields.title)).toEqual(['Повторная заявка с сайта: окна ПВХ']);
      const first = samples.find(
        (r) => r.fields.title === 'Заявка с сайта: окна ПВХ в загородный дом',
      );
      expect(junk[0]?.fields.duplicate_of).toBe(first?.id);
    } finally {
      await h.close();
    }
  });
});
