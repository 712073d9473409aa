import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const MODEL = 'examples/reaction-time-control/model.json';
const NOBODY = 'examples/reaction-time-control/simulations/nobody-reacts.json';
const dir = mkdtempSync(join(tmpdir(), 'conveyor-cli-sim-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('conveyor simulate', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the timeline and the expectations as text; exit 0 when all are met', async () => {
    const r = await runCli(['simulate', MODEL, '--scenario', NOBODY]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Robots by the names the admin gave them, not their ids.
    expect(r.stdout).toMatch(/^\+00:15 +deal d1 +robot "Remind after 15 minutes" +fired/m);
    expect(r.stdout).toMatch(
      /^\+00:30 +deal d1 +robot "Tell the manager after 30 minutes" +done +notify: notified kuznetsova$/m,
    );
    expect(r.stdout).toMatch(
      /^\+00:00 +deal d1 +step +done +created deal in "Sales", stage "New request"$/m,
    );
    expect(r.stdout).toContain('Expectations: 6/6 met');
  });

  it('--json prints the API answer', async () => {
    const r = await runCli(['simulate', MODEL, '-s', NOBODY, '--json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { passed: boolean; notifications: unknown[] };
    expect(body.passed).toBe(true);
    expect(body.notifications).toHaveLength(4);
  });

  it('exit 1 when an expectation is not met, naming it', async () => {
    const s = file('unmet.json', {
      steps: [
        {
          at: { value: 0, unit: 'minutes' },
          do: 'create',
          ref: 'd',
          entity: 'deal',
          pipeline: 'sales',
          fields: { title: 'T', responsible: 'ivanov' },
        },
      ],
      horizon: { value: 1, unit: 'hours' },
      expect: [{ ref: 'd', stage: 'in_progress' }],
    });
    const r = await runCli(['simulate', MODEL, '-s', s]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL  #0 d in stage in_progress at the end');
  });

  it('exit 2 for a missing file, a file that is not JSON, or a malformed scenario', async () => {
    const missing = await runCli(['simulate', MODEL, '-s', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const notJson = await runCli(['simulate', MODEL, '-s', file('bad.json', '{')]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('is not JSON');
    const malformed = await runCli([
      'simulate',
      MODEL,
      '-s',
      file('malformed.json', {
        steps: [{ at: { value: 1, unit: 'years' }, do: 'move', ref: 'x', stage: 'a' }],
      }),
    ]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('/steps/0/at/unit');
  });

  it('exit 1 for a model with errors', async () => {
    const model = file('broken-model.json', {
      schemaVersion: 1,
      id: 'x',
      name: 'x',
      entities: {},
      pipelines: [
        {
          key: 'p',
          name: 'p',
          entity: 'deal',
          stages: [
            {
              key: 'a',
              name: 'a',
              kind: 'in_progress',
              robots: [
                {
                  id: 'r',
                  timing: { kind: 'immediate' },
                  action: { type: 'change_stage', stage: 'nowhere' },
                },
              ],
              triggers: [],
            },
          ],
        },
      ],
    });
    const r = await runCli(['simulate', model, '-s', NOBODY]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nowhere/);
  });
});
