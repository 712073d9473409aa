import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it("declares the cookie and bearer schemes, each route's requirement and the refusals", async () => {
    const doc = (await h.call('GET', '/api/openapi.json')).body;
    expect(doc.components.securitySchemes).toEqual({
      sessionCookie: expect.objectContaining({
        type: 'apiKey',
        in: 'cookie',
        name: 'conveyor_session',
      }),
      apiToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    const signedIn = [{ sessionCookie: [] }, { apiToken: [] }];
    for (const r of h.conveyor.routes) {
      const op = doc.paths[r.path.replace(/:([A-Za-z]+)/g, '{$1}')][r.method];
      expect(op.security, `${r.method} ${r.path}`).toEqual(r.open === undefined ? signedIn : []);
      if (r.open !== 'always') expect(op.responses['401'], r.path).toBeDefined();
      // Every route that needs credentials names the permission it needs (issue 12).
      if (r.open === undefined) {
        expect(r.permission, `${r.method} ${r.path}`).toBeDefined();
        expect(op['x-permission'], `${r.method} ${r.path}`).toEqual(r.permission);
      }
      expect(op.responses['421'], r.path).toBeDefined();
      if (r.method !== 'get') expect(op.responses['415'], r.path).toBeDefined();
    }
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(
      doc.paths['/api/auth/sign-in'].post.responses['429'].headers['Retry-After'],
    ).toBeDefined();
    expect(doc.paths['/api/hooks/{token}'].post.security).toEqual([]);
  });

  it('is valid OpenAPI 3.1 for Redocly (redocly.yaml), offline', async () => {
    const doc = (await h.call('GET', '/api/openapi.json')).body;
    const file = join(mkdtempSync(join(tmpdir(), 'conveyor-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const lint = spawnSync(
      process.execPath,
      [
        'node_modules/@redocly/cli/bin/cli.js',
        'lint',
        file,
        '--config',
        'redocly.yaml',
        '--format=json',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    const report = JSON.parse(lint.stdout) as { totals: object; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(lint.status).toBe(0);
  });

  it('shares components by $ref: no draft-07 tuples, the model schema once, the model body by it', async () => {
    const doc = (await h.call('GET', '/api/openapi.json')).body;
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/"items":\[/);
    expect(text).not.toContain('"additionalItems"');
    expect(text.split('"Conveyor automation model"')).toHaveLength(2);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['AutomationModel', 'Error', 'Diagnostic', 'Record', 'Timer']),
    );
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    expect(doc.paths['/api/models'].post.requestBody.content['application/json'].schema).toEqual(
      ref('AutomationModel'),
    );
    expect(
      doc.paths['/api/models/{id}'].get.responses['200'].content['application/json'].schema,
    ).toEqual(ref('ModelDetail'));
    expect(doc.components.schemas.ModelDetail.properties.model).toEqual(ref('AutomationModel'));
    expect(
      doc.paths['/api/records/{entity}/{id}/move'].post.responses['404'].content['application/json']
        .schema,
    ).toEqual(ref('Error'));
  });
});
