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
      <OutsideApiProvider
        client={createFakeOutsideApi({
          empty: ctx.parameters.empty === true,
          ...(typeof ctx.parameters.many === 'number'
            ? { manyDeadLetters: ctx.parameters.many }
            : {}),
        })}
      >
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

/** The dead letter shows its error; dropping it asks first, then empties the list. */
export const DropADeadLetter: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    // Until the list has loaded the section is an empty-state paragraph with the same
    // test id: wait for the row's button, then read the table that replaced it.
    const drop = await page.findByRole('button', { name: 'Drop' });
    const dead = page.getByTestId('dead-letters');
    await expect(dead).toHaveTextContent('HTTP 400 — amount is not a number');
    // The names the admin typed, not ids: the record's title, the robot and its model.
    await expect(dead).toHaveTextContent('Order 42');
    await expect(dead).toHaveTextContent('Sync to ERP');
    await expect(dead).toHaveTextContent('Orders and payments');
    await userEvent.click(drop);
    // Nothing is dropped before the page's own dialog is confirmed.
    const dialog = await page.findByTestId('confirm-dialog');
    await expect(dialog).toHaveTextContent(
      'Webhook call to https://erp.example.com/orders for Order 42',
    );
    await expect(dead).toHaveTextContent('HTTP 400');
    await expect(within(dialog).getByTestId('confirm-yes')).toHaveTextContent('Drop');
    await userEvent.click(within(dialog).getByTestId('confirm-yes'));
    await expect(await page.findByText('No dead letters.')).toBeInTheDocument();
  },
};

/**
 * 150 dead letters: the first 100, then the rest with "Load more"; replaying one keeps
 * both pages loaded (only its row goes).
 */
export const PagingPastAHundred: Story = {
  parameters: { many: 150 },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await page.findByTestId('replay-out_100');
    await expect(page.queryByTestId('replay-out_101')).toBeNull();
    const section = page.getByRole('region', { name: 'Dead letters' });
    await userEvent.click(within(section).getByTestId('load-more'));
    await expect(await page.findByTestId('replay-out_150')).toBeInTheDocument();
    await expect(within(section).queryByTestId('load-more')).toBeNull();
    await userEvent.click(page.getByTestId('replay-out_150'));
    await expect(
      await page.findByText('Webhook call for Order 42 will be tried again.'),
    ).toBeVisible();
    await expect(page.queryByTestId('replay-out_150')).toBeNull();
    await expect(page.getByTestId('replay-out_149')).toBeInTheDocument();
    await expect(page.getByTestId('replay-out_1')).toBeInTheDocument();
  },
};

/** Regenerating asks first, then gives the trigger a new address. */
export const RegenerateAHook: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const input = await page.findByRole('textbox', { name: 'Address of Payment arrived' });
    await expect(page.getByTestId('hook-name-payment_hook')).toHaveTextContent(
      'Payment arrived → Sales: Paid',
    );
    await expect(page.getByTestId('hook-name-payment_hook')).toHaveAttribute(
      'title',
      'trigger:payment_hook → sales/paid',
    );
    await expect(input).toHaveValue(
      'https://crm.example.com/api/hooks/Zm9yLXN0b3JpZXMtb25seS0wMDAwMDAwMA',
    );
    await userEvent.click(page.getByTestId('regenerate-payment_hook'));
    const dialog = await page.findByTestId('confirm-dialog');
    await expect(input).toHaveValue(
      'https://crm.example.com/api/hooks/Zm9yLXN0b3JpZXMtb25seS0wMDAwMDAwMA',
    );
    await userEvent.click(within(dialog).getByTestId('confirm-yes'));
    await expect(
      await page.findByDisplayValue(
        'https://crm.example.com/api/hooks/regenerated-for-stories-0000000001',
      ),
    ).toBeInTheDocument();
  },
};
