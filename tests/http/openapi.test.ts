import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './server-harness.js';

describe('GET /api/openapi.json', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(() => h.close());

  it('documents every mounted route with its request body schema', async () => {
    const doc = (await h.call('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    const routes = h.conveyor.routes;
    expect(routes.length).toBeGreaterThan(40);
    for (const r of routes) {
      const op = doc.paths[r.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[r.method];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      if (r.body !== undefined)
        expect(op.requestBody.content['application/json'].schema).toBeTypeOf('object');
    }
    const move = doc.paths['/api/records/{entity}/{id}/move'].post;
    expect(move.requestBody.content['application/json'].schema.required).toEqual(['stage']);
    for (const p of [
      '/api/health',
      '/api/directory',
      '/api/models/{id}/rollback',
      '/api/events',
      '/api/tasks/{id}/complete',
      '/api/records/{entity}/{id}/outbox',
    ]) {
      expect(doc.paths[p], p).toBeDefined();
    }
  });
});
