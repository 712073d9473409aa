// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Timing } from '../../../schemas/index.js';
import { i18n, setLanguage } from '../../../designer/src/i18n/i18n.js';
import { makeFormatters } from '../../../designer/src/i18n/use-format.js';
import { EditorProvider } from '../../../designer/src/editor/editor-context.js';
import { TimingEditor } from '../../../designer/src/inspector/timing-editor.js';
import { describeEntry } from '../../../designer/src/simulation/describe-entry.js';
import { fixtureModel } from './fixture-model.js';

afterEach(() => {
  cleanup();
  setLanguage('en');
});

function Harness({ initial, seen }: { initial: Timing; seen: Timing[] }) {
  const [value, setValue] = useState<Timing>(initial);
  return (
    <I18nextProvider i18n={i18n}>
      <EditorProvider
        value={{
          model: fixtureModel(),
          dispatch: () => undefined,
          directory: { users: [], departments: [], queues: [] },
          select: () => undefined,
        }}
      >
        <TimingEditor
          value={value}
          entity="deal"
          onChange={(t) => {
            seen.push(t);
            setValue(t);
          }}
        />
      </EditorProvider>
    </I18nextProvider>
  );
}

const twoHours = { kind: 'delay', duration: { value: 2, unit: 'hours' } } as const;

describe('timing editor: working hours in plain words', () => {
  it('makes "after 2 hours" an SLA clock by choosing "Count only working time"', () => {
    setLanguage('en');
    const seen: Timing[] = [];
    render(<Harness initial={twoHours} seen={seen} />);
    const group = screen.getByRole('group', { name: 'Working hours' });
    expect(group).toBeTruthy();
    expect(screen.getByRole('radio', { name: /^Any time/ })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('radio', { name: /^Count only working time/ }));
    expect(seen.at(-1)).toEqual({ ...twoHours, workingHours: 'count' });
    fireEvent.click(screen.getByRole('radio', { name: /^Wait, then move to working hours/ }));
    expect(seen.at(-1)).toEqual({ ...twoHours, workingHours: 'shift' });
    fireEvent.click(screen.getByRole('radio', { name: /^Any time/ }));
    expect(seen.at(-1)).toEqual(twoHours);
  });

  it('shows an old "workingHours": true as "wait, then move" and keeps it as written', () => {
    const seen: Timing[] = [];
    render(<Harness initial={{ ...twoHours, workingHours: true }} seen={seen} />);
    const shift = screen.getByRole('radio', { name: /^Wait, then move to working hours/ });
    expect(shift).toHaveProperty('checked', true);
    // The calendar choice comes with it; merely showing the timing rewrites nothing.
    expect(screen.getByRole('combobox', { name: 'Calendar' })).toBeTruthy();
    expect(seen).toEqual([]);
  });

  it('offers no counting for an immediate robot, and turns counting into moving when switched', () => {
    const seen: Timing[] = [];
    render(<Harness initial={{ ...twoHours, workingHours: 'count' }} seen={seen} />);
    fireEvent.change(screen.getByTestId('timing-kind'), { target: { value: 'immediate' } });
    expect(seen.at(-1)).toEqual({ kind: 'immediate', workingHours: 'shift' });
    expect(screen.queryByRole('radio', { name: /^Count only working time/ })).toBeNull();
    expect(screen.getByRole('radio', { name: /^Only in working hours/ })).toHaveProperty(
      'checked',
      true,
    );
  });

  it('speaks Russian', () => {
    setLanguage('ru');
    render(<Harness initial={twoHours} seen={[]} />);
    expect(screen.getByRole('group', { name: 'Рабочее время' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /^Считать только рабочее время/ })).toBeTruthy();
    expect(
      screen.getByRole('radio', { name: /^Выждать, затем перенести на рабочее время/ }),
    ).toBeTruthy();
  });
});

describe('simulation timeline: the due time in the calendar zone beside UTC', () => {
  const entry = {
    at: '2026-11-20T14:30:00.000Z',
    minute: 0,
    ref: 'request',
    recordId: 'deal_1',
    kind: 'rule',
    nodeId: 'robot:sla_answer',
    outcome: 'scheduled',
    message: '',
    data: {
      dueAt: '2026-11-23T07:30:00.000Z',
      calendar: 'moscow_office',
      timeZone: 'Europe/Moscow',
      workingHours: 'count',
    },
  };

  it('reads Monday 10:30 in Moscow and 07:30 UTC, in English and Russian', () => {
    const t = i18n.t.bind(i18n);
    setLanguage('en');
    const en = describeEntry(entry, fixtureModel(), t, makeFormatters('en'));
    expect(en).toContain('10:30');
    expect(en).toContain('Mon');
    expect(en).toContain('(Europe/Moscow)');
    expect(en).toContain('07:30 UTC');
    expect(en).toContain('working time counted');
    setLanguage('ru');
    const ru = describeEntry(entry, fixtureModel(), t, makeFormatters('ru'));
    expect(ru).toContain('запланировано на');
    expect(ru).toContain('10:30');
    expect(ru).toContain('07:30 UTC');
    expect(ru).toContain('с учётом только рабочего времени');
  });

  it('shows UTC alone when the zone is unknown', () => {
    const t = i18n.t.bind(i18n);
    setLanguage('en');
    const odd = { ...entry, data: { ...entry.data, timeZone: 'Mars/Base' } };
    expect(describeEntry(odd, fixtureModel(), t, makeFormatters('en'))).toMatch(
      /^scheduled for 23 Nov 2026, 07:30 UTC/,
    );
  });
});
