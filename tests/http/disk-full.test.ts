import { execFileSync } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failingDisk } from './failing-disk.js';
import { startServer, type Harness } from './server-harness.js';

const model = {
  schemaVersion: 1,
  id: 'disk',
  name: 'Disk',
  entities: {},
  pipelines: [
    {
      key: 'flow',
      name: 'Flow',
      entity: 'deal',
      stages: ['a', 'b'].map((key) => ({
        key,
        name: key,
        kind: 'in_progress',
        robots: [],
        triggers: [],
      })),
    },
  ],
};

async function publish(h: Harness): Promise<void> {
  expect((await h.call('POST', '/api/models', model)).status).toBe(201);
  expect((await h.call('POST', '/api/models/disk/publish', {})).status).toBe(201);
}

const create = (h: Harness, title: string) =>
  h.call('POST', '/api/records/deals', { pipeline: 'flow', fields: { title } });

async function storedIds(h: Harness): Promise<string[]> {
  const list = (await h.call('GET', '/api/records/deals')).body.items as Array<{ id: string }>;
  return list.map((r) => r.id).sort();
}

describe('a full disk refuses writes and loses none it acknowledged', () => {
  it('answers 503 STORE_UNAVAILABLE while writes fail, rolls them back, and keeps every acknowledged one (injected write error)', async () => {
    const disk = failingDisk();
    const first = await startServer(undefined, {}, { fs: disk.fs, log: () => undefined });
    await publish(first);
    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await create(first, `before ${i}`);
      expect(res.status).toBe(201);
      acknowledged.push(res.body.id);
    }

    disk.full = true;
    for (let i = 0; i < 3; i++) {
      const res = await create(first, `refused ${i}`);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('STORE_UNAVAILABLE');
      expect(res.body.error.message).toMatch(/disk is full.*nothing of it was stored/);
      expect(res.body.error.message).not.toContain(first.dataDir);
    }
    // Requests that share one failing append are all refused.
    const together = await Promise.all([1, 2, 3, 4].map((i) => create(first, `together ${i}`)));
    expect(together.map((r) => r.status)).toEqual([503, 503, 503, 503]);
    expect(disk.refused).toBeGreaterThan(0);
    // Refused means not there: the in-memory change was rolled back.
    expect(await storedIds(first)).toEqual([...acknowledged].sort());

    disk.full = false;
    for (let i = 0; i < 5; i++) {
      const res = await create(first, `after ${i}`);
      expect(res.status).toBe(201);
      acknowledged.push(res.body.id);
    }
    // No half line is left in the journal for the next batch to be glued to.
    const journal = await readFile(join(first.dataDir, 'journal.log'), 'utf8');
    for (const line of journal.split('\n').filter((l) => l !== ''))
      expect(() => JSON.parse(line)).not.toThrow();
    await first.close();

    const second = await startServer(first.dataDir);
    expect(await storedIds(second)).toEqual([...acknowledged].sort());
    await second.close();
  });
});

describe('a full disk: a real small tmpfs', () => {
  let mountPoint = '';
  let cannotMount = '';

  beforeAll(async () => {
    mountPoint = await mkdtemp(join(tmpdir(), 'conveyor-tmpfs-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], {
        stdio: 'pipe',
      });
    } catch (e) {
      cannotMount = String((e as { stderr?: Buffer }).stderr ?? e).trim();
    }
  });

  afterAll(async () => {
    // Lazy: a failed test may have left a server holding files there.
    if (cannotMount === '') execFileSync('umount', ['-l', mountPoint]);
    await rm(mountPoint, { recursive: true, force: true });
  });

  it('fill the disk, get 503s, free space, keep writing, restart: every acknowledged write present, no refused one', async (ctx) => {
    if (cannotMount !== '') {
      console.warn(
        `disk-full tmpfs variant skipped: cannot mount a tmpfs here (${cannotMount}); the injected write error covers the same path`,
      );
      ctx.skip(`cannot mount a tmpfs: ${cannotMount}`);
    }
    const dataDir = join(mountPoint, 'data');
    const first = await startServer(dataDir, {}, { log: () => undefined });
    await publish(first);
    // Leave about 64 KB free beside the data: a few records fit, then the disk is full.
    const ballast = join(mountPoint, 'ballast');
    const { bavail, bsize } = statfsSync(mountPoint);
    await writeFile(ballast, Buffer.alloc(Math.max(0, bavail * bsize - 64 * 1024)));

    const acknowledged: string[] = [];
    let refused = 0;
    const big = 'x'.repeat(4000);
    for (let i = 0; i < 200 && refused < 5; i++) {
      const res = await create(first, `${big} ${i}`);
      if (res.status === 201) acknowledged.push(res.body.id);
      else {
        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe('STORE_UNAVAILABLE');
        refused++;
      }
    }
    expect(refused).toBe(5);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(await storedIds(first)).toEqual([...acknowledged].sort());

    await rm(ballast);
    for (let i = 0; i < 5; i++) {
      const res = await create(first, `after ${i}`);
      expect(res.status).toBe(201);
      acknowledged.push(res.body.id);
    }
    await first.close();

    const second = await startServer(dataDir);
    expect(await storedIds(second)).toEqual([...acknowledged].sort());
    await second.close();
  });
});
