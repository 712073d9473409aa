import { describe, expect, it } from 'vitest';
import { createInstance } from 'i18next';
import en from '../../../designer/src/i18n/en.json';
import ru from '../../../designer/src/i18n/ru.json';
import { diffModels } from '../../../schemas/diff/diff-models.js';
import { describeDiffEntry } from '../../../designer/src/versions/describe-diff-entry.js';
import { nodeLabel } from '../../../designer/src/versions/node-label.js';
import { fixtureModel } from './fixture-model.js';

async function tOf(lng: 'en' | 'ru') {
  const i = createInstance();
  await i.init({ lng, resources: { en: { translation: en }, ru: { translation: ru } } });
  return i.t;
}

describe('the diff list reads as sentences', () => {
  const v1 = fixtureModel();
  const robot = v1.pipelines[0]!.stages[0]!.robots[0]!;
  robot.name = 'Remind';
  robot.timing = { kind: 'delay', duration: { value: 10, unit: 'minutes' } };
  const v2 = structuredClone(v1);
  (
    v2.pipelines[0]!.stages[0]!.robots[0]!.timing as { duration: { value: number } }
  ).duration.value = 15;
  v2.pipelines[0]!.stages[1]!.name = 'Renamed stage';
  const sentences = async (lng: 'en' | 'ru') => {
    const t = await tOf(lng);
    return diffModels(v1, v2).map((e) =>
      describeDiffEntry(t, e, {
        label: nodeLabel(v2, e.nodeId),
        format: (v) => JSON.stringify(v),
        before: v1,
        after: v2,
      }),
    );
  };

  it('in English, with the names the admin typed', async () => {
    const out = await sentences('en');
    expect(out).toContain('Robot “Remind” waits 15 min instead of 10 min');
    expect(out.some((s) => s.startsWith('Stage “Renamed stage” renamed from “'))).toBe(true);
    expect(out.join(' ')).not.toMatch(/\/pipelines\//);
  });

  it('in Russian', async () => {
    const out = await sentences('ru');
    expect(out).toContain('Робот «Remind» ждёт 15 мин вместо 10 мин');
  });
});
