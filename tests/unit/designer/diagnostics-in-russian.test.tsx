// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../../../designer/src/i18n/i18n.js';
import { DiagnosticsPanel } from '../../../designer/src/diagnostics/diagnostics-panel.js';
import { renderDiagnostic } from '../../../designer/src/diagnostics/render-diagnostic.js';
import { analyzeModel, type AutomationModel, type Robot } from '../../../schemas/index.js';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

const discount = (id: string, name: string, value: number): Robot => ({
  id,
  name,
  timing: { kind: 'immediate' },
  action: { type: 'update_fields', set: [{ field: 'skidka', value }] },
});

/** A Russian admin's model: two robots of "Новая заявка" both set the discount. */
const model: AutomationModel = {
  schemaVersion: 1,
  id: 'prodazhi',
  name: 'Продажи',
  entities: { deal: { fields: [{ key: 'skidka', label: 'Скидка', type: 'number' }] } },
  pipelines: [
    {
      key: 'prodazhi',
      name: 'Продажи',
      entity: 'deal',
      stages: [
        {
          key: 'novaya_zayavka',
          name: 'Новая заявка',
          kind: 'in_progress',
          robots: [discount('skidka_5', 'Скидка 5%', 5), discount('skidka_10', 'Скидка 10%', 10)],
          triggers: [],
        },
        { key: 'uspeshno', name: 'Успешно', kind: 'success', robots: [], triggers: [] },
      ],
    },
  ],
};

describe("the Problems panel speaks the UI language with the admin's names", () => {
  it('in Russian: the conflicting writes name the stage "Новая заявка", the robots and the field, no keys', async () => {
    await i18n.changeLanguage('ru');
    const diagnostics = analyzeModel(model);
    expect(diagnostics.map((d) => d.code)).toEqual(['CONFLICTING_FIELD_WRITES']);
    render(
      <I18nextProvider i18n={i18n}>
        <DiagnosticsPanel diagnostics={diagnostics} onPick={() => undefined} />
      </I18nextProvider>,
    );
    const text = screen.getByTestId('diagnostics').textContent ?? '';
    expect(text).toContain(
      'Роботы «Скидка 5%» и «Скидка 10%» этапа «Новая заявка» оба записывают поле «Скидка»',
    );
    expect(text).not.toContain('novaya_zayavka');
    expect(text).not.toContain('skidka_10');
  });

  it('in English the same finding reads in English, still with the names', async () => {
    await i18n.changeLanguage('en');
    const [d] = analyzeModel(model);
    expect(renderDiagnostic(i18n.t, d!)).toBe(
      'Robots “Скидка 5%” and “Скидка 10%” of stage “Новая заявка” both write field “Скидка”',
    );
  });

  it('translates entity types and falls back to the message for a diagnostic without params', async () => {
    await i18n.changeLanguage('ru');
    expect(
      renderDiagnostic(i18n.t, {
        code: 'UNKNOWN_FIELD',
        severity: 'error',
        path: '/x',
        message: 'deal has no field "budget"',
        params: { entity: 'deal', field: 'budget' },
      }),
    ).toBe(`У сущности «${i18n.t('entity.deal')}» нет поля «budget»`);
    expect(
      renderDiagnostic(i18n.t, {
        code: 'FROM_AN_OLD_RUNTIME',
        severity: 'error',
        path: '/',
        message: 'as sent',
      }),
    ).toBe('as sent');
  });
});
