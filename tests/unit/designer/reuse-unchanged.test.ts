import { describe, expect, it } from 'vitest';
import { toFlow } from '../../../designer/src/canvas/to-flow.js';
import { labelNodes } from '../../../designer/src/canvas/node-labels.js';
import { reuseUnchanged } from '../../../designer/src/canvas/reuse-unchanged.js';
import { applyModelAction } from '../../../designer/src/editor/apply-model-action.js';
import { i18n } from '../../../designer/src/i18n/i18n.js';
import { fixtureModel } from './fixture-model.js';

const directory = { users: [], departments: [], queues: [] };
const view = (model = fixtureModel()) =>
  labelNodes(toFlow(model).nodes, model, directory, i18n.t, 'en');

describe('labelNodes', () => {
  it('gives robots their action, timing and condition in a few words, and triggers their event', async () => {
    await i18n.changeLanguage('en');
    const byId = new Map(view().map((n) => [n.id, n]));
    const later = byId.get('robot:later');
    expect(later?.type === 'robot' && later.data.text).toEqual({
      action: '→ Sales / Won',
      timing: 'after 15 min',
      condition: 'Amount > 1000',
    });
    const paid = byId.get('trigger:paid');
    expect(paid?.type === 'trigger' && paid.data.text).toBe('Payment received');
  });
});

describe('reuseUnchanged', () => {
  it('keeps the previous object of every node an edit did not touch', () => {
    const before = view();
    const renamed = applyModelAction(fixtureModel(), {
      type: 'renameStage',
      pipeline: 'logistics',
      stage: 'request',
      name: 'Requests',
    });
    const after = reuseUnchanged(before, view(renamed));
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    // The stage itself and its lane (which carries the pipeline) change; nothing else.
    expect(changed).toEqual(['pipeline:logistics', 'stage:logistics/request']);
  });

  it('returns the previous array itself when nothing changed', () => {
    const before = view();
    expect(reuseUnchanged(before, view())).toBe(before);
  });

  it('re-renders a robot whose text changed because another node was renamed', () => {
    const before = view();
    const renamed = applyModelAction(fixtureModel(), {
      type: 'renameStage',
      pipeline: 'sales',
      stage: 'won',
      name: 'Closed',
    });
    const after = reuseUnchanged(before, view(renamed));
    const robot = after.find((n) => n.id === 'robot:later');
    expect(robot).not.toBe(before.find((n) => n.id === 'robot:later'));
    expect(robot?.type === 'robot' && robot.data.text?.action).toBe('→ Sales / Closed');
  });
});
