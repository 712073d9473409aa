import { describe, expect, it } from 'vitest';
import type { SimulationScenario } from '../../schemas/simulation/index.js';
import { ApiError } from '../../designer/src/api/api-types.js';
import { storyExtraApi } from '../../stories/support/story-extra-api.js';
import {
  NOBODY_REACTS,
  REACTION_TIME,
  TAKEN_AT_10_MINUTES,
} from '../../stories/support/simulation-fixtures.js';
import { REACTION_TIME_V1 } from '../../stories/support/version-fixtures.js';

const ID = 'reaction-time-control';

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const e: unknown = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(e)}`);
  return e;
}

describe('fake ExtraApi of the stories', () => {
  it('lists versions without their models and answers 404 for unknown models and versions', async () => {
    const api = storyExtraApi();
    const list = await api.listVersions(ID);
    expect(list.map((v) => [v.version, typeof v.note])).toEqual([
      [1, 'string'],
      [2, 'string'],
    ]);
    expect(list[0]).not.toHaveProperty('model');
    expect((await api.getVersion(ID, 1)).model).toEqual(REACTION_TIME_V1);
    expect((await refusal(api.getVersion(ID, 9))).status).toBe(404);
    expect((await refusal(api.listVersions('nope'))).status).toBe(404);
  });

  it('rolls back by publishing the old model as a new number, which becomes the draft', async () => {
    const api = storyExtraApi();
    expect(await api.rollback(ID, 1)).toEqual({ version: 3, diagnostics: [], unchanged: false });
    expect((await api.listVersions(ID)).at(-1)?.note).toBe('rollback to version 1');
    expect((await api.getModel(ID)).model).toEqual(REACTION_TIME_V1);
  });

  it('refuses to discard the draft of a model never published (409)', async () => {
    const e = await refusal(storyExtraApi().discardDraft('subscriptions'));
    expect([e.status, e.code]).toEqual([409, 'NOT_PUBLISHED']);
  });

  it('copies an example under a fresh id each time and 404s an example it cannot copy', async () => {
    const api = storyExtraApi();
    expect((await api.listExamples()).map((e) => e.scenario)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await api.copyExample(ID)).model.id).toBe(`${ID}-copy`);
    expect((await api.copyExample(ID)).model.id).toBe(`${ID}-copy-2`);
    expect((await refusal(api.copyExample('call-center'))).status).toBe(404);
  });

  it('answers the recorded runs in turn and 422s a scenario the schema refuses', async () => {
    const api = storyExtraApi();
    const scenario = { name: 'run', model: REACTION_TIME, steps: [] } as SimulationScenario;
    expect(await api.simulate(scenario)).toBe(NOBODY_REACTS);
    expect(await api.simulate(scenario)).toBe(TAKEN_AT_10_MINUTES);
    expect(await api.simulate(scenario)).toBe(TAKEN_AT_10_MINUTES);
    const bad = await refusal(
      api.simulate({
        ...scenario,
        horizon: { value: -1, unit: 'eons' },
      } as unknown as SimulationScenario),
    );
    expect(bad.status).toBe(422);
    expect(bad.diagnostics.length).toBeGreaterThan(0);
  });
});
