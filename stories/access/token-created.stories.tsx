import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { TokenCreated } from '../../designer/src/access/token-created.js';

/** A new API token, shown once, with copy. */
const meta = {
  title: 'access/Token created',
  component: TokenCreated,
  args: {
    name: 'Zapier',
    token: 'cvy_tok3_Xq9cS1mW0rYbT3kPz7LhN2vA5dE8fG4jK6uQ0oI1aBc',
    onDone: fn(),
  },
} satisfies Meta<typeof TokenCreated>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Russian: Story = { globals: { locale: 'ru' } };
export const Done: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByTestId('token-done'));
    await expect(args.onDone).toHaveBeenCalledOnce();
  },
};
