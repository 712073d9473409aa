import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { withEditor } from '../support/decorators.js';
import { ConditionHarness } from '../support/condition-harness.js';

/** JSON-Logic the builder can show as AND/OR groups of rules. */
const NESTED = {
  and: [
    { '>': [{ var: 'amount' }, 100000] },
    {
      or: [
        { '==': [{ var: 'plan' }, 'year'] },
        { and: [{ '==': [{ var: 'activated' }, true] }, { '!=': [{ var: 'currency' }, 'USD'] }] },
      ],
    },
  ],
};
/** Arithmetic has no builder form: it stays as code, and survives edits around it. */
const CODE_ONLY = {
  and: [{ '==': [{ var: 'plan' }, 'month'] }, { '>': [{ '*': [{ var: 'amount' }, 12] }, 500000] }],
};

const meta = {
  title: 'condition/Condition editor',
  component: ConditionHarness,
  decorators: [withEditor],
  args: { onChange: fn() },
} satisfies Meta<typeof ConditionHarness>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};
export const NestedGroups: Story = { args: { initial: NESTED } };
export const CodeOnlyCondition: Story = { args: { initial: CODE_ONLY } };
export const DateField: Story = {
  args: { initial: { '<': [{ var: 'subscription_end' }, '2026-12-31'] } },
};
export const EmptyRussian: Story = { globals: { locale: 'ru' } };
export const NestedGroupsRussian: Story = { globals: { locale: 'ru' }, args: { initial: NESTED } };

/** Add a rule, pick field, operator and value: the JSON-Logic follows. */
export const BuildARule: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByTestId('add-rule'));
    const rule = within(canvas.getByTestId('condition-rule'));
    await userEvent.selectOptions(rule.getByTestId('rule-field'), 'amount');
    await userEvent.selectOptions(rule.getByTestId('rule-operator'), 'gte');
    await userEvent.type(rule.getByTestId('rule-value'), '250000');
    await expect(args.onChange).toHaveBeenLastCalledWith({ '>=': [{ var: 'amount' }, 250000] });
    await expect(canvas.getByTestId('condition-json')).toHaveTextContent(
      '{">=":[{"var":"amount"},250000]}',
    );
  },
};

/** A nested OR group inside the AND: two rules there, one outside. */
export const AddANestedGroup: Story = {
  args: { initial: { '>': [{ var: 'amount' }, 1000] } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const [root] = canvas.getAllByTestId('condition-group');
    if (!root) throw new Error('no root group');
    await userEvent.click(within(root).getAllByTestId('add-group').at(-1) as HTMLElement);
    const nested = canvas.getAllByTestId('condition-group')[1];
    if (!nested) throw new Error('no nested group');
    await userEvent.click(within(nested).getByTestId('add-rule'));
    const [, inner] = canvas.getAllByTestId('condition-rule');
    if (!inner) throw new Error('no rule in the nested group');
    await userEvent.selectOptions(within(inner).getByTestId('rule-field'), 'plan');
    await userEvent.selectOptions(within(inner).getByTestId('rule-value'), 'year');
    await expect(within(nested).getByTestId('group-op')).toHaveValue('or');
    await expect(args.onChange).toHaveBeenLastCalledWith({
      and: [{ '>': [{ var: 'amount' }, 1000] }, { or: [{ '==': [{ var: 'plan' }, 'year'] }] }],
    });
  },
};

/** Editing around a code-only part keeps it verbatim. */
export const KeepCodeOnlyPart: Story = {
  args: { initial: CODE_ONLY },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('condition-raw')).toHaveTextContent('"*"');
    await userEvent.selectOptions(canvas.getByTestId('group-op'), 'or');
    await expect(args.onChange).toHaveBeenLastCalledWith({ or: CODE_ONLY.and });
  },
};

/** The same condition as JSON-Logic in Monaco (bundled, offline): a real browser only. */
export const CodeView: Story = {
  tags: ['browser-only'],
  args: { initial: NESTED },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByTestId('condition-code-tab'));
    await expect(await canvas.findByRole('code', {}, { timeout: 10_000 })).toBeVisible();
  },
};
