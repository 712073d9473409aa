import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  type AutomationModel,
  type Directory,
  type Pipeline,
} from '../../../schemas/index.js';
import { comparePaths } from '../../../schemas/analyzer/diagnostic.js';
import { validModel } from './fixtures/valid-model.js';

/** `count` deal pipelines of 7 stages, each stage moving on to the next at once. */
function chainModel(count: number): AutomationModel {
  const pipelines: Pipeline[] = Array.from({ length: count }, (_, p) => ({
    key: `p${p}`,
    name: `Pipeline ${p}`,
    entity: 'deal',
    stages: Array.from({ length: 7 }, (_, s) => ({
      key: `s${s}`,
      name: `Stage ${s}`,
      kind: s === 6 ? 'success' : 'in_progress',
      robots:
        s < 6
          ? [
              {
                id: `r${p}_${s}`,
                timing: { kind: 'immediate' },
                action: { type: 'change_stage', stage: `s${s + 1}` },
              },
            ]
          : p + 1 < count
            ? [
                {
                  id: `r${p}_${s}`,
                  timing: { kind: 'immediate' },
                  action: { type: 'change_stage', pipeline: `p${p + 1}`, stage: 's0' },
                },
              ]
            : [],
      triggers: [],
    })),
  }));
  return { schemaVersion: 1, id: 'chain', name: 'Chain', entities: {}, pipelines };
}

describe('analyzeModel on valid models', () => {
  it('finds nothing in the rich fixture', () => {
    expect(analyzeModel(validModel())).toEqual([]);
  });

  it('resolves users, departments and queues against the runtime directory too', () => {
    const model = validModel();
    const directory = model.directory as Directory;
    delete model.directory;
    expect(analyzeModel(model).map((d) => d.code)).toContain('UNKNOWN_USER');
    expect(analyzeModel(model, { directory })).toEqual([]);
  });

  it('handles a long chain of stages across 100 pipelines, and finds the loop once it is closed', () => {
    const model = chainModel(100);
    expect(analyzeModel(model)).toEqual([]);
    const last = model.pipelines[99]?.stages[6];
    last?.robots.push({
      id: 'back',
      timing: { kind: 'immediate' },
      action: { type: 'change_stage', pipeline: 'p0', stage: 's0' },
    });
    const found = analyzeModel(model);
    expect(found.map((d) => d.code)).toEqual(['CYCLE']);
    expect(found[0]?.path).toBe('/pipelines/0/stages/0/robots/0');
    expect(found[0]?.message).toContain('"Pipeline 0 / Stage 0" -> "Pipeline 0 / Stage 1"');
    expect(found[0]?.message).toContain('"Pipeline 99 / Stage 6" -> "Pipeline 0 / Stage 0"');
  });
});

describe('analyzeModel output', () => {
  const broken = (): AutomationModel => {
    const m = validModel();
    for (const p of m.pipelines)
      p.stages.push({ key: 'extra', name: 'Extra', kind: 'in_progress', robots: [], triggers: [] });
    const r = m.pipelines[1]?.stages[1]?.robots;
    r?.push({
      id: 'back',
      timing: { kind: 'immediate' },
      action: { type: 'change_stage', stage: 'new_request' },
    });
    r?.push({
      id: 'bad',
      condition: { '>': [{ var: 'nope' }, 'x'] },
      timing: { kind: 'immediate' },
      action: { type: 'add_comment', text: '{{ record.zzz }}' },
    });
    return m;
  };

  it('is sorted by path (indexes numerically), then code, and the same on every run', () => {
    const a = analyzeModel(broken());
    expect(a.length).toBeGreaterThan(5);
    for (let i = 1; i < a.length; i += 1) {
      const prev = a[i - 1]!;
      const cur = a[i]!;
      const c = comparePaths(prev.path, cur.path);
      expect(c < 0 || (c === 0 && prev.code <= cur.code)).toBe(true);
    }
    expect(analyzeModel(broken())).toEqual(a);
  });

  it('orders /pipelines/2 before /pipelines/10', () => {
    expect(comparePaths('/pipelines/2/key', '/pipelines/10/key')).toBeLessThan(0);
    expect(comparePaths('/pipelines/2', '/pipelines/2/key')).toBeLessThan(0);
  });

  it('badges canvas nodes', () => {
    const codes = analyzeModel(broken()).map((d) => `${d.code} ${d.nodeId ?? '-'}`);
    expect(codes).toContain('CYCLE robot:start_preparing');
    expect(codes).toContain('UNKNOWN_PLACEHOLDER robot:bad');
    expect(codes).toContain('UNREACHABLE_STAGE stage:logistics/extra');
  });

  it('does not report a stage marked as moved by people (manual), nor what it leads to', () => {
    const m = broken();
    const logistics = m.pipelines.find((p) => p.key === 'logistics')!;
    const extra = logistics.stages.find((s) => s.key === 'extra')!;
    extra.manual = true;
    logistics.stages.push({
      key: 'after_extra',
      name: 'After extra',
      kind: 'in_progress',
      robots: [],
      triggers: [],
    });
    extra.robots.push({
      id: 'onwards',
      timing: { kind: 'immediate' },
      action: { type: 'change_stage', stage: 'after_extra' },
    });
    const codes = analyzeModel(m).map((d) => `${d.code} ${d.nodeId ?? '-'}`);
    expect(codes).not.toContain('UNREACHABLE_STAGE stage:logistics/extra');
    expect(codes).not.toContain('UNREACHABLE_STAGE stage:logistics/after_extra');
  });
});
