import { describe, expect, it } from 'vitest';
import { analyzeModel, type AutomationModel } from '../../../schemas/index.js';
import { linkSource, linkTarget } from '../../../designer/src/catalogue/link-defaults.js';
import { newRobot, newTrigger } from '../../../designer/src/palette/new-node.js';
import { handOff } from '../../../designer/src/palette/hand-off.js';

const stage = (key: string, kind: 'in_progress' | 'success' | 'failure' = 'in_progress') => ({
  key,
  name: key,
  kind,
  robots: [],
  triggers: [],
});

/** Sales and logistics as an admin has them before linking anything. */
function twoPipelines(): AutomationModel {
  return {
    schemaVersion: 1,
    id: 'm',
    name: 'M',
    entities: {},
    pipelines: [
      {
        key: 'sales',
        name: 'Sales',
        entity: 'deal',
        stages: [stage('new'), stage('paid'), stage('shipped')],
      },
      {
        key: 'logistics',
        name: 'Logistics',
        entity: 'deal',
        stages: [stage('request'), stage('with_courier'), stage('delivered', 'success')],
      },
    ],
  } as AutomationModel;
}

const directory = { users: [], departments: [], queues: [] };
const names = {
  newPipeline: 'New pipeline',
  newStage: 'New stage',
  robot: (p: string) => `Hand to ${p}`,
  trigger: (p: string, s: string) => `${p}: ${s} reached`,
};
const errors = (m: AutomationModel) =>
  analyzeModel(m, { directory }).filter((d) => d.severity === 'error');

describe('defaults of linked records', () => {
  it('"Create linked record" proposes another pipeline and its first stage', () => {
    expect(linkTarget(twoPipelines(), 'sales')).toEqual({
      entity: 'deal',
      pipeline: 'logistics',
      stage: 'request',
    });
    const robot = newRobot(
      twoPipelines(),
      'create_linked_record',
      { pipeline: 'sales', stage: 'paid' },
      directory,
    );
    expect(robot?.action).toMatchObject({ pipeline: 'logistics', stage: 'request' });
  });

  it('"Linked record reached stage" proposes a stage of the linked pipeline, never its own', () => {
    const m = twoPipelines();
    expect(linkSource(m, 'sales')).toEqual({
      entity: 'deal',
      pipeline: 'logistics',
      stage: 'delivered',
    });
    const trigger = newTrigger(m, 'linked_record_stage', { pipeline: 'sales', stage: 'shipped' });
    expect(trigger).toMatchObject({ pipeline: 'logistics', stage: 'delivered' });
    const withTrigger = structuredClone(m);
    withTrigger.pipelines[0]!.stages[2]!.triggers.push(trigger!);
    expect(errors(withTrigger)).toEqual([]);
  });

  it('hands off in one step: the robot and the return trigger as a pair, with no error', () => {
    const done = handOff(twoPipelines(), { pipeline: 'sales', stage: 'paid' }, directory, names);
    expect(done).not.toBeNull();
    const sales = done!.model.pipelines[0]!;
    expect(sales.stages[1]!.robots[0]).toMatchObject({
      id: done!.robotId,
      name: 'Hand to Logistics',
      action: { type: 'create_linked_record', pipeline: 'logistics', stage: 'request' },
    });
    expect(sales.stages[2]!.triggers[0]).toMatchObject({
      type: 'linked_record_stage',
      name: 'Logistics: delivered reached',
      pipeline: 'logistics',
      stage: 'delivered',
    });
    expect(errors(done!.model)).toEqual([]);
  });

  it('from a model with one pipeline, the hand-off creates the other pipeline and a next stage', () => {
    const one = twoPipelines();
    one.pipelines = [{ ...one.pipelines[0]!, stages: [stage('new')] }];
    const done = handOff(one, { pipeline: 'sales', stage: 'new' }, directory, names);
    expect(done!.model.pipelines.map((p) => p.key)).toEqual(['sales', 'new_pipeline']);
    expect(done!.model.pipelines[0]!.stages.map((s) => s.name)).toEqual(['new', 'New stage']);
    expect(errors(done!.model)).toEqual([]);
  });
});
