import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileModel, stringifyRuleSet, type AutomationModel } from '../../schemas/index.js';
import { runCli } from './run-cli.js';

const stage = (key: string, kind = 'in_progress') => ({
  key,
  name: key,
  kind,
  robots: [] as unknown[],
  triggers: [] as unknown[],
});

const VALID: AutomationModel = {
  schemaVersion: 1,
  id: 'cli',
  name: 'CLI',
  entities: {},
  pipelines: [
    {
      key: 'sales',
      name: 'Sales',
      entity: 'deal',
      stages: [
        {
          ...stage('new'),
          robots: [
            {
              id: 'hello',
              timing: { kind: 'immediate' },
              action: { type: 'notify', recipients: [{ kind: 'responsible' }], message: 'Hi' },
            },
          ],
        },
        stage('won', 'success'),
      ],
    },
  ],
} as AutomationModel;

/** Eight stages: only a TOO_MANY_STAGES warning. */
const WARNED = {
  ...VALID,
  pipelines: [
    {
      ...VALID.pipelines[0],
      stages: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((k) => stage(k)),
    },
  ],
};

/** A robot moving deals into a stage that does not exist. */
const BROKEN = structuredClone(VALID);
BROKEN.pipelines[0]?.stages[0]?.robots.push({
  id: 'lost_move',
  timing: { kind: 'immediate' },
  action: { type: 'change_stage', stage: 'nowhere' },
});

let dir = '';
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'conveyor-cli-'));
  writeFileSync(file('valid.json'), JSON.stringify(VALID));
  writeFileSync(file('warned.json'), JSON.stringify(WARNED));
  writeFileSync(file('broken.json'), JSON.stringify(BROKEN));
  writeFileSync(file('not-json.json'), '{ "schemaVersion": 1, ');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('conveyor validate', () => {
  it('exits 0 with a summary for a valid model', async () => {
    const r = await runCli(['validate', file('valid.json')]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`${file('valid.json')}: 0 errors, 0 warnings, 0 infos\n`);
  });

  it('exits 0 when there are only warnings, and prints them', async () => {
    const r = await runCli(['validate', file('warned.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^warning TOO_MANY_STAGES \/pipelines\/0\S*: .+$/m);
    expect(r.stdout).toMatch(/: 0 errors, 1 warning, \d+ infos?\n$/);
  });

  it('exits 1 and prints `severity code path: message` for each error', async () => {
    const r = await runCli(['validate', file('broken.json')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^error UNKNOWN_STAGE \/pipelines\/0\/stages\/0\/robots\/1\/action\/stage: \S/,
        ),
      ]),
    );
    expect(lines.at(-1)).toMatch(/: [1-9]\d* errors?, /);
  });

  it('exits 2 naming a missing file, without a stack trace', async () => {
    const r = await runCli(['validate', file('absent.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`conveyor: cannot read ${file('absent.json')}: no such file\n`);
  });

  it('exits 2 naming a file that is not JSON', async () => {
    const r = await runCli(['validate', file('not-json.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toContain(`${file('not-json.json')} is not JSON`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a usage error', async () => {
    const r = await runCli(['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'model'");
  });
});

describe('conveyor compile', () => {
  it('prints the rule set, exactly stringifyRuleSet(compileModel(model))', async () => {
    const r = await runCli(['compile', file('valid.json')]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(stringifyRuleSet(compileModel(VALID)));
  });

  it('writes the rule set to the -o file', async () => {
    const out = file('rules.json');
    const r = await runCli(['compile', file('warned.json'), '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('warning TOO_MANY_STAGES');
    expect(readFileSync(out, 'utf8')).toBe(
      stringifyRuleSet(compileModel(WARNED as AutomationModel)),
    );
  });

  it('refuses a model with errors: exit 1, diagnostics on stderr, nothing written', async () => {
    const out = file('never.json');
    const r = await runCli(['compile', file('broken.json'), '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error UNKNOWN_STAGE /pipelines/0/stages/0/robots/1/action/stage');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 for a missing model and for an output it cannot write', async () => {
    const missing = await runCli(['compile', file('absent.json')]);
    expect(missing.code).toBe(2);
    const unwritable = await runCli([
      'compile',
      file('valid.json'),
      '-o',
      file('no-such-dir/rules.json'),
    ]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/^conveyor: cannot write .*no-such-dir\/rules\.json: /);
  });
});
