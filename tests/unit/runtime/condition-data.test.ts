import { describe, expect, it } from 'vitest';
import { conditionData } from '../../../runtime/engine/run-context.js';
import type { RecordDoc } from '../../../runtime/domain/record.js';

const NOW = '2026-12-07T04:00:00.000Z';

function record(fields: Record<string, unknown>): RecordDoc {
  return {
    id: 'deal-1',
    entity: 'deal',
    pipeline: 'sales',
    stage: 'won',
    fields,
    links: [],
    createdAt: NOW,
    updatedAt: NOW,
  };
}

describe('conditionData', () => {
  it("gives the record's fields, then id, entity, pipeline, stage and $now over them, in that order", () => {
    const data = conditionData(record({ amount: 5, stage: 'field value', city: 'Rome' }), NOW);
    expect(Object.entries(data)).toEqual([
      ['amount', 5],
      ['stage', 'won'],
      ['city', 'Rome'],
      ['id', 'deal-1'],
      ['entity', 'deal'],
      ['pipeline', 'sales'],
      ['$now', NOW],
    ]);
  });

  it('adds $event only for an event with a payload, and never changes the record', () => {
    const fields = { amount: 5 };
    const doc = record(fields);
    expect(conditionData(doc, NOW)).not.toHaveProperty('$event');
    const data = conditionData(doc, NOW, { channel: 'web' });
    expect(data.$event).toEqual({ channel: 'web' });
    expect(doc.fields).toEqual({ amount: 5 });
    expect(data).not.toBe(fields);
  });

  it('keeps a field named __proto__ a plain field: the prototype stays, nothing is polluted', () => {
    const fields = JSON.parse('{"__proto__": {"polluted": true}, "amount": 5}') as Record<
      string,
      unknown
    >;
    const data = conditionData(record(fields), NOW);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.hasOwn(data, '__proto__')).toBe(true);
    expect(data.polluted).toBeUndefined();
    expect(data.amount).toBe(5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
