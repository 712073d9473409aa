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
export const WorkingHours: Story = {
  args: { initial: { kind: 'delay', duration: { value: 2, unit: 'hours' }, workingHours: true } },
};
export const Russian: Story = { ...RelativeToField, globals: { locale: 'ru' } };

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
    await userEvent.click(canvas.getByRole('checkbox'));
    await expect(args.onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'relative_to_field', workingHours: true }),
    );
  },
};
