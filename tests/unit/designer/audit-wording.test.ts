import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../designer/src/i18n/en.json';
import ru from '../../../designer/src/i18n/ru.json';
import { detailText, kindLabel } from '../../../designer/src/access/audit-wording.js';
import { describeActor } from '../../../designer/src/access/describe-actor.js';
import { robotNamesOf } from '../../../designer/src/access/robot-names.js';
import { makeFormatters } from '../../../designer/src/i18n/use-format.js';
import { AUDIT_DETAIL_CODES, AUDIT_KINDS } from '../../../schemas/api/audit-kinds.js';
import { fixtureModel } from './fixture-model.js';

async function tOf(lng: 'en' | 'ru') {
  const i = createInstance();
  await i.init({
    lng,
    resources: { en: { translation: en }, ru: { translation: ru } },
    interpolation: { escapeValue: false },
  });
  return i.t;
}

const CYRILLIC = /[а-яё]/i;
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the audit log in the admin’s words (issue 12)', () => {
  it('every audit kind has an English and a Russian label, never the key', async () => {
    const [te, tr] = [await tOf('en'), await tOf('ru')];
    for (const kind of AUDIT_KINDS) {
      const e = kindLabel(te, kind);
      const r = kindLabel(tr, kind);
      expect(e, kind).not.toBe(kind);
      expect(r, kind).not.toBe(kind);
      expect(CYRILLIC.test(r), `${kind}: ${r}`).toBe(true);
      expect(CYRILLIC.test(e), `${kind}: ${e}`).toBe(false);
    }
    expect(kindLabel(tr, 'record.restored')).toBe('Запись восстановлена');
    // A kind a newer server writes shows as written rather than as nothing.
    expect(kindLabel(tr, 'record.teleported')).toBe('record.teleported');
  });

  it('every detail code reads in both languages with the same values', async () => {
    const [te, tr] = [await tOf('en'), await tOf('ru')];
    for (const code of AUDIT_DETAIL_CODES) {
      const e = te(`access.audit.detail.${code}`);
      const r = tr(`access.audit.detail.${code}`);
      expect(e, code).not.toBe(`access.audit.detail.${code}`);
      expect(CYRILLIC.test(r), `${code}: ${r}`).toBe(true);
      expect(placeholders(r), code).toEqual(placeholders(e));
    }
  });

  it('words a coded detail for the reader; an uncoded one is the user’s text', async () => {
    const [te, tr] = [await tOf('en'), await tOf('ru')];
    const wrong = { detail: 'wrong password', detailCode: 'wrong_password' };
    expect(detailText(tr, makeFormatters('ru'), wrong)).toEqual({
      text: 'неверный пароль',
      userText: false,
    });
    const kept = {
      detail: 'kept in the recycle bin until 2027-01-06T10:00:00.000Z',
      detailCode: 'kept_until',
      detailParams: { until: '2027-01-06T10:00:00.000Z' },
    };
    const ruKept = detailText(tr, makeFormatters('ru'), kept)?.text ?? '';
    expect(ruKept).toMatch(/^хранится в корзине до 6\s+янв\.\s+2027\s+г\.,\s+10:00 UTC$/);
    expect(detailText(te, makeFormatters('en'), kept)?.text).toBe(
      'kept in the recycle bin until 6 Jan 2027, 10:00 UTC',
    );
    expect(
      detailText(tr, makeFormatters('ru'), {
        detail: '1 link(s)',
        detailCode: 'links_dropped',
        detailParams: { count: 1 },
      })?.text,
    ).toBe('убрано связей с записями, которых больше нет: 1');
    expect(detailText(tr, makeFormatters('ru'), { detail: '1C export' })).toEqual({
      text: '1C export',
      userText: true,
    });
    expect(detailText(tr, makeFormatters('ru'), {})).toBeUndefined();
  });

  it('names a robot by the names the admin typed, its keys kept in the title', async () => {
    const tr = await tOf('ru');
    const model = fixtureModel();
    const robot = model.pipelines[0]!.stages[0]!.robots[0]!;
    robot.name = 'Назначить по очереди';
    const names = robotNamesOf(model);
    const actor = {
      kind: 'robot' as const,
      modelId: model.id,
      version: 3,
      ruleId: `robot:${robot.id}`,
      ruleName: robot.id,
    };
    const shown = describeActor(tr, actor, names);
    expect(shown.text).toBe(`Назначить по очереди (${model.name}, версия 3)`);
    expect(shown.title).toBe(`${model.id} v3 / robot:${robot.id}`);
    // Without the model's names (no right to read models): the keys.
    expect(describeActor(tr, actor).text).toBe(`${robot.id} (${model.id}, версия 3)`);
    expect(describeActor(tr, { kind: 'system', name: 'retention' }).text).toBe('срок хранения');
    expect(
      describeActor(tr, {
        kind: 'token',
        tokenId: 't',
        name: 'CI',
        role: 'integrator',
        accountId: 'a',
      }).text,
    ).toBe('токен CI');
  });
});
