// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { SimulationResult } from '../../../schemas/simulation/index.js';
import { i18n } from '../../../designer/src/i18n/i18n.js';
import { SimOutputs } from '../../../designer/src/simulation/sim-outputs.js';

afterEach(cleanup);

describe('simulation outputs', () => {
  it('show the ids of the records the automation created, which steps can name', async () => {
    await i18n.changeLanguage('en');
    const result = {
      start: '2026-01-05T09:00:00Z',
      end: '2026-01-05T11:00:00Z',
      model: { id: 'm', version: 0 },
      timeline: [],
      records: [
        { ref: 'd1', id: 'deal_1', entity: 'deal', pipeline: 'sales', stage: 'paid', fields: {} },
        {
          ref: 'auto-1',
          id: 'deal_2',
          entity: 'deal',
          pipeline: 'logistics',
          stage: 'new_request',
          fields: { title: 'Delivery: Pumps' },
        },
      ],
      tasks: [],
      notifications: [],
      outbox: [],
      timers: [],
      expectations: [],
      passed: true,
      stats: { steps: 1, timersFired: 0 },
    } as unknown as SimulationResult;
    render(
      <I18nextProvider i18n={i18n}>
        <SimOutputs result={result} />
      </I18nextProvider>,
    );
    const row = screen.getByTestId('sim-record-auto-1');
    expect(row.textContent).toBe('auto-1 · Deal · logistics / new_request · Delivery: Pumps');
    expect(screen.queryByTestId('sim-record-d1')).toBeNull();
  });
});
