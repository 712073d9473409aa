import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AutomationModel } from '../../../schemas/index.js';
import { diffModels } from '../../../schemas/diff/diff-models.js';
import { automationModel, shuffleKeys } from '../compiler/model-arbitrary.js';

const load = (slug: string): AutomationModel =>
  JSON.parse(readFileSync(`examples/${slug}/model.json`, 'utf8')) as AutomationModel;
const copy = <T>(v: T): T => structuredClone(v);

describe('diffModels', () => {
  const base = load('reaction-time-control');

  it('reports a changed delay as one property change with before and after', () => {
    const next = copy(base);
    const robot = next.pipelines[0]!.stages[0]!.robots[1]!;
    robot.timing = { kind: 'delay', duration: { value: 20, unit: 'minutes' } };
    expect(diffModels(base, next)).toEqual([
      {
        kind: 'changed',
        nodeId: 'robot:remind_after_15_min',
        path: '/pipelines/0/stages/0/robots/1/timing/duration/value',
        before: 15,
        after: 20,
      },
    ]);
  });

  it('reports added and removed robots and stages without noise on their parents', () => {
    const next = copy(base);
    const stages = next.pipelines[0]!.stages;
    const removed = stages[0]!.robots.splice(3, 1)[0]!;
    stages.splice(1, 0, {
      key: 'qualify',
      name: 'Qualify',
      kind: 'in_progress',
      robots: [],
      triggers: [],
    });
    const d = diffModels(base, next);
    expect(d.map((e) => [e.kind, e.nodeId])).toEqual([
      ['added', 'stage:sales/qualify'],
      ['removed', `robot:${removed.id}`],
    ]);
    expect(d[1]?.path).toBe('/pipelines/0/stages/0/robots/3');
  });

  it('reports a robot moved to another stage and reordered stages', () => {
    const next = copy(base);
    const [first, second] = next.pipelines[0]!.stages;
    second!.robots.push(first!.robots.shift()!);
    const d = diffModels(base, next);
    expect(d).toContainEqual({
      kind: 'changed',
      nodeId: 'robot:notify_new_request',
      path: '/pipelines/0/stages/1/robots/0',
      before: 'sales/new_request',
      after: 'sales/in_progress',
    });
    const swapped = copy(base);
    const s = swapped.pipelines[0]!.stages;
    [s[2], s[3]] = [s[3]!, s[2]!];
    expect(diffModels(base, swapped).map((e) => [e.nodeId, e.path])).toEqual([
      ['pipeline:sales', '/pipelines/0'],
    ]);
  });

  it('covers fields, templates, directory and model settings', () => {
    const a = load('message-templates');
    const b = copy(a);
    b.name = 'Renamed';
    b.templates![0]!.body = 'Hello {{ record.title }}';
    b.directory!.users.pop();
    b.entities.deal!.fields.push({ key: 'extra_note', label: 'Note', type: 'string' });
    const ids = diffModels(a, b).map((e) => `${e.kind} ${e.nodeId}`);
    expect(ids).toContain('changed model');
    expect(ids).toContain(`changed template:${a.templates![0]!.key}`);
    expect(ids).toContain('added field:deal/extra_note');
    expect(ids).toContain(`removed directory:users/${a.directory!.users.at(-1)!.key}`);
  });

  it('ignores layout and key order; diff(a, a) is empty (property)', () => {
    fc.assert(
      fc.property(
        automationModel,
        fc.dictionary(fc.string({ maxLength: 8 }), fc.record({ x: fc.integer(), y: fc.integer() })),
        fc.integer(),
        (model, nodes, seed) => {
          expect(diffModels(model, model)).toEqual([]);
          const moved = {
            ...(shuffleKeys(model, seed) as AutomationModel),
            layout: { nodes },
            simulations: [{ name: 'saved run' }],
          };
          expect(diffModels(model, moved)).toEqual([]);
          expect(diffModels(moved, model)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is symmetric: added one way is removed the other (property)', () => {
    fc.assert(
      fc.property(automationModel, automationModel, (a, b) => {
        const there = diffModels(a, b);
        const back = diffModels(b, a);
        const count = (d: typeof there, k: string) => d.filter((e) => e.kind === k).length;
        expect(count(there, 'added')).toBe(count(back, 'removed'));
        expect(count(there, 'changed')).toBe(count(back, 'changed'));
      }),
      { numRuns: 100 },
    );
  });
});
