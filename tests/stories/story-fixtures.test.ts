import { describe, expect, it } from 'vitest';
import { Action, Trigger, analyzeModel, validateModelSchema } from '../../schemas/index.js';
import { SAMPLE_ACTIONS, SAMPLE_TRIGGERS } from '../../stories/support/catalogue-samples.js';
import { modelWithRobot, modelWithTrigger, WORKBENCH } from '../../stories/support/fixtures.js';
import { createFakeApiClient } from '../../stories/support/fake-api-client.js';
import { ApiError } from '../../designer/src/api/api-types.js';

/** The `type` constants of a TypeBox union of objects: the kinds the schema knows. */
function kinds(union: unknown): string[] {
  const members = (union as { anyOf: Array<{ properties: { type: { const: string } } }> }).anyOf;
  return members.map((m) => m.properties.type.const).sort();
}

describe('story fixtures', () => {
  it('have a sample of every action and trigger kind the schema knows', () => {
    expect(Object.keys(SAMPLE_ACTIONS).sort()).toEqual(kinds(Action));
    expect(Object.keys(SAMPLE_TRIGGERS).sort()).toEqual(kinds(Trigger));
  });

  it.each(Object.values(SAMPLE_ACTIONS))('shows a schema-valid model for $type', (action) => {
    expect(validateModelSchema(modelWithRobot(action).model)).toEqual([]);
  });

  it.each(Object.values(SAMPLE_TRIGGERS))('shows a schema-valid model for $type', (trigger) => {
    expect(validateModelSchema(modelWithTrigger(trigger).model)).toEqual([]);
  });
});

describe('fake API client', () => {
  it('answers like the runtime: 404, 409, 422 with diagnostics, then a published version', async () => {
    const api = createFakeApiClient({ models: [WORKBENCH] });
    await expect(api.getModel('nope')).rejects.toMatchObject({ status: 404 });
    await expect(api.createModel(WORKBENCH)).rejects.toMatchObject({ status: 409 });

    const broken = modelWithRobot({ type: 'change_stage', stage: 'no_such_stage' }).model;
    await api.saveModel(broken);
    const refused = await api.publish(WORKBENCH.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(422);
    expect((refused as ApiError).diagnostics.map((d) => d.severity)).toContain('error');

    await api.saveModel(WORKBENCH);
    const errors = analyzeModel(WORKBENCH).filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    await expect(api.publish(WORKBENCH.id)).resolves.toMatchObject({ version: 1 });
    await expect(api.listModels()).resolves.toEqual([
      {
        id: WORKBENCH.id,
        name: WORKBENCH.name,
        updatedAt: expect.any(String),
        publishedVersion: 1,
      },
    ]);
    expect(api.calls.map((c) => c.method)).toContain('publish');
  });

  it('refuses a document that is not a model (422) and stores nothing', async () => {
    const api = createFakeApiClient({ models: [WORKBENCH] });
    const bad = { ...WORKBENCH, pipelines: 'none' } as unknown as typeof WORKBENCH;
    await expect(api.saveModel(bad)).rejects.toMatchObject({ status: 422 });
    await expect(api.getModel(WORKBENCH.id)).resolves.toMatchObject({ model: WORKBENCH });
  });
});
