import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { Timing } from '../../schemas/index.js';
import { TimingEditor } from '../../designer/src/inspector/timing-editor.js';
import { withEditor } from '../support/decorators.js';

function TimingHarness({ initial, onChange }: { initial: Timing; onChange: (t: Timing) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <div style={{ width: 360 }}>
      <TimingEditor
        value={value}
        entity="deal"
        onChange={(t) => {
          setValue(t);
          onChange(t);
        }}
      />
    </div>
  );
}

/** When a robot runs: each timing kind, as the robot form embeds it. */
const meta = {
  title: 'inspector/Timing editor',
  component: TimingHarness,
  decorators: [withEditor],
  args: { initial: { kind: 'immediate' }, onChange: fn() },
} satisfies Meta<typeof TimingHarness>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Immediate: Story = {};
export const Delay: Story = {
  args: { initial: { kind: 'delay', duration: { value: 30, unit: 'minutes' } } },
};
export const RelativeToField: Story = {
  args: {
    initial: {
      kind: 'relative_to_field',
      field: 'subscription_end',
      direction: 'before',
      offset: { value: 3, unit: 'days' },
    },
  },
};
export const AfterPrevious: Story = {
  args: { initial: { kind: 'after_previous', duration: { value: 1, unit: 'hours' } } },
};
/** "After 2 hours", waiting the full time, then moved into working hours (`true`/`"shift"`). */
export const WorkingHours: Story = {
  args: { initial: { kind: 'delay', duration: { value: 2, unit: 'hours' }, workingHours: true } },
};
/** "After 2 hours of working time": an SLA clock that stops at night and at weekends. */
export const CountWorkingTime: Story = {
  args: {
    initial: { kind: 'delay', duration: { value: 2, unit: 'hours' }, workingHours: 'count' },
  },
};
export const CountWorkingTimeRussian: Story = { ...CountWorkingTime, globals: { locale: 'ru' } };
export const Russian: Story = { ...RelativeToField, globals: { locale: 'ru' } };

/** The admin turns "after 2 hours" into an SLA clock, then back to moving into working hours. */
export const ChooseWorkingTime: Story = {
  args: { initial: { kind: 'delay', duration: { value: 2, unit: 'hours' } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const group = canvas.getByRole('group', { name: 'Working hours' });
    await expect(within(group).getByRole('radio', { name: /^Any time/ })).toBeChecked();
    await userEvent.click(within(group).getByRole('radio', { name: /^Count only working time/ }));
    await expect(args.onChange).toHaveBeenLastCalledWith({
      kind: 'delay',
      duration: { value: 2, unit: 'hours' },
      workingHours: 'count',
    });
    await expect(canvas.getByRole('combobox', { name: 'Calendar' })).toBeVisible();
    await userEvent.click(
      within(group).getByRole('radio', { name: /^Wait, then move to working hours/ }),
    );
    await expect(args.onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ workingHours: 'shift' }),
    );
  },
};

/** Relative to a date field picks the entity's first date field. */
export const SwitchToRelative: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByTestId('timing-kind'), 'relative_to_field');
    await expect(args.onChange).toHaveBeenLastCalledWith({
      kind: 'relative_to_field',
      field: 'createdAt',
      direction: 'before',
      offset: { value: 1, unit: 'days' },
    });
    await userEvent.click(canvas.getByRole('radio', { name: /^Count only working time/ }));
    await expect(args.onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'relative_to_field', workingHours: 'count' }),
    );
  },
};
