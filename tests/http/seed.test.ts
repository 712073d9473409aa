import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedExamples } from '../../runtime/seed/seed-examples.js';
import { startServer, type Harness } from './server-harness.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../../examples');

describe('first start', () => {
  let h: Harness;
  const errors: string[] = [];
  beforeAll(async () => {
    h = await startServer();
    const log = {
      info: () => undefined,
      error: (m: string) => errors.push(m),
    };
    await seedExamples(h.conveyor, EXAMPLES, log);
  });
  afterAll(() => h.close());

  it('publishes every example and its directory, and skips examples/broken', async () => {
    const slugs = readdirSync(EXAMPLES).filter((d) => existsSync(join(EXAMPLES, d, 'model.json')));
    expect(slugs).not.toContain('broken');
    expect(errors).toEqual([]);
    const models = (await h.call('GET', '/api/models')).body.items as Array<{ id: string }>;
    const ids = models.map((m) => m.id);
    expect(ids.sort()).toEqual(slugs.sort());
    expect(ids.some((id) => id.startsWith('broken'))).toBe(false);
    for (const id of ids)
      expect((await h.call('GET', `/api/models/${id}/versions`)).body.items).toHaveLength(1);
    const users = (await h.call('GET', '/api/directory/users')).body.items as Array<{
      key: string;
    }>;
    expect(users.map((u) => u.key)).toContain('sidorov');
    for (const kind of ['departments', 'queues'] as const) {
      const want = new Set<string>();
      for (const slug of slugs) {
        const m = JSON.parse(readFileSync(join(EXAMPLES, slug, 'model.json'), 'utf8')) as {
          directory?: Record<string, Array<{ key: string }>>;
        };
        for (const e of m.directory?.[kind] ?? []) want.add(e.key);
      }
      const have = (await h.call('GET', `/api/directory/${kind}?limit=1000`)).body.items as Array<{
        key: string;
      }>;
      expect(have.map((e) => e.key).sort(), kind).toEqual([...want].sort());
    }
  });

  it('does nothing on a second start', async () => {
    await seedExamples(h.conveyor, EXAMPLES, {
      info: () => undefined,
      error: () => undefined,
    });
    expect((await h.call('GET', '/api/models/deal-distribution/versions')).body.items).toHaveLength(
      1,
    );
  });
});
