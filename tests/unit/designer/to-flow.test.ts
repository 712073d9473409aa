import { describe, expect, it } from 'vitest';
import { toFlow } from '../../../designer/src/canvas/to-flow.js';
import { dragToAction } from '../../../designer/src/canvas/drag-to-action.js';
import { stageAtPoint } from '../../../designer/src/canvas/stage-at-point.js';
import { applyModelAction } from '../../../designer/src/editor/apply-model-action.js';
import {
  COLUMN_WIDTH,
  LANE_HEADER_WIDTH,
  laneGeometry,
} from '../../../designer/src/canvas/lane-geometry.js';
import { fixtureModel } from './fixture-model.js';

describe('toFlow', () => {
  it('maps each pipeline to a lane with its stages in order, triggers above and robots below', () => {
    const { nodes } = toFlow(fixtureModel());
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(nodes.filter((n) => n.type === 'lane').map((n) => n.id)).toEqual([
      'pipeline:sales',
      'pipeline:logistics',
      'pipeline:leads',
    ]);
    const stages = ['new', 'won', 'lost'].map((k) => byId.get(`stage:sales/${k}`));
    expect(stages.map((s) => s?.position.x)).toEqual(
      [0, 1, 2].map((i) => LANE_HEADER_WIDTH + i * COLUMN_WIDTH),
    );
    const stage = byId.get('stage:sales/new');
    const r1 = byId.get('robot:assign1');
    const r2 = byId.get('robot:later');
    const trigger = byId.get('trigger:paid');
    expect(r1?.parentId).toBe('pipeline:sales');
    expect(r1?.position.x).toBe(stage?.position.x);
    expect(r1!.position.y).toBeGreaterThan(stage!.position.y);
    expect(r2!.position.y).toBeGreaterThan(r1!.position.y);
    expect(trigger!.position.y).toBeLessThan(stage!.position.y);
    // Parents come before children, as React Flow requires.
    const index = (id: string) => nodes.findIndex((n) => n.id === id);
    expect(index('pipeline:sales')).toBeLessThan(index('robot:assign1'));
  });

  it('lanes do not overlap and a moved lane keeps its stored position', () => {
    const lanes = laneGeometry(fixtureModel());
    for (let i = 1; i < lanes.length; i++)
      expect(lanes[i]!.y).toBeGreaterThanOrEqual(lanes[i - 1]!.y + lanes[i - 1]!.height);
    const model = applyModelAction(fixtureModel(), {
      type: 'setLayout',
      positions: { 'pipeline:leads': { x: 900, y: -300 } },
    });
    expect(toFlow(model).nodes.find((n) => n.id === 'pipeline:leads')?.position).toEqual({
      x: 900,
      y: -300,
    });
  });

  it('draws edges for change stage, linked records and linked-record triggers', () => {
    let model = applyModelAction(fixtureModel(), {
      type: 'connect',
      source: 'robot:assign1',
      target: 'stage:leads/fresh',
      triggerId: 't',
    });
    model = applyModelAction(model, {
      type: 'connect',
      source: 'stage:logistics/handed',
      target: 'stage:sales/won',
      triggerId: 'shipped',
    });
    const { edges } = toFlow(model);
    expect(edges.map((e) => [e.source, e.target, e.data?.kind])).toEqual([
      ['robot:assign1', 'stage:leads/fresh', 'create_linked_record'],
      ['robot:later', 'stage:sales/won', 'change_stage'],
      ['stage:logistics/handed', 'trigger:shipped', 'linked_record_stage'],
    ]);
  });

  it('badges nodes with their diagnostics and marks the selection', () => {
    const { nodes } = toFlow(
      fixtureModel(),
      [
        {
          code: 'X',
          severity: 'error',
          path: '/pipelines/0',
          nodeId: 'robot:later',
          message: 'bad',
        },
        {
          code: 'Y',
          severity: 'warning',
          path: '/pipelines/0',
          nodeId: 'robot:later',
          message: 'meh',
        },
      ],
      new Set(['stage:sales/won']),
    );
    const robot = nodes.find((n) => n.id === 'robot:later');
    expect(robot?.type === 'robot' && robot.data.issues).toEqual({
      errors: 1,
      warnings: 1,
      messages: ['bad', 'meh'],
    });
    expect(nodes.find((n) => n.id === 'stage:sales/won')?.selected).toBe(true);
    expect(nodes.find((n) => n.id === 'stage:sales/new')?.selected).toBe(false);
  });
});

describe('layout updates back to the model', () => {
  it('dropping a stage in another column reorders it; in its own column does nothing', () => {
    const model = fixtureModel();
    expect(
      dragToAction(model, 'stage:sales/new', {
        x: LANE_HEADER_WIDTH + 2 * COLUMN_WIDTH + 20,
        y: 80,
      }),
    ).toEqual({
      type: 'moveStage',
      pipeline: 'sales',
      stage: 'new',
      toIndex: 2,
    });
    expect(dragToAction(model, 'stage:sales/new', { x: LANE_HEADER_WIDTH + 30, y: 0 })).toBeNull();
  });

  it('dropping a robot under another stage moves it there; a lane drag stores its position', () => {
    const model = fixtureModel();
    const lanes = laneGeometry(model);
    const logistics = lanes[1]!;
    const sales = lanes[0]!;
    // Relative to the sales lane, pointing at logistics/handed's robot area.
    const target = {
      x: logistics.x + LANE_HEADER_WIDTH + COLUMN_WIDTH - sales.x,
      y: logistics.y + logistics.stageY + 100 - sales.y,
    };
    expect(dragToAction(model, 'robot:assign1', target)).toEqual({
      type: 'moveRobot',
      id: 'assign1',
      pipeline: 'logistics',
      stage: 'handed',
      index: 0,
    });
    expect(dragToAction(model, 'pipeline:sales', { x: 5.4, y: 7.6 })).toEqual({
      type: 'setLayout',
      positions: { 'pipeline:sales': { x: 5, y: 8 } },
    });
  });

  it('finds the stage under a palette drop point', () => {
    const model = fixtureModel();
    const lane = laneGeometry(model)[0]!;
    expect(
      stageAtPoint(model, { x: lane.x + LANE_HEADER_WIDTH + COLUMN_WIDTH + 10, y: lane.y + 30 }),
    ).toEqual({ pipeline: 'sales', stage: 'won' });
    expect(stageAtPoint(model, { x: -1000, y: -1000 })).toBeNull();
  });
});

describe('toFlow marks', () => {
  it('puts a mark on the marked nodes only', () => {
    const model = fixtureModel();
    const first = toFlow(model).nodes.find((n) => n.type === 'robot');
    expect(first).toBeDefined();
    const marked = toFlow(model, [], new Set(), new Map([[first?.id ?? '', 'fired' as const]]));
    const marks = marked.nodes.filter((n) => n.type !== 'lane' && 'mark' in n.data && n.data.mark);
    expect(marks.map((n) => n.id)).toEqual([first?.id]);
  });
});
