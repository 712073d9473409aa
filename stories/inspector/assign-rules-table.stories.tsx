import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { AssignRule, SimpleAssignTarget } from '../../schemas/index.js';
import { AssignRulesTable } from '../../designer/src/inspector/assign-rules-table.js';
import { withEditor } from '../support/decorators.js';

type Table = { rules: AssignRule[]; otherwise?: SimpleAssignTarget };

function RulesHarness({ initial, onChange }: { initial: Table; onChange: (t: Table) => void }) {
  const [table, setTable] = useState(initial);
  return (
    <div style={{ width: 380 }}>
      <AssignRulesTable
        rules={table.rules}
        otherwise={table.otherwise}
        entity="deal"
        defaultTarget={{ kind: 'user', user: 'orlova' }}
        onChange={(rules, otherwise) => {
          setTable({ rules, otherwise });
          onChange({ rules, otherwise });
        }}
      />
    </div>
  );
}

const TWO_RULES: Table = {
  rules: [
    { condition: { '>': [{ var: 'amount' }, 100000] }, target: { kind: 'user', user: 'orlova' } },
    { condition: { '==': [{ var: 'plan' }, 'year'] }, target: { kind: 'user', user: 'semenov' } },
  ],
  otherwise: { kind: 'user', user: 'makarova' },
};

/** The assign action's rules: "condition -> person", first match wins, then "otherwise". */
const meta = {
  title: 'inspector/Assign rules table',
  component: RulesHarness,
  decorators: [withEditor],
  args: { initial: TWO_RULES, onChange: fn() },
} satisfies Meta<typeof RulesHarness>;
export default meta;
type Story = StoryObj<typeof meta>;

export const TwoRulesAndOtherwise: Story = {};
export const WithoutOtherwise: Story = { args: { initial: { rules: TWO_RULES.rules } } };
export const Russian: Story = { globals: { locale: 'ru' } };

/** Move the second rule up: order decides who gets the deal. */
export const ReorderRules: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const second = within(canvas.getByTestId('assign-rule-1'));
    await userEvent.click(second.getByRole('button', { name: '↑' }));
    const [first, next] = TWO_RULES.rules;
    await expect(args.onChange).toHaveBeenLastCalledWith({
      rules: [next, first],
      otherwise: TWO_RULES.otherwise,
    });
  },
};
