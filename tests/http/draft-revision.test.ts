import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffModel } from './models.js';
import { startServer, type Harness } from './server-harness.js';

/** PUT with an `If-Match` header; answers status, ETag and body. */
async function put(h: Harness, path: string, body: unknown, ifMatch?: string) {
  const res = await fetch(h.url + path, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
    },
    body: JSON.stringify(body),
  });
  // Tests read answers loosely; each assertion checks the shape it relies on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as any };
}

async function get(h: Harness, path: string) {
  const res = await fetch(h.url + path);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as any };
}

describe('two admins editing one model draft: a stale save is refused, not silently lost', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
    await h.call('POST', '/api/models', handoffModel);
  });
  afterAll(() => h.close());

  it('answers 412 naming who changed the draft and when; the fresher ETag saves', async () => {
    const first = await get(h, '/api/models/handoff');
    expect(first.etag).toMatch(/^"\d+"$/);
    expect(first.body.updatedBy).toBe('api');

    // Both tabs loaded the same revision; the first one saves.
    const a = await put(h, '/api/models/handoff', { ...handoffModel, name: 'A' }, first.etag ?? '');
    expect(a.status).toBe(200);
    expect(a.etag).not.toBe(first.etag);

    // The second one still holds the old ETag: refused, with who and when.
    const b = await put(h, '/api/models/handoff', { ...handoffModel, name: 'B' }, first.etag ?? '');
    expect(b.status).toBe(412);
    expect(b.body.error.code).toBe('DRAFT_CHANGED');
    expect(b.body.error.updatedBy).toBe('api');
    expect(Date.parse(b.body.error.updatedAt)).not.toBeNaN();
    expect(b.body.error.etag).toBe(a.etag);
    expect(b.body.error.message).toContain('changed by api at');
    expect((await get(h, '/api/models/handoff')).body.model.name).toBe('A');

    // Overwriting knowingly: If-Match with the current ETag.
    const c = await put(h, '/api/models/handoff', { ...handoffModel, name: 'B' }, a.etag ?? '');
    expect(c.status).toBe(200);
    const now = await get(h, '/api/models/handoff');
    expect(now.body.model.name).toBe('B');
    expect(now.etag).toBe(c.etag);
  });

  it('keeps a draft that does not match the schema; publishing refuses it', async () => {
    const cur = await get(h, '/api/models/handoff');
    const invalid = structuredClone(handoffModel) as Record<string, unknown>;
    invalid.pipelines = 'x';
    const saved = await put(h, '/api/models/handoff', invalid, cur.etag ?? '');
    expect(saved.status).toBe(200);
    expect(saved.body.diagnostics.some((d: { code: string }) => d.code === 'SCHEMA')).toBe(true);
    expect((await get(h, '/api/models/handoff')).body.model.pipelines).toBe('x');
    expect(
      (await h.call('GET', '/api/models')).body.items.find(
        (m: { id: string }) => m.id === 'handoff',
      ),
    ).toBeDefined();

    const publish = await h.call('POST', '/api/models/handoff/publish', {});
    expect(publish.status).toBe(422);

    // Still bounded: not an object, or another model's id, is refused.
    expect((await put(h, '/api/models/handoff', [1, 2])).status).toBe(400);
    expect((await put(h, '/api/models/handoff', { id: 'other' })).status).toBe(422);
  });
});
