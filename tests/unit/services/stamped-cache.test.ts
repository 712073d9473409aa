import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../runtime/store/memory-store.js';
import { StampedCache } from '../../../runtime/services/stamped-cache.js';

const role = (name: string) => ({
  op: 'put' as const,
  collection: 'roles' as const,
  key: 'sales',
  value: { key: 'sales', name, permissions: {} } as never,
});

describe('StampedCache', () => {
  it('keeps a value until a document of its collections changes', async () => {
    const store = new MemoryStore();
    const cache = new StampedCache<string>(store, ['roles']);
    const s = cache.stamp();
    cache.set('k', 'v1', s);
    expect(cache.get('k')).toBe('v1');
    // Another collection: still kept.
    await store.commit([
      { op: 'put', collection: 'settings', key: 'x', value: { key: 'x', value: 1 } as never },
    ]);
    expect(cache.get('k')).toBe('v1');
    await store.commit([role('Sales')]);
    expect(cache.get('k')).toBeUndefined();
  });

  it('does not keep a value whose reads a change overtook', async () => {
    const store = new MemoryStore();
    const cache = new StampedCache<string>(store, ['roles']);
    const s = cache.stamp();
    await store.commit([role('Sales')]); // while the value was being worked out
    expect(cache.set('k', 'old', s)).toBe('old');
    expect(cache.get('k')).toBeUndefined();
  });

  it('keeps nothing over a store other processes write (no change stamp)', () => {
    const cache = new StampedCache<string>({}, ['roles']);
    cache.set('k', 'v', cache.stamp());
    expect(cache.get('k')).toBeUndefined();
  });

  it('empties itself instead of growing past its size', () => {
    const store = new MemoryStore();
    const cache = new StampedCache<number>(store, ['roles'], 3);
    const s = cache.stamp();
    for (let i = 0; i < 4; i++) cache.set(`k${i}`, i, s);
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k3')).toBe(3);
  });
});
