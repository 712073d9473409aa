import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../runtime/store/memory-store.js';
import type { RecordDoc } from '../../../runtime/domain/record.js';

const at = '2026-01-01T00:00:00.000Z';
const rec = (
  id: string,
  entity: RecordDoc['entity'],
  fields: Record<string, unknown>,
): RecordDoc => ({
  id,
  entity,
  fields,
  links: [],
  createdAt: at,
  updatedAt: at,
});
const ids = (rs: RecordDoc[]) => rs.map((r) => r.id).sort();

describe('the store value index', () => {
  it('finds records by normalised value, per entity, and follows every write', async () => {
    const store = new MemoryStore();
    await store.commit([
      {
        op: 'put',
        collection: 'records',
        key: 'l1',
        value: rec('l1', 'lead', { phone: '+7 903 555-12-34' }),
      },
      {
        op: 'put',
        collection: 'records',
        key: 'c1',
        value: rec('c1', 'contact', { phone: '89035551234' }),
      },
    ]);
    expect(ids(await store.findRecordsByValue('lead', 'phone', '79035551234'))).toEqual(['l1']);
    expect(ids(await store.findRecordsByValue('contact', 'phone', '79035551234'))).toEqual(['c1']);

    // Indexed now: later puts, changes and deletes keep it current.
    await store.commit([
      {
        op: 'put',
        collection: 'records',
        key: 'l2',
        value: rec('l2', 'lead', { phone: '8 903 555 12 34' }),
      },
      {
        op: 'put',
        collection: 'records',
        key: 'l1',
        value: rec('l1', 'lead', { phone: '+7 916 000-00-00' }),
      },
      { op: 'delete', collection: 'records', key: 'c1' },
    ]);
    expect(ids(await store.findRecordsByValue('lead', 'phone', '79035551234'))).toEqual(['l2']);
    expect(ids(await store.findRecordsByValue('lead', 'phone', '79160000000'))).toEqual(['l1']);
    expect(await store.findRecordsByValue('contact', 'phone', '79035551234')).toEqual([]);
  });
});
