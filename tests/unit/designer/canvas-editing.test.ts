import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../../schemas/validation/create-ajv.js';
import type { AutomationModel } from '../../../schemas/index.js';
import { initialViewport, READABLE_ZOOM } from '../../../designer/src/canvas/initial-viewport.js';
import { laneGeometry } from '../../../designer/src/canvas/lane-geometry.js';
import { dragToAction } from '../../../designer/src/canvas/drag-to-action.js';
import { editorReducer, initEditor } from '../../../designer/src/editor/history.js';
import { coalesceKey } from '../../../designer/src/editor/coalesce-key.js';
import { textChangePath } from '../../../designer/src/editor/text-change-path.js';
import { findRobot } from '../../../designer/src/editor/model-index.js';
import { stageRemovalMessage } from '../../../designer/src/inspector/stage-removal-message.js';
import { conditionSchema } from '../../../designer/src/monaco/condition-schema.js';
import { entityFields } from '../../../designer/src/condition/condition-fields.js';
import { conditionFields } from '../../../designer/src/condition/condition-fields-with-stage.js';
import { i18n } from '../../../designer/src/i18n/i18n.js';
import { benchModel } from '../../../bench/designer-render.js';
import { fixtureModel } from './fixture-model.js';

describe('initialViewport', () => {
  it('centres a model that fits at a readable zoom, never above 1', () => {
    const model = fixtureModel();
    const v = initialViewport(model, { width: 3000, height: 3000 });
    expect(v.zoom).toBe(1);
    const lanes = laneGeometry(model);
    const width = Math.max(...lanes.map((l) => l.x + l.width));
    expect(v.x).toBeCloseTo((3000 - width) / 2);
  });

  it('opens a large model at its top-left corner at the readable zoom instead of shrinking it', () => {
    const v = initialViewport(benchModel('big', 1000), { width: 1100, height: 700 });
    expect(v).toEqual({ x: 24, y: 24, zoom: READABLE_ZOOM });
  });

  it('copes with a zero-size container', () => {
    expect(initialViewport(fixtureModel(), { width: 0, height: 0 }).zoom).toBe(1);
  });
});

describe('undo steps', () => {
  it('a stage dragged to another column is one undoable step', () => {
    const model = fixtureModel();
    const lane = laneGeometry(model)[0];
    const action = dragToAction(model, 'stage:sales/new', { x: 700, y: lane?.stageY ?? 0 });
    expect(action).toMatchObject({ type: 'moveStage', toIndex: 2 });
    if (!action) return;
    const moved = editorReducer(initEditor(model), action);
    expect(moved.present.pipelines[0]?.stages.map((s) => s.key)).toEqual(['won', 'lost', 'new']);
    expect(moved.past).toHaveLength(1);
    expect(editorReducer(moved, { type: 'undo' }).present).toEqual(model);
  });

  it('keystrokes of one rename are one step; another edit starts a new one', () => {
    const typed = ['N', 'Ne', 'New r', 'New request'].reduce(
      (s, name) => editorReducer(s, { type: 'renameStage', pipeline: 'sales', stage: 'new', name }),
      initEditor(fixtureModel()),
    );
    expect(typed.past).toHaveLength(1);
    expect(typed.present.pipelines[0]?.stages[0]?.name).toBe('New request');
    const other = editorReducer(typed, {
      type: 'renameStage',
      pipeline: 'sales',
      stage: 'won',
      name: 'Won!',
    });
    expect(other.past).toHaveLength(2);
    const back = editorReducer(editorReducer(other, { type: 'undo' }), { type: 'undo' });
    expect(back.present).toEqual(fixtureModel());
    // After an undo, typing into the same field again is a new step, not a merge.
    const again = editorReducer(editorReducer(typed, { type: 'undo' }), {
      type: 'renameStage',
      pipeline: 'sales',
      stage: 'new',
      name: 'X',
    });
    expect(again.past).toHaveLength(1);
    expect(editorReducer(again, { type: 'undo' }).present).toEqual(fixtureModel());
  });

  it('typing into one text of a robot is one step; a change of another kind is its own', () => {
    const start = initEditor(fixtureModel());
    const robot = findRobot(start.present, 'assign1')?.robot;
    if (!robot) throw new Error('fixture');
    const typed = ['G', 'Gi', 'Give'].reduce(
      (s, name) => editorReducer(s, { type: 'updateRobot', robot: { ...robot, name } }),
      start,
    );
    expect(typed.past).toHaveLength(1);
    const timed = editorReducer(typed, {
      type: 'updateRobot',
      robot: {
        ...robot,
        name: 'Give',
        timing: { kind: 'delay', duration: { value: 5, unit: 'minutes' } },
      },
    });
    expect(timed.past).toHaveLength(2);
    expect(editorReducer(editorReducer(timed, { type: 'undo' }), { type: 'undo' }).present).toEqual(
      fixtureModel(),
    );
  });

  it('textChangePath finds the one string that changed, and nothing else', () => {
    expect(textChangePath({ a: { b: 'x' }, c: 1 }, { a: { b: 'xy' }, c: 1 })).toBe('/a/b');
    expect(textChangePath({ a: 'x', b: 'y' }, { a: 'x1', b: 'y1' })).toBe(null);
    expect(textChangePath({ a: 1 }, { a: 2 })).toBe(null);
    expect(textChangePath({ a: 'x' }, { a: 'x', b: 'y' })).toBe('/b');
    expect(textChangePath({ a: 'x' }, { a: 'x', b: 2 })).toBe(null);
    expect(textChangePath(['a', 'b'], ['a', 'c'])).toBe('/1');
  });

  it('only renames coalesce', () => {
    expect(coalesceKey({ type: 'renameModel', name: 'x' })).toBe('renameModel');
    expect(coalesceKey({ type: 'moveStage', pipeline: 'p', stage: 's', toIndex: 1 })).toBe(
      undefined,
    );
    expect(
      coalesceKey({ type: 'updateStage', pipeline: 'p', stage: 's', patch: { kind: 'success' } }),
    ).toBe(undefined);
  });
});

