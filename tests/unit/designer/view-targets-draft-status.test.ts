import { describe, expect, it } from 'vitest';
import { viewTargets } from '../../../designer/src/canvas/view-targets.js';
import { draftStatus } from '../../../designer/src/app/draft-status.js';
import { fixtureModel } from './fixture-model.js';

describe('what the canvas keeps in view on resize', () => {
  it('prefers marks, then the selection, else nothing (the whole model)', () => {
    const marks = new Map([['robot:r1', 'fired' as const]]);
    expect(viewTargets(['stage:a:b'], marks)).toEqual(['robot:r1']);
    expect(viewTargets(['stage:a:b'], new Map())).toEqual(['stage:a:b']);
    expect(viewTargets([], undefined)).toEqual([]);
  });
});

describe('draft status on the model list', () => {
  it('tells unpublished changes from layout moves and never-published drafts', () => {
    const published = fixtureModel();
    expect(draftStatus(published, undefined)).toBe('notPublished');
    const moved = { ...published, layout: { nodes: { 'pipeline:x': { x: 500, y: 9 } } } };
    expect(draftStatus(moved, published)).toBe('upToDate');
    expect(draftStatus({ ...published, name: 'Other' }, published)).toBe('unpublishedChanges');
  });
});
