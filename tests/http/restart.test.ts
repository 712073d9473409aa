import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LowdbStore } from '../../runtime/store/lowdb-store.js';
import { harnessOnPostgres, startServer } from './server-harness.js';

const model = JSON.parse(readFileSync('examples/deal-distribution/model.json', 'utf8'));

describe('restart on the same DATA_DIR', () => {
  it('keeps records, versions and queue positions', async () => {
    const first = await startServer();
    await first.call('POST', '/api/models', model);
    await first.call('POST', '/api/models/deal-distribution/publish', {});
    const made = (
      await first.call('POST', '/api/records/deals', {
        pipeline: 'sales',
        fields: { title: 'a', amount: 5 },
      })
    ).body;
    expect(made.fields.responsible).toBe('kozlova');
    await first.close();

    const second = await startServer(first.dataDir);
    expect(
      (await second.call('GET', `/api/records/deals/${made.id}`)).body.fields.responsible,
    ).toBe('kozlova');
    expect(
      (await second.call('GET', '/api/models/deal-distribution/versions')).body.items,
    ).toHaveLength(1);
    // The queue continues where it stopped, and the version is active again.
    const next = (
      await second.call('POST', '/api/records/deals', {
        pipeline: 'sales',
        fields: { title: 'b', amount: 5 },
      })
    ).body;
    expect(next.fields.responsible).toBe('novikov');
    const tl = (await second.call('GET', `/api/records/deals/${made.id}/timeline`)).body.items;
    expect(tl.length).toBeGreaterThan(3);
    await second.close();
  });

  // The data dir's lock is the embedded store's: on PostgreSQL processes share the database.
  it.skipIf(harnessOnPostgres())(
    'refuses a second store instance on the same DATA_DIR with a clear message',
    async () => {
      const h = await startServer();
      await expect(LowdbStore.open(h.dataDir)).rejects.toThrow(
        /in use by another Conveyor process/,
      );
      await h.close();
    },
  );

  it.skipIf(harnessOnPostgres())(
    'refuses a second process on the same DATA_DIR',
    async () => {
      const h = await startServer();
      const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/main.ts'], {
        env: { ...process.env, PORT: '0', DATA_DIR: h.dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const code = await new Promise<number | null>((r) => child.on('exit', r));
      expect(code).toBe(1);
      expect(err).toContain('is in use by another Conveyor process');
      await h.close();
    },
    30_000,
  );
});
