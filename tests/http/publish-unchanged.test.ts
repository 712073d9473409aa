import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffModel } from './models.js';
import { startServer, type Harness } from './server-harness.js';

/** The same document with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe('publishing a draft identical to the latest version', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
    expect((await h.call('POST', '/api/models', handoffModel)).status).toBe(201);
  });
  afterAll(async () => {
    await h.close();
  });

  const versions = async (): Promise<number[]> =>
    (
      (await h.call('GET', '/api/models/handoff/versions')).body.items as Array<{ version: number }>
    ).map((v) => v.version);

  it('answers the existing version, says it was unchanged, and makes no new version', async () => {
    const first = await h.call('POST', '/api/models/handoff/publish', { note: 'go live' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ version: 1, diagnostics: expect.any(Array), unchanged: false });

    const again = await h.call('POST', '/api/models/handoff/publish', { note: 'clicked twice' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ version: 1, diagnostics: expect.any(Array), unchanged: true });
    expect(await versions()).toEqual([1]);
    const v1 = (await h.call('GET', '/api/models/handoff/versions/1')).body;
    expect(v1.note).toBe('go live');
  });

  it('key order does not count as a change; a real edit does', async () => {
    expect((await h.call('PUT', '/api/models/handoff', reversedKeys(handoffModel))).status).toBe(
      200,
    );
    const same = await h.call('POST', '/api/models/handoff/publish', {});
    expect(same.status).toBe(200);
    expect(same.body.unchanged).toBe(true);

    const renamed = { ...handoffModel, name: 'Sales to logistics (2)' };
    expect((await h.call('PUT', '/api/models/handoff', renamed)).status).toBe(200);
    const edited = await h.call('POST', '/api/models/handoff/publish', {});
    expect(edited.status).toBe(201);
    expect(edited.body).toMatchObject({ version: 2, unchanged: false });
    expect(await versions()).toEqual([1, 2]);
  });

  it('rolling back to the version already live changes nothing; to an older one publishes it', async () => {
    const live = await h.call('POST', '/api/models/handoff/rollback', { version: 2 });
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ version: 2, unchanged: true });
    const back = await h.call('POST', '/api/models/handoff/rollback', { version: 1 });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ version: 3, unchanged: false });
    expect(await versions()).toEqual([1, 2, 3]);
  });
});
