import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileModel, type AutomationModel } from '../../../schemas/index.js';
import { Engine } from '../../../runtime/engine/engine.js';
import { createIdGenerator, outboxToStore } from '../../../runtime/engine/ports.js';
import { Tx } from '../../../runtime/engine/tx.js';
import { MemoryStore } from '../../../runtime/store/memory-store.js';

const model = JSON.parse(
  readFileSync('examples/deal-distribution/model.json', 'utf8'),
) as AutomationModel;
const dir = { users: [], departments: [], queues: [] };

describe('engine', () => {
  it('re-running the same event never doubles a side effect', async () => {
    const store = new MemoryStore();
    const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
    const engine = new Engine({ clock, ids: createIdGenerator(), outbox: outboxToStore });
    engine.activate(model.id, 1, compileModel(model));
    const tx = new Tx(store);
    const rec = await engine.createRecord(
      engine.startRun(tx, dir),
      { entity: 'deal', model: model.id, pipeline: 'sales', fields: { amount: 5, title: 'x' } },
      { eventId: 'e0' },
    );
    await tx.commit();
    if (rec === undefined) throw new Error('not created');
    expect(rec.fields.responsible).toBe('kozlova');
    const event = engine.newEvent('stage_entered', rec.id);
    for (let i = 0; i < 2; i++) {
      const t = new Tx(store);
      await engine.handle(engine.startRun(t, dir), event);
      await t.commit();
    }
    const notes = (await store.query('notifications', { recordId: rec.id }, { limit: 1000 })).items;
    expect(notes).toHaveLength(2); // one from creation, one from the replayed event
    const tl = (await store.query('timeline', { recordId: rec.id }, { limit: 1000 })).items;
    expect(tl.filter((e) => e.outcome === 'duplicate').length).toBe(2);
    // kozlova (creation), then novikov once for the replayed event: not twice.
    expect((await store.get('queuePositions', `${model.id}/other_managers`))?.position).toBe(2);
  });

  it('nothing reaches the store when a run is not committed', async () => {
    const store = new MemoryStore();
    const engine = new Engine({
      clock: { now: () => new Date() },
      ids: createIdGenerator(),
      outbox: outboxToStore,
    });
    engine.activate(model.id, 1, compileModel(model));
    const tx = new Tx(store);
    await engine.createRecord(
      engine.startRun(tx, dir),
      { entity: 'deal', model: model.id, pipeline: 'sales', fields: { amount: 5 } },
      { eventId: 'e' },
    );
    expect(store.snapshot('records')).toEqual([]);
    expect(store.snapshot('timeline')).toEqual([]);
  });
});
