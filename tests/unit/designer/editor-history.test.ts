import { describe, expect, it } from 'vitest';
import { validateModelSchema } from '../../../schemas/index.js';
import {
  editorReducer,
  initEditor,
  type EditorState,
} from '../../../designer/src/editor/history.js';
import { applyModelAction } from '../../../designer/src/editor/apply-model-action.js';
import { findRobot } from '../../../designer/src/editor/model-index.js';
import type { EditorAction } from '../../../designer/src/editor/history.js';
import { fixtureModel } from './fixture-model.js';

const run = (actions: EditorAction[], state: EditorState = initEditor(fixtureModel())) =>
  actions.reduce(editorReducer, state);
const stageKeys = (s: EditorState, p = 'sales') =>
  s.present.pipelines.find((x) => x.key === p)?.stages.map((x) => x.key);

describe('editor reducers', () => {
  it('adds, renames, moves and removes stages, each one undoable step', () => {
    const s = run([
      {
        type: 'addStage',
        pipeline: 'sales',
        stage: { key: 'calls', name: 'Calls', kind: 'in_progress', robots: [], triggers: [] },
        index: 1,
      },
      { type: 'renameStage', pipeline: 'sales', stage: 'calls', name: 'Calling' },
      { type: 'moveStage', pipeline: 'sales', stage: 'calls', toIndex: 3 },
    ]);
    expect(stageKeys(s)).toEqual(['new', 'won', 'lost', 'calls']);
    expect(s.present.pipelines[0]?.stages[3]?.name).toBe('Calling');
    expect(s.past).toHaveLength(3);
    const undone = run([{ type: 'undo' }, { type: 'undo' }], s);
    expect(stageKeys(undone)).toEqual(['new', 'calls', 'won', 'lost']);
    expect(undone.present.pipelines[0]?.stages[1]?.name).toBe('Calls');
    const redone = run([{ type: 'redo' }, { type: 'redo' }], undone);
    expect(redone.present).toEqual(s.present);
    expect(validateModelSchema(redone.present)).toEqual([]);
  });

  it('removing a stage takes its robots and triggers along, but never the last stage', () => {
    const s = run([{ type: 'removeStage', pipeline: 'sales', stage: 'new' }]);
    expect(stageKeys(s)).toEqual(['won', 'lost']);
    expect(findRobot(s.present, 'assign1')).toBeNull();
    const last = run([{ type: 'removeStage', pipeline: 'leads', stage: 'fresh' }]);
    expect(last.present.pipelines[2]?.stages).toHaveLength(1);
    expect(last.past).toHaveLength(0);
  });

  it('moves robots between stages and pipelines at a given slot', () => {
    const s = run([
      { type: 'moveRobot', id: 'later', pipeline: 'logistics', stage: 'handed', index: 0 },
    ]);
    expect(findRobot(s.present, 'later')?.stage.key).toBe('handed');
    expect(s.present.pipelines[0]?.stages[0]?.robots.map((r) => r.id)).toEqual(['assign1']);
  });

  it('pastes copies of robots with fresh ids', () => {
    const robot = findRobot(fixtureModel(), 'assign1')?.robot;
    if (!robot) throw new Error('fixture');
    const s = run([
      { type: 'pasteRobots', pipeline: 'logistics', stage: 'request', robots: [robot, robot] },
    ]);
    expect(s.present.pipelines[1]?.stages[0]?.robots.map((r) => r.id)).toEqual([
      'assign1_2',
      'assign1_3',
    ]);
    expect(validateModelSchema(s.present)).toEqual([]);
  });

  it('sets and clears conditions by node id', () => {
    const set = run([
      {
        type: 'setCondition',
        nodeId: 'robot:assign1',
        condition: { '==': [{ var: 'product' }, 'a'] },
      },
    ]);
    expect(findRobot(set.present, 'assign1')?.robot.condition).toEqual({
      '==': [{ var: 'product' }, 'a'],
    });
    const cleared = run(
      [{ type: 'setCondition', nodeId: 'robot:later', condition: undefined }],
      set,
    );
    expect(findRobot(cleared.present, 'later')?.robot).not.toHaveProperty('condition');
  });

  it('connecting a robot to a stage of its pipeline makes it change stage; of another pipeline, create a linked record there', () => {
    const s = run([
      { type: 'connect', source: 'robot:assign1', target: 'stage:sales/won', triggerId: 'x' },
    ]);
    expect(findRobot(s.present, 'assign1')?.robot.action).toEqual({
      type: 'change_stage',
      stage: 'won',
    });
    const handoff = run([
      {
        type: 'connect',
        source: 'robot:assign1',
        target: 'stage:logistics/request',
        triggerId: 'x',
      },
    ]);
    expect(findRobot(handoff.present, 'assign1')?.robot.action).toEqual({
      type: 'create_linked_record',
      entity: 'deal',
      pipeline: 'logistics',
      stage: 'request',
    });
  });

  it('a change-stage robot re-aimed at another pipeline of its entity moves the record there', () => {
    const s = run([
      {
        type: 'connect',
        source: 'robot:later',
        target: 'stage:logistics/request',
        triggerId: 'x',
      },
    ]);
    expect(findRobot(s.present, 'later')?.robot.action).toEqual({
      type: 'change_stage',
      pipeline: 'logistics',
      stage: 'request',
    });
    const other = run([
      { type: 'connect', source: 'robot:later', target: 'stage:leads/fresh', triggerId: 'x' },
    ]);
    expect(findRobot(other.present, 'later')?.robot.action).toEqual({
      type: 'create_linked_record',
      entity: 'lead',
      pipeline: 'leads',
      stage: 'fresh',
    });
  });

  it('connecting stages of two pipelines adds a linked-record trigger to the target', () => {
    const s = run([
      {
        type: 'connect',
        source: 'stage:logistics/handed',
        target: 'stage:sales/won',
        triggerId: 'shipped',
      },
    ]);
    expect(s.present.pipelines[0]?.stages[1]?.triggers).toEqual([
      {
        id: 'shipped',
        type: 'linked_record_stage',
        entity: 'deal',
        pipeline: 'logistics',
        stage: 'handed',
      },
    ]);
    const same = run([
      { type: 'connect', source: 'stage:sales/new', target: 'stage:sales/won', triggerId: 'y' },
    ]);
    expect(same.past).toHaveLength(0);
  });

  it('layout edits are undoable and auto layout forgets lane positions', () => {
    const s = run([
      { type: 'setLayout', positions: { 'pipeline:sales': { x: 10, y: 500 } } },
      { type: 'autoLayout' },
    ]);
    expect(s.present.layout?.nodes).toEqual({});
    expect(run([{ type: 'undo' }], s).present.layout?.nodes['pipeline:sales']).toEqual({
      x: 10,
      y: 500,
    });
  });

  it('a no-op edit records no history and a new edit clears redo', () => {
    const s = run([{ type: 'renameStage', pipeline: 'sales', stage: 'new', name: 'New' }]);
    expect(s.past).toHaveLength(0);
    const branched = run([
      { type: 'renameModel', name: 'A' },
      { type: 'undo' },
      { type: 'renameModel', name: 'B' },
    ]);
    expect(branched.future).toHaveLength(0);
    expect(branched.present.name).toBe('B');
  });

  it('never mutates its input', () => {
    const model = fixtureModel();
    const before = JSON.stringify(model);
    applyModelAction(model, {
      type: 'removeNodes',
      nodeIds: ['robot:assign1', 'trigger:paid', 'pipeline:leads'],
    });
    expect(JSON.stringify(model)).toBe(before);
  });
});
