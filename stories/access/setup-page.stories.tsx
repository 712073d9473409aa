import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { SetupPage } from '../../designer/src/access/setup-page.js';
import { createFakeAccessApi } from '../support/fake-access-api.js';
import type { StoryParameters } from '../support/decorators.js';

/** The owner's setup page, opened from the link the server printed. */
const meta = {
  title: 'access/Setup page',
  component: SetupPage,
  parameters: { layout: 'fullscreen' },
  args: { token: 'story-token', onDone: fn(), onSignIn: fn() },
} satisfies Meta<typeof SetupPage>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Russian: Story = { globals: { locale: 'ru' } };
export const LinkCutShort: Story = { args: { token: null } };
export const OwnerExists: Story = {
  parameters: {
    accessApi: () => createFakeAccessApi({ setupNeeded: false }),
  } satisfies StoryParameters,
};

/** Name, email and a password twice create the owner. */
export const CreateOwner: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByTestId('setup-name'), 'Olga Petrova');
    await userEvent.type(canvas.getByTestId('setup-email'), 'olga@example.com');
    await userEvent.type(canvas.getByTestId('setup-password'), 'long enough secret');
    await userEvent.type(canvas.getByTestId('setup-repeat'), 'long enough secret');
    await userEvent.click(canvas.getByTestId('setup-submit'));
    await expect(args.onDone).toHaveBeenCalledOnce();
  },
};

/** A spent or forged token is refused with the reason. */
export const InvalidToken: Story = {
  args: { token: 'spent' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByTestId('setup-name'), 'Olga');
    await userEvent.type(canvas.getByTestId('setup-email'), 'olga@example.com');
    await userEvent.type(canvas.getByTestId('setup-password'), 'long enough secret');
    await userEvent.type(canvas.getByTestId('setup-repeat'), 'long enough secret');
    await userEvent.click(canvas.getByTestId('setup-submit'));
    await expect(await canvas.findByTestId('setup-error')).toHaveTextContent('not valid');
    await expect(args.onDone).not.toHaveBeenCalled();
  },
};
