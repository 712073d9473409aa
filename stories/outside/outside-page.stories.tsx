import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { OutsideApiProvider } from '../../designer/src/outside/outside-api-context.js';
import { OutsidePage } from '../../designer/src/outside/outside-page.js';
import { createFakeOutsideApi } from '../support/fake-outside-api.js';

/** Outbox, dead letters, inbound hook addresses and documents of an installation. */
const meta = {
  title: 'outside/Outside world',
  component: OutsidePage,
  args: { origin: 'https://crm.example.com' },
  decorators: [
    (Story, ctx) => (
      <OutsideApiProvider client={createFakeOutsideApi({ empty: ctx.parameters.empty === true })}>
        <Story />
      </OutsideApiProvider>
    ),
  ],
} satisfies Meta<typeof OutsidePage>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithADeadLetter: Story = {};
export const Russian: Story = { globals: { locale: 'ru' } };
export const Empty: Story = { parameters: { empty: true } };

/** The dead letter shows its error; dropping it empties the list. */
export const DropADeadLetter: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    // Until the list has loaded the section is an empty-state paragraph with the same
    // test id: wait for the row's button, then read the table that replaced it.
    const drop = await page.findByRole('button', { name: 'Drop' });
    const dead = page.getByTestId('dead-letters');
    await expect(dead).toHaveTextContent('HTTP 400 — amount is not a number');
    await userEvent.click(drop);
    await expect(await page.findByText('No dead letters.')).toBeInTheDocument();
  },
};

/** Regenerating gives the trigger a new address. */
export const RegenerateAHook: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const input = await page.findByRole('textbox', { name: 'Address of payment_hook' });
    await expect(input).toHaveValue(
      'https://crm.example.com/api/hooks/Zm9yLXN0b3JpZXMtb25seS0wMDAwMDAwMA',
    );
    await userEvent.click(page.getByTestId('regenerate-payment_hook'));
    await expect(
      await page.findByDisplayValue(
        'https://crm.example.com/api/hooks/regenerated-for-stories-0000000001',
      ),
    ).toBeInTheDocument();
  },
};
