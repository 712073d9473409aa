import { describe, expect, it } from 'vitest';
import { analyzeModel, validateModelSchema } from '../../../schemas/index.js';
import { applyModelAction } from '../../../designer/src/editor/apply-model-action.js';
import { describeTrigger } from '../../../designer/src/canvas/describe.js';
import { TRIGGER_KINDS } from '../../../designer/src/catalogue/trigger-kinds.js';
import en from '../../../designer/src/i18n/en.json' with { type: 'json' };
import ru from '../../../designer/src/i18n/ru.json' with { type: 'json' };
import { fixtureModel } from './fixture-model.js';

const t = (key: string) => (key === 'trigger.duplicate_found' ? 'Duplicate found' : key);

describe('duplicate control in the designer', () => {
  it('adds a duplicate_found trigger from the palette and describes it by its fields', () => {
    const kind = TRIGGER_KINDS.find((k) => k.type === 'duplicate_found');
    expect(kind).toBeDefined();
    let model = applyModelAction(fixtureModel(), {
      type: 'addTrigger',
      pipeline: 'leads',
      stage: 'fresh',
      trigger: kind!.create('dupe', { pipeline: 'leads', stage: 'fresh' }),
    });
    const trigger = model.pipelines[2]!.stages[0]!.triggers[0]!;
    expect(describeTrigger(t as never, trigger, model)).toBe('Duplicate found');
    // Without control the analyzer warns that the trigger can never fire.
    expect(analyzeModel(model).map((d) => d.code)).toContain('DUPLICATES_NOT_DECLARED');

    model = applyModelAction(model, {
      type: 'setDuplicateControl',
      entity: 'lead',
      control: { fields: ['phone', 'email'], against: ['lead', 'contact'], link: true },
    });
    expect(model.entities.lead?.duplicates?.fields).toEqual(['phone', 'email']);
    expect(validateModelSchema(model)).toEqual([]);
    expect(analyzeModel(model).map((d) => d.code)).not.toContain('DUPLICATES_NOT_DECLARED');
    expect(describeTrigger(t as never, trigger, model)).toBe('Duplicate found: phone, email');

    model = applyModelAction(model, {
      type: 'setDuplicateControl',
      entity: 'lead',
      control: undefined,
    });
    expect(model.entities.lead?.duplicates).toBeUndefined();
  });

  it('names the trigger and its form in both languages', () => {
    for (const lang of [en, ru]) {
      expect(lang.trigger.duplicate_found).toBeTruthy();
      expect(lang.triggerDesc.duplicate_found).toBeTruthy();
      expect(Object.keys(lang.duplicates).sort()).toEqual(Object.keys(en.duplicates).sort());
    }
    expect(ru.trigger.duplicate_found).not.toBe(en.trigger.duplicate_found);
  });
});
