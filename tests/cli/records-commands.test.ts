import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffModel } from '../http/models.js';
import { startServer, type Harness } from '../http/server-harness.js';
import { runCli } from './run-cli.js';

// Each CLI call is a node process (seconds on a loaded machine).
const SLOW = 180_000;

describe('conveyor records: paging through lists and updating with If-Match', () => {
  let h: Harness;
  let env: Record<string, string>;
  const ids: string[] = [];
  beforeAll(async () => {
    h = await startServer();
    env = { CONVEYOR_URL: h.url, CONVEYOR_TOKEN: h.ownerToken ?? '' };
    await h.call('POST', '/api/models', handoffModel);
    await h.call('POST', '/api/models/handoff/publish', {});
    for (let i = 0; i < 5; i++) {
      const made = await h.call('POST', '/api/records/deals', {
        pipeline: 'sales',
        fields: { title: `Deal ${i}`, amount: i },
      });
      ids.push(made.body.id as string);
    }
    await h.call('POST', `/api/records/deals/${ids[0]}/move`, { stage: 'won' });
  });
  afterAll(() => h.close());

  it(
    'lists one page with the cursor of the next, or every page with --all',
    async () => {
      const one = await runCli(['records', 'list', 'deals', '--stage', 'new', '--limit', '2'], env);
      expect(one.code, one.stderr).toBe(0);
      expect(one.stdout.trim().split('\n')).toHaveLength(2);
      const cursor = /--cursor (\S+)/.exec(one.stderr)?.[1];
      expect(cursor).toBeDefined();
      const next = await runCli(
        ['records', 'list', 'deal', '--stage', 'new', '--limit', '2', '--cursor', cursor ?? ''],
        env,
      );
      expect(next.code, next.stderr).toBe(0);
      expect(next.stdout.trim().split('\n')).toHaveLength(2);

      const all = await runCli(
        ['records', 'list', 'deals', '--stage', 'new', '--limit', '2', '--all', '--json'],
        env,
      );
      expect(all.code, all.stderr).toBe(0);
      const rows = all.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; stage: string });
      expect(rows.map((r) => r.id).sort()).toEqual(ids.slice(1).sort());
      expect(rows.every((r) => r.stage === 'new')).toBe(true);
      expect(all.stderr).toBe('4 records\n');
      const text = await runCli(['records', 'list', 'deals', '--stage', 'won'], env);
      expect(text.stdout).toBe(`${ids[0]}\tsales/won\trev 2\tDeal 0\n`);
      expect(text.stderr).toBe('');
    },
    SLOW,
  );

  it(
    'updates with If-Match from a fresh read, and reports a stale revision as a conflict',
    async () => {
      const id = ids[1] ?? '';
      const ok = await runCli(
        ['records', 'update', 'deals', id, '--fields', '{"amount": 500}'],
        env,
      );
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(ok.stdout).toBe(`updated ${id}: now revision 2\n`);
      expect((await h.call('GET', `/api/records/deals/${id}`)).body.fields.amount).toBe(500);

      // Someone read revision 1 before that change: refused, nothing written.
      const stale = await runCli(
        ['records', 'update', 'deals', id, '--fields', '{"amount": 1}', '--revision', '1'],
        env,
      );
      expect(stale.code).toBe(1);
      expect(stale.stderr).toContain(
        `conflict: deals ${id} was changed by someone else since revision 1 was read (now revision 2); nothing was written`,
      );
      expect((await h.call('GET', `/api/records/deals/${id}`)).body.fields.amount).toBe(500);
    },
    SLOW,
  );

  it(
    'refuses bad input before calling, and names what the server refused',
    async () => {
      const badJson = await runCli(['records', 'update', 'deals', 'x', '--fields', '{amount'], env);
      expect(badJson.code).toBe(2);
      expect(badJson.stderr).toContain('--fields is not valid JSON');
      const notObject = await runCli(['records', 'update', 'deals', 'x', '--fields', '[1]'], env);
      expect(notObject.code).toBe(2);
      expect(notObject.stderr).toContain('--fields must be a JSON object');
      const entity = await runCli(['records', 'list', 'invoices'], env);
      expect(entity.code).toBe(2);
      expect(entity.stderr).toContain('no record collection "invoices"');
      const limit = await runCli(['records', 'list', 'deals', '--limit', '0'], env);
      expect(limit.code).toBe(2);
      const missing = await runCli(
        ['records', 'update', 'deals', 'deal_nope', '--fields', '{}'],
        env,
      );
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('404 NOT_FOUND');
    },
    SLOW,
  );
});
