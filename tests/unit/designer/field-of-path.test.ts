import { describe, expect, it } from 'vitest';
import { fieldOfPath, nodeOfPath } from '../../../designer/src/inspector/field-of-path.js';
import { fixtureModel } from './fixture-model.js';

describe('a schema error points at its node and field', () => {
  it('finds the robot of a path and the control of its delay', () => {
    const model = fixtureModel();
    const robot = model.pipelines[0]!.stages[0]!.robots[0]!;
    const at = nodeOfPath(model, '/pipelines/0/stages/0/robots/0/timing/duration/value');
    expect(at).toEqual({ nodeId: `robot:${robot.id}`, rel: '/timing/duration/value' });
    expect(fieldOfPath(at!.nodeId, at!.rel)).toBe('timing-duration');
    expect(fieldOfPath('stage:sales/new', '/name')).toBe('stage-name');
  });

  it('answers null outside pipelines or for missing parts, never throws', () => {
    const model = fixtureModel();
    expect(nodeOfPath(model, '/entities/deal/fields/0')).toBeNull();
    expect(nodeOfPath(model, '/pipelines/99/stages/0')).toBeNull();
    expect(nodeOfPath({ ...model, pipelines: 'x' as never }, '/pipelines/0')).toBeNull();
  });
});
