// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../../../designer/src/i18n/i18n.js';
import { EditorProvider } from '../../../designer/src/editor/editor-context.js';
import { ConditionEditor } from '../../../designer/src/condition/condition-editor.js';
import { fixtureModel } from './fixture-model.js';

afterEach(cleanup);

function Harness({ initial, seen }: { initial: unknown; seen: unknown[] }) {
  const [value, setValue] = useState<unknown>(initial);
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
        <ConditionEditor
          value={value}
          entity="deal"
          onChange={(v) => {
            seen.push(v);
            setValue(v);
          }}
        />
      </EditorProvider>
    </I18nextProvider>
  );
}

describe('ConditionEditor (builder view)', () => {
  it('builds "amount > 1000000" from an empty condition', () => {
    const seen: unknown[] = [];
    render(<Harness initial={undefined} seen={seen} />);
    fireEvent.click(screen.getByTestId('add-rule'));
    const rule = screen.getByTestId('condition-rule');
    fireEvent.change(within(rule).getByTestId('rule-field'), { target: { value: 'amount' } });
    fireEvent.change(within(rule).getByTestId('rule-operator'), { target: { value: 'gt' } });
    fireEvent.change(within(rule).getByTestId('rule-value'), { target: { value: '1000000' } });
    expect(seen.at(-1)).toEqual({ '>': [{ var: 'amount' }, 1000000] });
  });

  it('shows a part it cannot display as code and keeps it when other parts change', () => {
    const seen: unknown[] = [];
    const odd = { '>': [{ '+': [{ var: 'amount' }, 1] }, 3] };
    render(<Harness initial={{ and: [{ '==': [{ var: 'product' }, 'a'] }, odd] }} seen={seen} />);
    expect(screen.getByTestId('condition-raw').textContent).toContain(JSON.stringify(odd));
    fireEvent.change(screen.getByTestId('group-op'), { target: { value: 'or' } });
    expect(seen.at(-1)).toEqual({ or: [{ '==': [{ var: 'product' }, 'a'] }, odd] });
  });

  it('offers date operators for a date field', () => {
    render(<Harness initial={{ '<': [{ var: 'end_date' }, '2025-01-01'] }} seen={[]} />);
    const op = screen.getByTestId('rule-operator') as HTMLSelectElement;
    expect(op.value).toBe('before');
    expect([...op.options].map((o) => o.value)).toContain('within_next_days');
    expect((screen.getByTestId('rule-value') as HTMLInputElement).type).toBe('date');
  });
});
