import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { SignInPage } from '../../designer/src/access/sign-in-page.js';
import { STORY_PASSWORD } from '../support/fake-access-api.js';

/** Sign-in: email and password; why it shows (no owner yet, session ended). */
const meta = {
  title: 'access/Sign-in page',
  component: SignInPage,
  parameters: { layout: 'fullscreen' },
  args: { onSignedIn: fn() },
} satisfies Meta<typeof SignInPage>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const SetupRequired: Story = { args: { reason: 'setup-required' } };
export const SessionEnded: Story = { args: { reason: 'expired' } };
export const Russian: Story = { globals: { locale: 'ru' }, args: { reason: 'expired' } };

/** A wrong password says so; the right one signs in. */
export const WrongThenRight: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByTestId('sign-in-email'), 'ivan@example.com');
    await userEvent.type(canvas.getByTestId('sign-in-password'), 'nope');
    await userEvent.click(canvas.getByTestId('sign-in-submit'));
    await expect(await canvas.findByTestId('sign-in-error')).toHaveTextContent(
      'Wrong email or password.',
    );
    await expect(args.onSignedIn).not.toHaveBeenCalled();
    await userEvent.clear(canvas.getByTestId('sign-in-password'));
    await userEvent.type(canvas.getByTestId('sign-in-password'), STORY_PASSWORD);
    await userEvent.click(canvas.getByTestId('sign-in-submit'));
    await expect(args.onSignedIn).toHaveBeenCalledOnce();
  },
};
