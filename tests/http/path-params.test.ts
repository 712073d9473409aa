import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './server-harness.js';

/** Path segments an attacker or a typo sends, as they appear in the URL. */
const HOSTILE = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'x'.repeat(5_000),
  '%00',
  'a%0Ab',
  '%E2%80%AE%F0%9F%92%A3',
  '..%2F..%2Fpackage.json',
  '%20',
];

/** Leaks of JavaScript internals a message built from `Object`'s prototype would show. */
const INTERNALS = /function Object|\[native code\]|\[object Object\]|undefined|prototype/;

describe('hostile path parameters on every route', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(() => h.close());

  it('answers the record timers of collection "constructor" with a 404 naming the parameter', async () => {
    const res = await h.call('GET', '/api/records/constructor/x/timers');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(res.body.error.message).toContain('path parameter /entity must be one of');
    expect(res.body.error.message).not.toMatch(INTERNALS);
  });

  it('answers 400 or 404 with a clear message, never 500, for each parameter of each route', async () => {
    const routes = h.conveyor.routes.filter((r) => /:[A-Za-z]+/.test(r.path));
    expect(routes.length).toBeGreaterThan(25);
    const seen: string[] = [];
    for (const route of routes) {
      const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');
      for (const name of names) {
        for (const value of HOSTILE) {
          // The other parameters get plausible values, so this one is what is judged.
          const path = route.path.replace(/:([A-Za-z]+)/g, (_m, n: string) =>
            n === name ? value : n === 'entity' ? 'deals' : n === 'n' ? '1' : 'abc',
          );
          const res = await h.call(
            route.method.toUpperCase(),
            path,
            route.body === undefined ? undefined : {},
          );
          const where = `${route.method.toUpperCase()} ${route.path} with ${name}=${value.slice(0, 40)}`;
          // A route with a body may judge the (empty) body first: 422 names the body.
          const allowed = route.body === undefined ? [400, 404] : [400, 404, 422];
          expect(allowed, `${where}: ${JSON.stringify(res.body)}`).toContain(res.status);
          expect(res.body?.error?.message, where).toBeTypeOf('string');
          expect(res.body.error.message, where).not.toMatch(INTERNALS);
          seen.push(`${res.status} ${res.body.error.code}`);
        }
      }
    }
    expect(seen.length).toBeGreaterThan(200);
  });
});
