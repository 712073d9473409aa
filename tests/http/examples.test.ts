import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, existsSync } from 'node:fs';
import { startServer, type Harness } from './server-harness.js';

const SLUGS = readdirSync('examples').filter((d) => existsSync(`examples/${d}/model.json`));

describe('examples gallery routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists every example with its scenario and a sentence in both languages', async () => {
    const res = await h.call('GET', '/api/examples');
    expect(res.status).toBe(200);
    expect(res.body.map((e: { slug: string }) => e.slug).sort()).toEqual([...SLUGS].sort());
    const rtc = res.body.find((e: { slug: string }) => e.slug === 'reaction-time-control');
    expect(rtc).toMatchObject({ name: 'Reaction-time control', scenario: 4 });
    for (const e of res.body) {
      expect(e.description.en.length, e.slug).toBeGreaterThan(20);
      expect(e.description.ru, e.slug).toMatch(/[а-яё]/i);
    }
    // Sorted by scenario number.
    const numbers = res.body.map((e: { scenario: number }) => e.scenario);
    expect(numbers).toEqual([...numbers].sort((a: number, b: number) => a - b));
  });

  it('copies an example into a new draft with a fresh id each time', async () => {
    const first = await h.call('POST', '/api/examples/reaction-time-control/copy');
    expect(first.status).toBe(201);
    expect(first.body.model.id).toBe('reaction-time-control-copy');
    expect(first.body.model.name).toBe('Reaction-time control (copy)');
    expect(
      first.body.diagnostics.filter((d: { severity: string }) => d.severity === 'error'),
    ).toEqual([]);
    // The example's saved simulations come with the copy (examples/<slug>/simulations/).
    expect(first.body.model.simulations.map((s: { name: string }) => s.name).sort()).toEqual([
      'Nobody reacts to a new request',
      'Taken into work after 10 minutes',
      'The proposal: late once, then answered in time',
    ]);
    const second = await h.call('POST', '/api/examples/reaction-time-control/copy');
    expect(second.status).toBe(201);
    expect(second.body.model.id).toBe('reaction-time-control-copy-2');
    const got = await h.call('GET', '/api/models/reaction-time-control-copy');
    expect(got.status).toBe(200);
    expect(got.body.publishedVersion).toBeUndefined();
    expect(got.body.model.pipelines).toEqual(first.body.model.pipelines);
    // The copy is an ordinary draft: editable and publishable.
    const put = await h.call('PUT', '/api/models/reaction-time-control-copy', {
      ...got.body.model,
      name: 'Mine',
    });
    expect(put.status).toBe(200);
    expect(
      (await h.call('POST', '/api/models/reaction-time-control-copy/publish', {})).status,
    ).toBe(201);
  });

  it('answers 404 for an unknown or malformed slug and stores nothing', async () => {
    const before = (await h.call('GET', '/api/models')).body.items.length;
    for (const slug of ['no-such-example', '..%2Fpackage', 'UPPER']) {
      const res = await h.call('POST', `/api/examples/${slug}/copy`);
      expect(res.status, slug).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await h.call('GET', '/api/models')).body.items.length).toBe(before);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await h.call('GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/examples', '/api/examples/{slug}/copy']),
    );
  });
});
