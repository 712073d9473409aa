import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LowdbStore } from '../../runtime/store/lowdb-store.js';
import { runCli } from '../cli/run-cli.js';

/** Starts `runtime/main.ts` as `npm start` does (without the designer build) and waits for its exit. */
async function startProcess(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    // It must not get as far as listening; if it does, stop it so the test fails, not hangs.
    if (d.toString().includes('listening')) child.kill();
  });
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  return { code, stderr };
}

function expectOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /m);
}

const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) execFileSync('umount', ['-l', m]);
});

describe('a data folder the server cannot use stops it with one clear line', () => {
  it('missing and impossible to create (a file in its path)', async () => {
    const base = await mkdtemp(join(tmpdir(), 'conveyor-start-'));
    await writeFile(join(base, 'file'), 'not a folder');
    const dataDir = join(base, 'file', 'data');
    const { code, stderr } = await startProcess(dataDir);
    expect(code).toBe(1);
    expectOneLine(
      stderr,
      new RegExp(
        `^DATA_DIR ${dataDir} cannot be used: it is missing and cannot be created.*\\(ENOTDIR\\)`,
      ),
    );
  });

  it('read-only', async (ctx) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'conveyor-start-ro-'));
    let how = '';
    if (process.getuid?.() === 0) {
      // Root writes through file modes: only a read-only mount refuses it.
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', dataDir], {
          stdio: 'pipe',
        });
        mounts.push(dataDir);
        how = 'mount';
      } catch (e) {
        ctx.skip(
          `running as root and cannot mount a read-only tmpfs: ${String((e as { stderr?: Buffer }).stderr ?? e)}`,
        );
      }
    } else {
      await chmod(dataDir, 0o555);
      how = 'chmod';
    }
    const { code, stderr } = await startProcess(dataDir);
    expect(code).toBe(1);
    expectOneLine(
      stderr,
      how === 'mount'
        ? /^DATA_DIR .* cannot be used: it is on a read-only file system \(EROFS\)/
        : /^DATA_DIR .* cannot be used: this process may not write there \(EACCES\)/,
    );
    if (how === 'chmod') await chmod(dataDir, 0o755);
  });

  it('damaged: refuses to start, names the file and line, keeps it; the recovery command then lets it start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'conveyor-start-damaged-'));
    const store = await LowdbStore.open(dataDir);
    await store.close();
    const batch = (id: string) =>
      `${JSON.stringify([{ op: 'put', collection: 'users', key: id, value: { key: id, name: id } }])}\n`;
    const journal = `${batch('u1')}{"torn":${batch('u2')}`;
    await writeFile(join(dataDir, 'journal.log'), journal);
    const refused = await startProcess(dataDir);
    expect(refused.code).toBe(1);
    expectOneLine(
      refused.stderr,
      /damaged: journal\.log line 2 \(byte \d+\): not valid JSON.*npm run conveyor -- store recover --data-dir /,
    );
    expect(await readFile(join(dataDir, 'journal.log'), 'utf8')).toBe(journal);

    const recovered = await runCli(['store', 'recover', '--data-dir', dataDir]);
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(recovered.stdout).toMatch(/journal\.log line 2 .*kept 1 batch, dropped 1 batch/);
    expect(recovered.stdout).toMatch(/copies of the damaged files as found: .*damaged-/);
    const again = await LowdbStore.open(dataDir);
    expect(again.snapshot('users').map((u) => u.key)).toEqual(['u1']);
    await again.close();
    await rm(dataDir, { recursive: true, force: true });
  });
});