describe('stageRemovalMessage', () => {
  it('names every robot and trigger that goes with the stage', async () => {
    await i18n.changeLanguage('en');
    const model = fixtureModel();
    const stage = model.pipelines[0]?.stages[0];
    if (!stage) throw new Error('fixture');
    const text = stageRemovalMessage(i18n.t, model, {
      ...stage,
      robots: [{ ...stage.robots[0]!, name: 'Give to Ivanov' }, stage.robots[1]!],
    });
    expect(text).toContain('“New”');
    expect(text).toContain('Robots: Give to Ivanov, Change stage');
    expect(text).toContain('Triggers: Payment received');
    await i18n.changeLanguage('ru');
    expect(stageRemovalMessage(i18n.t, model, stage)).toContain('Роботы:');
    await i18n.changeLanguage('en');
  });
});

describe('conditionSchema', () => {
  const model = fixtureModel();
  const validate = createAjv().compile(conditionSchema(entityFields(model, 'deal', 'en')));

  it('accepts every condition of the example models', () => {
    const conditions: unknown[] = [];
    for (const slug of ['deal-distribution', 'reaction-time-control', 'subscriptions']) {
      const m = JSON.parse(readFileSync(`examples/${slug}/model.json`, 'utf8')) as AutomationModel;
      for (const p of m.pipelines)
        for (const s of p.stages)
          for (const r of s.robots) if (r.condition !== undefined) conditions.push(r.condition);
    }
    expect(conditions.length).toBeGreaterThan(3);
    for (const c of conditions) expect(validate(c), JSON.stringify(c)).toBe(true);
  });

  it('refuses operations outside the runtime allow-list and offers the fields by key', () => {
    expect(validate({ log: [1] })).toBe(false);
    expect(validate({ and: [{ '>': [{ var: 'amount' }, 1] }, { eval: 'x' }] })).toBe(false);
    const schema = conditionSchema(entityFields(model, 'deal', 'en')) as {
      definitions: { var: { properties: { var: { anyOf: Array<{ enum?: string[] }> } } } };
    };
    expect(schema.definitions.var.properties.var.anyOf[0]?.enum).toEqual(
      expect.arrayContaining(['amount', 'product', 'end_date']),
    );
  });
});

describe('conditionFields', () => {
  it('offers the stage as a pick-list of the entity pipelines, named by pipeline when several', () => {
    const stage = conditionFields(fixtureModel(), 'deal', 'en').find((f) => f.key === 'stage');
    expect(stage?.type).toBe('enum');
    expect(stage?.options).toEqual(
      expect.arrayContaining([
        { key: 'won', label: 'Sales / Won' },
        { key: 'request', label: 'Logistics / Request' },
      ]),
    );
    const leads = conditionFields(fixtureModel(), 'lead', 'ru').find((f) => f.key === 'stage');
    expect(leads).toMatchObject({ label: 'Стадия', options: [{ key: 'fresh', label: 'Fresh' }] });
  });
});
