import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { TemplateTextField } from '../../designer/src/inspector/template-text-field.js';
import { withEditor } from '../support/decorators.js';

function TemplateHarness(props: {
  initial: string;
  multiline?: boolean;
  onChange: (v: string) => void;
}) {
  const [value, setValue] = useState(props.initial);
  return (
    <div style={{ width: 360 }}>
      <TemplateTextField
        label="Message"
        value={value}
        entity="deal"
        multiline={props.multiline}
        testId="template-text"
        onChange={(v) => {
          setValue(v);
          props.onChange(v);
        }}
      />
    </div>
  );
}

/** Liquid text with placeholder completion (typing `{{` offers the deal's fields). */
const meta = {
  title: 'inspector/Template text field',
  component: TemplateHarness,
  decorators: [withEditor],
  args: { initial: 'Hello, {{ contact.name }}!', onChange: fn() },
} satisfies Meta<typeof TemplateHarness>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SingleLine: Story = {};
export const Multiline: Story = {
  args: {
    multiline: true,
    initial: 'Your subscription {{ record.title }}\nends on {{ record.subscription_end }}.',
  },
};
export const Empty: Story = { args: { initial: '' } };

/** Typing `{{ record.sub` offers the matching fields; a click completes it. */
export const CompletePlaceholder: Story = {
  args: { initial: '' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByTestId('template-text'), 'Ends {{{{ record.sub');
    const suggestion = await canvas.findByRole('button', { name: 'record.subscription_end' });
    await userEvent.click(suggestion);
    await expect(args.onChange).toHaveBeenLastCalledWith('Ends {{ record.subscription_end }}');
  },
};
