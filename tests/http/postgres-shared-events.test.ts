import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, startConveyorProcess, type ConveyorProcess } from '../support/conveyor-process.js';
import {
  dropSchema,
  freshSchemaName,
  markPostgresSuiteRan,
  TEST_DATABASE_URL,
} from '../support/postgres.js';

const stage = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  name: key,
  kind: 'in_progress',
  robots: [],
  triggers: [],
  ...extra,
});

/** Version 1: four plain stages. Version 2 adds `late`, whose robot marks the deal. */
function model(version: 1 | 2) {
  return {
    schemaVersion: 1,
    id: 'shared',
    name: 'Shared',
    entities: { deal: { fields: [{ key: 'mark', label: 'Mark', type: 'string' }] } },
    directory: { users: [], departments: [], queues: [] },
    pipelines: [
      {
        key: 'flow',
        name: 'Flow',
        entity: 'deal',
        stages: [
          stage('s0'),
          stage('s1'),
          stage('s2'),
          stage('s3'),
          ...(version === 2
            ? [
                stage('late', {
                  robots: [
                    {
                      id: 'mark_v2',
                      timing: { kind: 'immediate' },
                      action: { type: 'update_fields', set: [{ field: 'mark', value: 'v2' }] },
                    },
                  ],
                }),
              ]
            : []),
        ],
      },
    ],
  };
}

interface StageChange {
  kind: string;
  at: string;
  seq: number;
  version?: number;
  data?: { from: { stage: string }; to: { stage: string } };
}

async function stageChanges(base: string, id: string): Promise<StageChange[]> {
  const out: StageChange[] = [];
  let cursor: string | null = null;
  do {
    const page = await callAs(
      base,
      'GET',
      `/api/records/deals/${id}/timeline?limit=200${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
    );
    expect(page.status).toBe(200);
    out.push(...(page.body.items as StageChange[]));
    cursor = page.body.nextCursor as string | null;
  } while (cursor !== null);
  return out.filter((e) => e.kind === 'stage_changed');
}

// Two server processes on one database: one record's events are handled one at a time
// across them, and a version published through one is what the other runs next.
describe.skipIf(TEST_DATABASE_URL === undefined)('two processes sharing records', () => {
  const db = TEST_DATABASE_URL as string;
  const schema = freshSchemaName();
  const children: ChildProcess[] = [];
  let a: ConveyorProcess;
  let b: ConveyorProcess;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startConveyorProcess(db, schema),
      startConveyorProcess(db, schema),
    ]);
    children.push(a.child, b.child);
  }, 120_000);
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await dropSchema(schema);
    await dropSchema(`${schema}_jobs`);
  });

  it('a version published through one process is what the other, already running, runs', async () => {
    expect((await callAs(a.url, 'POST', '/api/models', model(1))).status).toBe(201);
    expect((await callAs(a.url, 'POST', '/api/models/shared/publish', {})).status).toBe(201);
    // B started before either publish: it learns of them from the database.
    const deal = await callAs(b.url, 'POST', '/api/records/deals', {
      model: 'shared',
      pipeline: 'flow',
      fields: { title: 'Versioned' },
    });
    expect(deal.status).toBe(201);
    const saved = await callAs(a.url, 'PUT', '/api/models/shared', model(2));
    expect(saved.status).toBe(200);
    expect((await callAs(a.url, 'POST', '/api/models/shared/publish', {})).status).toBe(201);
    const moved = await callAs(b.url, 'POST', `/api/records/deals/${deal.body.id}/move`, {
      stage: 'late',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.fields.mark).toBe('v2');
    const changes = await stageChanges(b.url, deal.body.id as string);
    expect(changes.at(-1)?.version).toBe(2);
  }, 120_000);

  it('concurrent moves of one record through both processes are serialised in commit order', async () => {
    const deal = await callAs(a.url, 'POST', '/api/records/deals', {
      model: 'shared',
      pipeline: 'flow',
      fields: { title: 'Contended' },
    });
    expect(deal.status).toBe(201);
    const id = deal.body.id as string;
    const targets = ['s1', 's2', 's3', 's0'];
    // 48 moves at once, alternating processes; a target equal to the stage at the
    // moment answers 409, every other one moves the deal.
    const answers = await Promise.all(
      Array.from({ length: 48 }, (_, n) =>
        callAs(n % 2 === 0 ? a.url : b.url, 'POST', `/api/records/deals/${id}/move`, {
          stage: targets[n % targets.length],
        }),
      ),
    );
    const ok = answers.filter((r) => r.status === 200);
    const other = answers.filter((r) => r.status !== 200);
    expect(
      other.every((r) => r.status === 409),
      JSON.stringify(other.slice(0, 3)),
    ).toBe(true);
    expect(ok.length).toBeGreaterThan(1);
    // Each move is its own commit: its revision is one no other move got.
    const revisions = ok.map((r) => r.body.revision as number).sort((x, y) => x - y);
    expect(new Set(revisions).size).toBe(revisions.length);
    const final = await callAs(b.url, 'GET', `/api/records/deals/${id}`);
    expect(final.body.revision).toBe(1 + ok.length);
    // The timeline, in its own order, is one chain: each move starts where the one
    // before it left the deal (a move made on a stale read would break it).
    const changes = await stageChanges(a.url, id);
    expect(changes).toHaveLength(ok.length);
    let at = 's0';
    for (const c of changes) {
      expect(c.data?.from.stage).toBe(at);
      at = c.data?.to.stage ?? '';
    }
    expect(at).toBe(final.body.stage);
    markPostgresSuiteRan('processes-shared-events');
  }, 120_000);
});
