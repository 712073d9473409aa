import { describe, expect, it } from 'vitest';
import { placeholders } from '../../../designer/src/inspector/placeholders.js';
import { fixtureModel } from './fixture-model.js';

describe('placeholders offered in template fields', () => {
  it('offers the stage and pipeline names first, before their keys', () => {
    const list = placeholders(fixtureModel(), 'deal', 'ru');
    expect(list.slice(0, 2)).toEqual(['record.stageName', 'record.pipelineName']);
    expect(list).toContain('record.stage');
  });
});
